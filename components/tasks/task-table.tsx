import { clsx } from "clsx";
import { ArrowDown, ArrowUp } from "lucide-react";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { Table, Th } from "@/components/ui/table";
import { listQuery, NATURAL_DIR, type ListSort, type TaskListParams } from "@/lib/tasks/list-params";
import type { TaskListRow, TaskListView } from "@/lib/tasks/lists";
import { SelectAllBox } from "./bulk-selection";
import { TaskRows, type RowColumn, type RowData } from "./task-rows";

type Column = RowColumn;

const COLUMNS: Record<TaskListView, Column[]> = {
  mine: ["number", "title", "priority", "status", "progress", "due", "delegator", "activity"],
  delegated: ["number", "title", "priority", "status", "progress", "due", "assignee", "activity"],
  // The team view names both sides in one column: who does it, and who asked.
  team: ["number", "title", "priority", "status", "progress", "due", "people", "activity"],
};

// On a phone (a technician in the field) the list keeps what to do and by when; the rest
// returns as the screen widens (the body's cells: task-rows.tsx).
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

/**
 * The dense list of tasks shared by My tasks, Delegated and Team; headers sort through the URL.
 * `selectable`: a checkbox per row and one for the page, inside <BulkSelection>.
 */
export async function TaskTable({
  view,
  rows,
  params,
  path,
  now,
  selectable = false,
}: {
  selectable?: boolean;
  view: TaskListView;
  rows: TaskListRow[];
  params: TaskListParams;
  path: string;
  now: Date;
}) {
  const t = await getTranslations("tasks.list");
  const format = await getFormatter();
  const formatInstant = await getInstantFormat();
  const columns = COLUMNS[view];
  return (
    <Table caption={t(`${view === "mine" ? "mineTitle" : view === "delegated" ? "delegatedTitle" : "teamTitle"}`)}>
      <thead>
        <tr>
          {selectable ? (
            <Th className="w-8">
              <SelectAllBox />
            </Th>
          ) : null}
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
      <TaskRows columns={columns} rows={rows.map(rowData)} selectable={selectable} />
    </Table>
  );

  /** What the rows need, already formatted here in the viewer's zone and language: the payload carries only this. */
  function rowData(row: TaskListRow): RowData {
    const data: RowData = {
      id: row.id,
      number: row.number,
      title: row.title,
      priority: row.priority,
      status: row.status,
      progress: row.progress,
      assignee: row.assignee.name,
      activity: [row.lastActivityAt.toISOString(), formatInstant(row.lastActivityAt), format.relativeTime(row.lastActivityAt, now)],
    };
    if (row.dueAt) data.due = formatInstant(row.dueAt);
    if (row.overdue) data.overdue = true;
    if (row.needsAcceptance) data.needsAcceptance = true;
    if (row.escalated) data.escalated = true;
    if (row.isSubtask) data.subtask = true;
    if (row.recurring) data.recurring = true;
    if (row.subtasks) data.subtasks = [row.subtasks.done, row.subtasks.total];
    // Mine names who asked; Team names them under the assignee when that is someone else.
    if (view === "mine" || (view === "team" && row.delegator.id !== row.assignee.id)) data.delegator = row.delegator.name;
    const context = [row.client?.name, row.case ? `#${row.case.number} ${row.case.title}` : null].filter(Boolean).join(" · ");
    if (context) data.context = context;
    return data;
  }
}
