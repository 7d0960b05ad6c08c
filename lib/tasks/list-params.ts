import { z } from "zod";
import { DUE_FILTERS, type DueFilter } from "./due-window";
import { ACTIVE_STATUSES, PRIORITIES, TASK_STATUSES, type Priority, type TaskStatus } from "./schema";

/** The task lists are driven by the URL, so every filtered and sorted view can be linked to. */

export const LIST_SORTS = ["due", "priority", "status", "progress", "activity", "created", "number", "title"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const STATUS_FILTERS = ["active", "all", ...TASK_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const PAGE_SIZE = 50;
/** How a list is shown: rows of a table, or cards in a column per status. */
export const LIST_LAYOUTS = ["list", "board"] as const;
export type ListLayout = (typeof LIST_LAYOUTS)[number];

export interface TaskListParams {
  status: StatusFilter;
  priority: Priority | null;
  due: DueFilter | null;
  /** Whoever is on the other side: the delegator in My tasks, the assignee elsewhere. */
  person: string | null;
  client: string | null;
  case: string | null;
  sort: ListSort;
  dir: "asc" | "desc";
  page: number;
  layout: ListLayout;
}

/** The direction each column sorts in first: soonest due, most urgent, most recent. */
export const NATURAL_DIR: Record<ListSort, "asc" | "desc"> = {
  due: "asc",
  priority: "desc",
  status: "asc",
  progress: "desc",
  activity: "desc",
  created: "desc",
  number: "desc",
  title: "asc",
};

const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null);
const id = orNull(z.uuid());

// A hand-edited or outdated link falls back to the default for that parameter instead of failing.
const schema = z.object({
  status: z.enum(STATUS_FILTERS).catch("active"),
  priority: orNull(z.enum(PRIORITIES)),
  due: orNull(z.enum(DUE_FILTERS)),
  person: id,
  client: id,
  case: id,
  sort: z.enum(LIST_SORTS).catch("due"),
  dir: z.enum(["asc", "desc"]).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  layout: z.enum(LIST_LAYOUTS).catch("list"),
});

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseListParams(search: SearchParams): TaskListParams {
  const first = (k: string) => {
    const v = search[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, first(k) ?? null]));
  const parsed = schema.parse({ ...raw, status: raw.status ?? "active", sort: raw.sort ?? "due", page: raw.page ?? 1, layout: raw.layout ?? "list" });
  return { ...parsed, dir: parsed.dir ?? NATURAL_DIR[parsed.sort] };
}

export const DEFAULT_LIST_PARAMS: TaskListParams = parseListParams({});
const DEFAULTS = DEFAULT_LIST_PARAMS;

/**
 * The query string for `params` with `patch` applied. What equals its default (the "no filter"
 * of each parameter) is left out to keep links short: this and the filter form's hidden fields
 * both ask `isDefault`, so a link and a submitted form name the same view alike.
 */
export function listQuery(params: TaskListParams, patch: Partial<TaskListParams> = {}): string {
  const next = { ...params, ...patch };
  const out = new URLSearchParams();
  for (const key of ["status", "priority", "due", "person", "client", "case", "sort", "dir", "page", "layout"] as const) {
    if (!isDefault(next, key)) out.set(key, String(next[key]));
  }
  const query = out.toString();
  return query ? `?${query}` : "";
}

/** Whether `params[key]` is what a link without that parameter means. */
export function isDefault(params: TaskListParams, key: keyof TaskListParams): boolean {
  if (key === "dir") return params.dir === NATURAL_DIR[params.sort];
  return params[key] === DEFAULTS[key];
}

export function statusesOf(filter: StatusFilter): readonly TaskStatus[] {
  if (filter === "all") return TASK_STATUSES;
  if (filter === "active") return ACTIVE_STATUSES;
  return [filter];
}
