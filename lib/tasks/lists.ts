import { forEachCursorBatch, mapBatch } from "@/lib/export/cursor";
import { and, asc, count, desc, eq, getTableName, gte, isNotNull, lt, ne, sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { cases, clients, moments, tasks, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { relationFacts } from "./access";
import { dueWindow, isOverdue, LATE_STATUSES } from "./due-window";
import { PAGE_SIZE, statusesOf, type ListSort, type TaskListParams } from "./list-params";
import { TASK_STATUSES, type Priority, type TaskStatus } from "./schema";

/** My tasks: assigned to me. Delegated: created by me for someone else. Team: assigned to anyone under me. */
export type TaskListView = "mine" | "delegated" | "team";

export interface TaskListRow {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: TaskStatus;
  progress: number;
  dueAt: Date | null;
  overdue: boolean;
  needsAcceptance: boolean;
  /** Delegated only: escalated to the assignee's supervisor for its current due moment (always false in the other views). */
  escalated: boolean;
  lastActivityAt: Date;
  assignee: { id: string; name: string };
  delegator: { id: string; name: string };
  client: { id: string; name: string } | null;
  case: { id: string; number: number; title: string } | null;
  /** Part of a larger task (which the viewer may or may not see: the list says only that). */
  isSubtask: boolean;
  /** An instance of a repeating task (a task series). */
  recurring: boolean;
  /** A parent's subtasks: done of all but cancelled; null when it has none. */
  subtasks: { done: number; total: number } | null;
}

export type StatusCounts = Record<TaskStatus, number>;

export interface TaskList {
  rows: TaskListRow[];
  counts: StatusCounts;
  /** Rows matching every filter, status included: what the pages page through. */
  total: number;
}

/**
 * A column of the list's own task row, always written "tasks"."column": a page's query joins no table (namesOf), and
 * drizzle then writes columns bare, which inside a subquery would name the subquery's own table's column ("id" in the
 * moments subquery is the moment's id).
 */
function own(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(tasks))}.${sql.identifier(column.name)}`;
}

const assignee = alias(users, "assignee");
const delegator = alias(users, "delegator");
const subtask = alias(tasks, "subtask");

/**
 * `status IN (...)` with the statuses written as literals, not parameters: only then can the
 * planner prove the partial indexes of active work apply, in generic plans too. The values come
 * from the enum's own list, never from the request.
 */
export function statusIn(statuses: readonly TaskStatus[]): SQL {
  const literals = TASK_STATUSES.filter((s) => statuses.includes(s)).map((s) => `'${s}'`);
  return sql`${tasks.status} IN (${sql.raw(literals.join(", "))})`;
}

/**
 * What a list query looks like apart from its values: which filters are on, the status set, the
 * order. Each shape is built and prepared once per database and then only bound to values, so
 * the page pays for its SQL, not for assembling it on every request.
 */
interface Shape {
  view: TaskListView;
  priority: boolean;
  person: boolean;
  client: boolean;
  case: boolean;
  due: TaskListParams["due"];
}

const P = (name: string) => sql.placeholder(name);

/** How a query takes its values: as placeholders of a prepared statement, or bound right away (an export's cursor). */
interface Bind {
  (name: string): Placeholder | SQL;
  viewer: Placeholder | string;
}

const placeholders: Bind = Object.assign((name: string) => P(name), { viewer: P("viewer") });

/** Each view is one of the relations that make a task visible (access.ts), so a list never shows what the task page refuses. */
function scopeOf(view: TaskListView, bind: Bind = placeholders): SQL {
  const facts = relationFacts({ id: bind.viewer, role: "member" });
  if (view === "mine") return facts.isAssignee;
  if (view === "delegated") return and(facts.isCreator, ne(tasks.assigneeId, tasks.createdById))!;
  return facts.aboveAssignee;
}

/** Every filter except status, which the counts per status leave out. */
function filtersOf(shape: Shape, bind: Bind = placeholders): SQL[] {
  const where = [scopeOf(shape.view, bind)];
  if (shape.priority) where.push(eq(tasks.priority, bind("priority")));
  if (shape.person) where.push(eq(shape.view === "mine" ? tasks.createdById : tasks.assigneeId, bind("person")));
  if (shape.client) where.push(eq(tasks.clientId, bind("client")));
  if (shape.case) where.push(eq(tasks.caseId, bind("case")));
  if (shape.due) {
    where.push(isNotNull(tasks.dueAt), lt(tasks.dueAt, sql`${bind("dueTo")}::timestamptz`));
    if (shape.due === "overdue") where.push(statusIn(LATE_STATUSES));
    else where.push(gte(tasks.dueAt, sql`${bind("dueFrom")}::timestamptz`));
  }
  return where;
}

function shapeOf(view: TaskListView, params: TaskListParams): Shape {
  return { view, priority: !!params.priority, person: !!params.person, client: !!params.client, case: !!params.case, due: params.due };
}

/** The values a shape is bound to; due windows are computed in the viewer's zone. */
function valuesOf(viewer: Viewer, params: TaskListParams, now: Date): Record<string, unknown> {
  const window = params.due ? dueWindow(params.due, now, viewer.timeZone) : null;
  return {
    viewer: viewer.id,
    priority: params.priority,
    person: params.person,
    client: params.client,
    case: params.case,
    dueFrom: window?.from?.toISOString(),
    dueTo: window?.to.toISOString(),
    limit: PAGE_SIZE,
    offset: (params.page - 1) * PAGE_SIZE,
  };
}

function orderOf(sort: ListSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "asc" ? asc : desc;
  const tie = asc(tasks.number);
  switch (sort) {
    case "due":
      // Tasks with no due date come last whichever way the list is sorted.
      return [sql`${tasks.dueAt} ${sql.raw(dir === "asc" ? "ASC" : "DESC")} NULLS LAST`, tie];
    case "priority":
      return [by(tasks.priority), sql`${tasks.dueAt} ASC NULLS LAST`, tie];
    case "status":
      return [by(tasks.status), sql`${tasks.dueAt} ASC NULLS LAST`, tie];
    case "progress":
      return [by(tasks.progress), tie];
    case "activity":
      return [by(tasks.lastActivityAt), tie];
    case "created":
      return [by(tasks.createdAt), tie];
    case "number":
      return [by(tasks.number)];
    case "title":
      return [by(sql`lower(${tasks.title})`), tie];
  }
}

/**
 * Delegated follows work up: whether an overdue task already reached the assignee's supervisor,
 * for the due moment it has now, read with the row instead of after it. A scalar subquery with
 * LIMIT 1, not EXISTS: Postgres would turn EXISTS into a hashed scan of every escalation ever sent;
 * this probes moments_escalated_idx once per row of the page.
 */
function escalatedOf(view: TaskListView): SQL<boolean> {
  if (view !== "delegated") return sql<boolean>`false`;
  return sql<boolean>`COALESCE((SELECT true FROM ${moments} WHERE ${moments.kind} = 'escalation' AND ${moments.sentAt} IS NOT NULL
    AND ${moments.itemId} = ${own(tasks.id)} AND ${moments.dueAt} = ${own(tasks.dueAt)} LIMIT 1), false)`;
}

/**
 * A parent's subtasks as "done/total" (cancelled ones left out), read with the row: a scalar
 * subquery probing tasks_parent_idx once per row of the page, "0/0" for a task without subtasks.
 */
const subtaskCounts = sql<string>`(SELECT count(*) FILTER (WHERE ${subtask.status} = 'done') || '/' || count(*) FILTER (WHERE ${subtask.status} <> 'cancelled')
  FROM ${tasks} AS ${sql.identifier("subtask")} WHERE ${subtask.parentTaskId} = ${own(tasks.id)})`;

/**
 * Where a row's names come from. A page of rows looks each one up by primary key for its own fifty rows: the planner
 * then plans one table and a few one-row lookups instead of five joined tables, which took it longer than running the
 * query (0.85 ms against 0.22 ms of planning for the Delegated page, 0.3 ms to run either way). An export reads every
 * row and joins instead: lookups per row would add a third of a second per 100,000 rows.
 */
type Names = "looked-up" | "joined";

function namesOf(names: Names) {
  if (names === "joined")
    return {
      assigneeName: sql<string>`${assignee.name}`,
      delegatorName: sql<string>`${delegator.name}`,
      clientName: sql<string | null>`${clients.name}`,
      caseNumber: sql<number | null>`${cases.number}`,
      caseTitle: sql<string | null>`${cases.title}`,
    };
  return {
    assigneeName: sql<string>`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${own(tasks.assigneeId)})`,
    delegatorName: sql<string>`(SELECT ${users.name} FROM ${users} WHERE ${users.id} = ${own(tasks.createdById)})`,
    clientName: sql<string | null>`(SELECT ${clients.name} FROM ${clients} WHERE ${clients.id} = ${own(tasks.clientId)})`,
    caseNumber: sql<number | null>`(SELECT ${cases.number} FROM ${cases} WHERE ${cases.id} = ${own(tasks.caseId)})`,
    caseTitle: sql<string | null>`(SELECT ${cases.title} FROM ${cases} WHERE ${cases.id} = ${own(tasks.caseId)})`,
  };
}

function rowsSelect(db: DbOrTx, shape: Shape, params: TaskListParams, bind: Bind = placeholders, names: Names = "looked-up") {
  const name = namesOf(names);
  const query = db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      priority: tasks.priority,
      status: tasks.status,
      progress: tasks.progress,
      dueAt: tasks.dueAt,
      needsAcceptance: tasks.needsAcceptance,
      escalated: escalatedOf(shape.view),
      lastActivityAt: tasks.lastActivityAt,
      assigneeId: tasks.assigneeId,
      assigneeName: name.assigneeName,
      delegatorId: tasks.createdById,
      delegatorName: name.delegatorName,
      clientId: tasks.clientId,
      clientName: name.clientName,
      caseId: tasks.caseId,
      caseNumber: name.caseNumber,
      caseTitle: name.caseTitle,
      parentTaskId: tasks.parentTaskId,
      seriesId: tasks.seriesId,
      subtaskCounts,
    })
    .from(tasks)
    .$dynamic();
  const from =
    names === "joined"
      ? query
          .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
          .innerJoin(delegator, eq(delegator.id, tasks.createdById))
          .leftJoin(clients, eq(clients.id, tasks.clientId))
          .leftJoin(cases, eq(cases.id, tasks.caseId))
      : query;
  return from.where(and(...filtersOf(shape, bind), statusIn(statusesOf(params.status)))).orderBy(...orderOf(params.sort, params.dir));
}

function rowsQuery(db: DbOrTx, shape: Shape, params: TaskListParams, name: string) {
  return rowsSelect(db, shape, params).limit(P("limit")).offset(P("offset")).prepare(name);
}

function countsQuery(db: DbOrTx, shape: Shape, name: string) {
  return db
    .select({ status: tasks.status, n: count() })
    .from(tasks)
    .where(and(...filtersOf(shape)))
    .groupBy(tasks.status)
    .prepare(name);
}

const preparedRows = new WeakMap<DbOrTx, Map<string, ReturnType<typeof rowsQuery>>>();
const preparedCounts = new WeakMap<DbOrTx, Map<string, ReturnType<typeof countsQuery>>>();

function cached<Q>(store: WeakMap<DbOrTx, Map<string, Q>>, db: DbOrTx, key: string, build: (name: string) => Q): Q {
  let byKey = store.get(db);
  if (!byKey) store.set(db, (byKey = new Map()));
  let query = byKey.get(key);
  if (!query) byKey.set(key, (query = build(`tasks_${byKey.size}`)));
  return query;
}

/** One page of a task list, filtered and sorted as the URL says. */
export async function taskListRows(db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, now: Date): Promise<TaskListRow[]> {
  const shape = shapeOf(view, params);
  const key = JSON.stringify([shape, params.status, params.sort, params.dir]);
  const rows = await cached(preparedRows, db, key, (name) => rowsQuery(db, shape, params, `list_${name}`)).execute(valuesOf(viewer, params, now));
  return rows.map((r) => listRowOf(r, now));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof rowsSelect>["execute"]>>[number];

function listRowOf(r: SelectedRow, now: Date): TaskListRow {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    priority: r.priority,
    status: r.status,
    progress: r.progress,
    dueAt: r.dueAt,
    overdue: isOverdue(r, now),
    needsAcceptance: r.needsAcceptance,
    escalated: r.escalated,
    lastActivityAt: r.lastActivityAt,
    assignee: { id: r.assigneeId, name: r.assigneeName },
    delegator: { id: r.delegatorId, name: r.delegatorName },
    client: r.clientId && r.clientName ? { id: r.clientId, name: r.clientName } : null,
    case: r.caseId && r.caseNumber !== null && r.caseTitle !== null ? { id: r.caseId, number: r.caseNumber, title: r.caseTitle } : null,
    isSubtask: r.parentTaskId !== null,
    recurring: r.seriesId !== null,
    subtasks: subtasksOf(r.subtaskCounts),
  };
}

/**
 * Every row of a task list, as its filters, status and sort say (not one page: an export), handed to `onBatch` in
 * batches read through a cursor in one transaction, so a list of 100,000 tasks never sits in memory whole. The next
 * batch is read only when `onBatch` has finished with the last (the export's stream waits for its reader).
 */
export async function forEachTaskListBatch(
  db: DbOrTx,
  viewer: Viewer,
  view: TaskListView,
  params: TaskListParams,
  now: Date,
  batchSize: number,
  onBatch: (rows: TaskListRow[]) => Promise<void>,
): Promise<void> {
  const values = valuesOf(viewer, params, now);
  const bind: Bind = Object.assign(
    (name: string) => {
      const value = values[name];
      if (typeof value !== "string") throw new Error(`task list export: no value for ${name}`);
      return sql`${value}`;
    },
    { viewer: viewer.id },
  );
  const query = rowsSelect(db, shapeOf(view, params), params, bind, "joined");
  await forEachCursorBatch(db, "task_list_export", query, CURSOR_COLUMNS, ["due_at", "last_activity_at"], batchSize, (rows) =>
    onBatch(mapBatch(rows, (r) => listRowOf(selectedOf(r as unknown as CursorRow), now))),
  );
}

/** The list select's columns in order, as the export's cursor names them. */
const CURSOR_COLUMNS = [
  "id",
  "number",
  "title",
  "priority",
  "status",
  "progress",
  "due_at",
  "needs_acceptance",
  "escalated",
  "last_activity_at",
  "assignee_id",
  "assignee_name",
  "delegator_id",
  "delegator_name",
  "client_id",
  "client_name",
  "case_id",
  "case_number",
  "case_title",
  "parent_task_id",
  "series_id",
  "subtask_counts",
] as const;

interface CursorRow {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: TaskStatus;
  progress: number;
  due_at: string | null;
  needs_acceptance: boolean;
  escalated: boolean;
  last_activity_at: string;
  assignee_id: string;
  assignee_name: string;
  delegator_id: string;
  delegator_name: string;
  client_id: string | null;
  client_name: string | null;
  case_id: string | null;
  case_number: number | null;
  case_title: string | null;
  parent_task_id: string | null;
  series_id: string | null;
  subtask_counts: string;
}

function selectedOf(r: CursorRow): SelectedRow {
  return {
    id: r.id,
    number: Number(r.number),
    title: r.title,
    priority: r.priority,
    status: r.status,
    progress: Number(r.progress),
    dueAt: r.due_at === null ? null : new Date(r.due_at),
    needsAcceptance: r.needs_acceptance,
    escalated: r.escalated,
    lastActivityAt: new Date(r.last_activity_at),
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    delegatorId: r.delegator_id,
    delegatorName: r.delegator_name,
    clientId: r.client_id,
    clientName: r.client_name,
    caseId: r.case_id,
    caseNumber: r.case_number === null ? null : Number(r.case_number),
    caseTitle: r.case_title,
    parentTaskId: r.parent_task_id,
    seriesId: r.series_id,
    subtaskCounts: r.subtask_counts,
  };
}

function subtasksOf(counts: string): { done: number; total: number } | null {
  const [done, total] = counts.split("/").map(Number);
  return total ? { done: done!, total } : null;
}

/** How many tasks of the list are in each status, with every other filter applied. */
export async function taskStatusCounts(db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, now: Date): Promise<StatusCounts> {
  const shape = shapeOf(view, params);
  const rows = await cached(preparedCounts, db, JSON.stringify(shape), (name) => countsQuery(db, shape, `counts_${name}`)).execute(
    valuesOf(viewer, params, now),
  );
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Everything a task list page shows: the page of rows and the counts per status. */
export async function listTasks(db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, now: Date): Promise<TaskList> {
  const [rows, counts] = await Promise.all([taskListRows(db, viewer, view, params, now), taskStatusCounts(db, viewer, view, params, now)]);
  const total = statusesOf(params.status).reduce((sum, s) => sum + counts[s], 0);
  return { rows, counts, total };
}

export const myTasks = (db: DbOrTx, viewer: Viewer, params: TaskListParams, now: Date) => listTasks(db, viewer, "mine", params, now);
export const delegatedTasksOf = (db: DbOrTx, viewer: Viewer, params: TaskListParams, now: Date) => listTasks(db, viewer, "delegated", params, now);
export const teamTasksOf = (db: DbOrTx, viewer: Viewer, params: TaskListParams, now: Date) => listTasks(db, viewer, "team", params, now);
