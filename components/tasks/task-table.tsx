import { clsx } from "clsx";
import { ArrowDown, ArrowUp, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { Table, Td, Th } from "@/components/ui/table";
import { listQuery, NATURAL_DIR, type ListSort, type TaskListParams } from "@/lib/tasks/list-params";
import type { TaskListRow, TaskListView } from "@/lib/tasks/lists";
import { EscalatedBadge } from "@/components/reminders/escalated-badge";
import { DueLabel } from "./due-label";
import { PriorityLabel, ProgressBar, StatusBadge } from "./task-labels";

type Column = "number" | "title" | "priority" | "status" | "progress" | "due" | "assignee" | "delegator" | "people" | "activity";

const COLUMNS: Record<TaskListView, Column[]> = {
  mine: ["number", "title", "priority", "status", "progress", "due", "delegator", "activity"],
  delegated: ["number", "title", "priority", "status", "progress", "due", "assignee", "activity"],
  // The team view names both sides in one column: who does it, and who asked.
  team: ["number", "title", "priority", "status", "progress", "due", "people", "activity"],
};

// On a phone (a technician in the field) the list keeps what to do and by when; the rest
// returns as the screen widens.
const RESPONSIVE: Partial<Record<Column, string>> = {
  number: "hidden sm:table-cell",
  priority: "hidden sm:table-cell",
  status: "hidden sm:table-cell",
  progress: "hidden md:table-cell",
  assignee: "hidden md:table-cell",
  delegator: "hidden md:table-cell",
  people: "hidden md:table-cell",
  activity: "hidden lg:table-cell",
};

const SORT_OF: Partial<Record<Column, ListSort>> = {
  number: "number",
  title: "title",
  priority: "priority",
  status: "status",
  progress: "progress",
  due: "due",
  activity: "activity",
};

/** The dense list of tasks shared by My tasks, Delegated and Team; headers sort through the URL. */
export async function TaskTable({
  view,
  rows,
  params,
  path,
  now,
  escalated,
}: {
  view: TaskListView;
  rows: TaskListRow[];
  params: TaskListParams;
  path: string;
  now: Date;
  /** Tasks escalated to the assignee's supervisor (Delegated only). */
  escalated?: Set<string>;
}) {
  const t = await getTranslations("tasks.list");
  const format = await getFormatter();
  const formatInstant = await getInstantFormat();
  const columns = COLUMNS[view];
  return (
    <Table caption={t(`${view === "mine" ? "mineTitle" : view === "delegated" ? "delegatedTitle" : "teamTitle"}`)}>
      <thead>
        <tr>
          {columns.map((column) => {
            const sort = SORT_OF[column];
            const active = sort === params.sort;
            const label = t(`columns.${column}`);
            return (
              <Th
                key={column}
                aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
                className={clsx(column === "number" && "w-12", RESPONSIVE[column])}
              >
                {sort ? (
                  <Link
                    href={`${path}${listQuery(params, { sort, dir: active ? (params.dir === "asc" ? "desc" : "asc") : NATURAL_DIR[sort], page: 1 })}`}
                    className={clsx("inline-flex items-center gap-1 hover:text-slate-900", active && "text-slate-900")}
                  >
                    {label}
                    {active ? (
                      params.dir === "asc" ? (
                        <ArrowUp aria-label={t("sortAscending")} className="h-3 w-3" />
                      ) : (
                        <ArrowDown aria-label={t("sortDescending")} className="h-3 w-3" />
                      )
                    ) : null}
                  </Link>
                ) : (
                  label
                )}
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id} className={clsx("group hover:bg-slate-50", row.overdue && "bg-red-50/50 hover:bg-red-50")} data-overdue={row.overdue || undefined}>
            {columns.map((column) => (
              <Td
                key={column}
                className={clsx(
                  RESPONSIVE[column],
                  column === "number" && "border-l-2 text-xs tabular-nums text-slate-500",
                  column === "number" && (row.overdue ? "border-l-red-500" : "border-l-transparent"),
                  column === "title" && row.overdue && "max-sm:border-l-2 max-sm:border-l-red-500",
                )}
              >
                {cell(column, row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );

  function cell(column: Column, row: TaskListRow) {
    switch (column) {
      case "number":
        return `#${row.number}`;
      case "title":
        return (
          <div className="min-w-40 sm:min-w-48 xl:max-w-[28rem]">
            <div className="flex items-start gap-1.5">
              {/* Two lines, then an ellipsis: on a phone a title cut after 25 characters says nothing. */}
              <Link
                href={`/tasks/${row.id}`}
                title={row.title}
                className="line-clamp-2 font-medium break-words text-slate-900 hover:text-brand-700 hover:underline"
              >
                {row.title}
              </Link>
              {row.needsAcceptance ? <CheckCircle2 aria-label={t("needsAcceptance")} className="mt-0.5 h-3.5 w-3.5 shrink-0 text-violet-500" /> : null}
            </div>
            {/* A phone has no room for the priority and status columns: they ride under the title, so urgent still looks urgent. */}
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 sm:hidden">
              <PriorityLabel priority={row.priority} />
              <StatusBadge status={row.status} />
              {escalated?.has(row.id) ? <EscalatedBadge /> : null}
            </div>
            {row.client || row.case ? (
              <div
                className="line-clamp-1 text-xs text-slate-500"
                title={[row.client?.name, row.case ? `#${row.case.number} ${row.case.title}` : null].filter(Boolean).join(" · ")}
              >
                {row.client?.name}
                {row.client && row.case ? " · " : ""}
                {row.case ? `#${row.case.number} ${row.case.title}` : ""}
              </div>
            ) : null}
          </div>
        );
      case "priority":
        return <PriorityLabel priority={row.priority} />;
      case "status":
        return escalated?.has(row.id) ? (
          <div className="flex flex-col items-start gap-0.5">
            <StatusBadge status={row.status} />
            <EscalatedBadge />
          </div>
        ) : (
          <StatusBadge status={row.status} />
        );
      case "progress":
        return <ProgressBar value={row.progress} label={t("columns.progress")} />;
      case "due":
        return <DueLabel dueAt={row.dueAt} overdue={row.overdue} />;
      case "assignee":
        return <span className="whitespace-nowrap">{row.assignee.name}</span>;
      case "delegator":
        return <span className="whitespace-nowrap">{row.delegator.name}</span>;
      case "people":
        return (
          <div className="leading-tight whitespace-nowrap">
            <div>{row.assignee.name}</div>
            {row.delegator.id !== row.assignee.id ? <div className="text-xs text-slate-500">{t("from", { name: row.delegator.name })}</div> : null}
          </div>
        );
      case "activity":
        return (
          <time dateTime={row.lastActivityAt.toISOString()} title={formatInstant(row.lastActivityAt)} className="whitespace-nowrap text-slate-600">
            {format.relativeTime(row.lastActivityAt, now)}
          </time>
        );
    }
  }
}
