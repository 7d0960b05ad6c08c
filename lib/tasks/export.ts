import type { Readable } from "node:stream";
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { EXPORT_BATCH, exportStream, wallClockText, type ExportColumn, type ExportFormat } from "@/lib/export/stream";
import { messages } from "@/lib/i18n/messages";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import { forEachTaskListBatch, type TaskListRow, type TaskListView } from "./lists";
import type { TaskListParams } from "./list-params";
import { TASK_STATUSES, type TaskStatus } from "./schema";

/** A task list, every row its filters select, as a CSV or XLSX stream, in the viewer's language and zone. */
export function exportTaskList(db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, format: ExportFormat, now: Date): Readable {
  const t = createTranslator({ locale: viewer.locale, messages: messages[viewer.locale] });
  const zone = viewer.timeZone;
  const yes = t("tasks.export.yes");
  // Labels once, not per row: a 100,000-row export writes the same nine words over and over.
  const priorities = Object.fromEntries(PRIORITIES.map((p) => [p, t(`common.priority.${p}`)])) as Record<Priority, string>;
  const statuses = Object.fromEntries(TASK_STATUSES.map((s) => [s, t(`tasks.status.${s}`)])) as Record<TaskStatus, string>;
  const columns: ExportColumn<TaskListRow>[] = [
    { key: "number", header: t("tasks.list.columns.number"), text: (r) => r.number },
    { key: "title", header: t("tasks.list.columns.title"), text: (r) => r.title, width: 48 },
    { key: "priority", header: t("tasks.list.columns.priority"), text: (r) => priorities[r.priority] },
    { key: "status", header: t("tasks.list.columns.status"), text: (r) => statuses[r.status] },
    { key: "progress", header: t("tasks.export.progress"), text: (r) => r.progress },
    { key: "due", header: t("tasks.export.due", { zone }), text: (r) => (r.dueAt ? wallClockText(r.dueAt, zone) : ""), instant: (r) => r.dueAt },
    { key: "overdue", header: t("tasks.export.overdue"), text: (r) => (r.overdue ? yes : "") },
    { key: "assignee", header: t("tasks.list.columns.assignee"), text: (r) => r.assignee.name },
    { key: "delegator", header: t("tasks.list.columns.delegator"), text: (r) => r.delegator.name },
    { key: "client", header: t("tasks.export.client"), text: (r) => r.client?.name ?? "", width: 28 },
    { key: "case", header: t("tasks.export.case"), text: (r) => (r.case ? `#${r.case.number} ${r.case.title}` : ""), width: 28 },
    {
      key: "activity",
      header: t("tasks.export.activity", { zone }),
      text: (r) => wallClockText(r.lastActivityAt, zone),
      instant: (r) => r.lastActivityAt,
    },
  ];
  return exportStream({
    format,
    columns,
    sheetName: t("tasks.export.sheet"),
    timeZone: zone,
    batches: (onBatch) => forEachTaskListBatch(db, viewer, view, params, now, EXPORT_BATCH, onBatch),
  });
}
