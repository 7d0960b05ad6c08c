"use client";

import { Repeat } from "lucide-react";
import { useFollowLinks } from "@/components/ui/follow-links";
import { useTranslations } from "next-intl";
import { SLOT, slotted } from "@/lib/i18n/slotted";
import type { Priority } from "@/lib/org/vocabulary";
import type { TaskStatus } from "@/lib/tasks/schema";
import type { CSSProperties } from "react";
import { RowBox } from "./bulk-selection";

export type RowColumn = "number" | "title" | "priority" | "status" | "progress" | "due" | "assignee" | "delegator" | "people" | "activity";

/**
 * One row of a task list as the page sends it: plain strings the server already formatted in the
 * viewer's zone and language, and no key for what is absent or false. The page's payload carries
 * this once, and the markup below is drawn from it (the server's HTML and the browser's alike).
 */
export interface RowData {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: TaskStatus;
  progress: number;
  /** The due moment, formatted; absent: no due date. */
  due?: string;
  overdue?: true;
  needsAcceptance?: true;
  escalated?: true;
  /** Part of a larger task. */
  subtask?: true;
  /** An instance of a repeating task. */
  recurring?: true;
  /** A parent's subtasks: done, of all but cancelled. */
  subtasks?: [number, number];
  assignee: string;
  /** The team view's delegator, when someone else than the assignee; the mine view's delegator. */
  delegator?: string;
  /** Client and case, one line. */
  context?: string;
  /** Last activity: ISO instant, the full moment and how long ago. */
  activity: [string, string, string];
}

// On a phone (a technician in the field) the list keeps what to do and by when; the rest returns
// as the screen widens (the column classes in app/globals.css hide them).
const CELL: Record<RowColumn, string | undefined> = {
  number: "tl-n",
  title: "tl-ti",
  priority: "tl-sm",
  status: "tl-sm",
  progress: "tl-md",
  due: undefined,
  assignee: "tl-md",
  delegator: "tl-md",
  people: "tl-md",
  activity: "tl-lg",
};

/** The body of the dense task table (task-table.tsx draws its head and sorting). */
export function TaskRows({ columns, rows, selectable = false }: { columns: RowColumn[]; rows: RowData[]; selectable?: boolean }) {
  const t = useTranslations("tasks");
  const tp = useTranslations("common.priority");
  const te = useTranslations("reminders.badge");
  const tb = useTranslations("tasks.bulk");
  // The few labels every row repeats are looked up once per list, not fifty times (some 2 ms of the Delegated page's
  // render went to these lookups).
  const priorityLabel = once((value: Priority) => tp(value));
  const statusLabel = once((value: TaskStatus) => t(`status.${value}`));
  const progressLabel = t("list.columns.progress");
  const overdueLabel = t("list.overdue");
  const noDueLabel = t("list.noDue");
  const followLinks = useFollowLinks();
  const selectLabel = selectable ? slotted(tb("select", { number: SLOT })) : String;
  const priority = (row: RowData) => (
    <span className="tl-pri" data-priority={row.priority}>
      {priorityLabel(row.priority)}
    </span>
  );
  const status = (row: RowData) => <span className={`tl-st tl-st-${row.status}`}>{statusLabel(row.status)}</span>;
  const escalated = (
    <span className="tl-esc" data-escalated>
      {te("escalated")}
    </span>
  );

  function cell(column: RowColumn, row: RowData) {
    switch (column) {
      case "number":
        return `#${row.number}`;
      case "title":
        return (
          <div className="tl-tw">
            <div className="tl-th">
              {/* Two lines, then an ellipsis: on a phone a title cut after 25 characters says nothing. */}
              {/* A plain link, followed in the app by the body's click handler (useFollowLinks), not a next/link per row. */}
              <a href={`/tasks/${row.id}`} title={row.title} className="tl-a">
                {row.title}
              </a>
              {row.needsAcceptance ? <span role="img" aria-label={t("list.needsAcceptance")} className="tl-acc" /> : null}
              {row.recurring ? (
                <span role="img" aria-label={t("list.repeats")} title={t("list.repeats")} className="ml-1 inline-flex align-[-2px] text-slate-500">
                  <Repeat aria-hidden className="h-3.5 w-3.5" />
                </span>
              ) : null}
              {row.subtask ? <span className="ml-1 rounded bg-slate-100 px-1 text-[11px] whitespace-nowrap text-slate-600">{t("subtasks.marker")}</span> : null}
              {row.subtasks ? (
                <span className="ml-1 rounded bg-slate-100 px-1 text-[11px] whitespace-nowrap text-slate-600 tabular-nums" data-subtasks>
                  {t("subtasks.listProgress", { done: row.subtasks[0], total: row.subtasks[1] })}
                </span>
              ) : null}
            </div>
            {/* A phone has no room for the priority and status columns: they ride under the title, so urgent still looks urgent. */}
            <div className="tl-ph">
              {priority(row)}
              {status(row)}
              {row.escalated ? escalated : null}
            </div>
            {row.context ? (
              <div className="tl-cx" title={row.context}>
                {row.context}
              </div>
            ) : null}
          </div>
        );
      case "priority":
        return priority(row);
      case "status":
        return row.escalated ? (
          <div className="tl-se">
            {status(row)}
            {escalated}
          </div>
        ) : (
          status(row)
        );
      case "progress":
        // One element: the bar is drawn by CSS from --p (app/globals.css), the figure is its text. A progressbar's range
        // is 0 to 100 unless it says otherwise (WAI-ARIA): fifty rows need not say it.
        return (
          <span
            role="progressbar"
            aria-valuenow={row.progress}
            aria-label={progressLabel}
            className={row.progress >= 100 ? "tl-pg tl-pg-done" : "tl-pg"}
            style={{ "--p": `${row.progress}%` } as CSSProperties}
          >{`${row.progress}%`}</span>
        );
      case "due":
        return row.due ? (
          <span className="tl-due">
            {row.due}
            {row.overdue ? <span className="tl-late">{overdueLabel}</span> : null}
          </span>
        ) : (
          <span className="text-muted">{noDueLabel}</span>
        );
      case "assignee":
        return row.assignee;
      case "delegator":
        return row.delegator;
      case "people":
        return (
          <>
            {row.assignee}
            {row.delegator ? <div className="tl-from">{t("list.from", { name: row.delegator })}</div> : null}
          </>
        );
      case "activity":
        return (
          <time dateTime={row.activity[0]} title={row.activity[1]}>
            {row.activity[2]}
          </time>
        );
    }
  }

  return (
    <tbody className="tl" onClick={followLinks}>
      {rows.map((row) => (
        <tr key={row.id} data-overdue={row.overdue}>
          {selectable ? (
            <td>
              <RowBox id={row.id} label={selectLabel(row.number)} />
            </td>
          ) : null}
          {columns.map((column) => (
            <td key={column} className={CELL[column]}>
              {cell(column, row)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/** `label` remembering its answer for each value it was asked. */
function once<K, V>(label: (value: K) => V): (value: K) => V {
  const known = new Map<K, V>();
  return (value) => {
    if (!known.has(value)) known.set(value, label(value));
    return known.get(value)!;
  };
}
