import { PassThrough, type Readable } from "node:stream";
import { once } from "node:events";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { messages } from "@/lib/i18n/messages";
import { instantToWallClock } from "@/lib/time/zoned";
import { forEachTaskListBatch, type TaskListRow, type TaskListView } from "./lists";
import type { TaskListParams } from "./list-params";
import { TASK_STATUSES, type TaskStatus } from "./schema";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows read from the database at a time: the export holds about one batch, whatever the list's length. */
export const EXPORT_BATCH = 1_000;

const COLUMNS = ["number", "title", "priority", "status", "progress", "due", "overdue", "assignee", "delegator", "client", "case", "activity"] as const;
type Column = (typeof COLUMNS)[number];

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file's name: the list and the viewer's local day, e.g. baton-delegated-2026-12-06.csv. */
export function exportFileName(view: TaskListView, format: ExportFormat, now: Date, timeZone: string): string {
  return `baton-${view}-${instantToWallClock(now, timeZone).slice(0, 10)}.${format}`;
}

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first) is written with a
 * leading apostrophe, as OWASP advises for CSV: a task titled =HYPERLINK(...) stays text on the reader's machine.
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A task list, every row its filters select, as a CSV (UTF-8 with a BOM, for Excel) or XLSX stream, in the viewer's language and zone. */
export function exportTaskList(db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, format: ExportFormat, now: Date): Readable {
  const t = createTranslator({ locale: viewer.locale, messages: messages[viewer.locale] });
  const header: Record<Column, string> = {
    number: t("tasks.list.columns.number"),
    title: t("tasks.list.columns.title"),
    priority: t("tasks.list.columns.priority"),
    status: t("tasks.list.columns.status"),
    progress: t("tasks.export.progress"),
    due: t("tasks.export.due", { zone: viewer.timeZone }),
    overdue: t("tasks.export.overdue"),
    assignee: t("tasks.list.columns.assignee"),
    delegator: t("tasks.list.columns.delegator"),
    client: t("tasks.export.client"),
    case: t("tasks.export.case"),
    activity: t("tasks.export.activity", { zone: viewer.timeZone }),
  };
  const yes = t("tasks.export.yes");
  // Labels once, not per row: a 100,000-row export writes the same nine words over and over.
  const priorities = Object.fromEntries(PRIORITIES.map((p) => [p, t(`common.priority.${p}`)])) as Record<Priority, string>;
  const statuses = Object.fromEntries(TASK_STATUSES.map((s) => [s, t(`tasks.status.${s}`)])) as Record<TaskStatus, string>;
  const local = (at: Date) => instantToWallClock(at, viewer.timeZone).replace("T", " ");
  const texts = (row: TaskListRow): Record<Column, string | number> => ({
    number: row.number,
    title: row.title,
    priority: priorities[row.priority],
    status: statuses[row.status],
    progress: row.progress,
    due: row.dueAt ? local(row.dueAt) : "",
    overdue: row.overdue ? yes : "",
    assignee: row.assignee.name,
    delegator: row.delegator.name,
    client: row.client?.name ?? "",
    case: row.case ? `#${row.case.number} ${row.case.title}` : "",
    activity: local(row.lastActivityAt),
  });

  const out = new PassThrough();
  // A download the reader cancels closes `out`: the writer must stop waiting for a drain that never comes, or its
  // transaction (and the cursor and pooled connection it holds) would stay open for good.
  const closed = new AbortController();
  out.once("close", () => closed.abort());
  const write =
    format === "csv"
      ? csvWriter(out, header, texts, closed.signal)
      : xlsxWriter(out, header, texts, t("tasks.export.sheet"), (at) => new Date(`${instantToWallClock(at, viewer.timeZone)}:00Z`), closed.signal);
  write(db, viewer, view, params, now).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

type Writer = (db: DbOrTx, viewer: Viewer, view: TaskListView, params: TaskListParams, now: Date) => Promise<void>;

function csvWriter(
  out: PassThrough,
  header: Record<Column, string>,
  texts: (row: TaskListRow) => Record<Column, string | number>,
  signal: AbortSignal,
): Writer {
  return async (db, viewer, view, params, now) => {
    const csv = stringify({ bom: true, header: true, columns: COLUMNS.map((key) => ({ key, header: header[key] })), record_delimiter: "windows" });
    csv.pipe(out);
    await forEachTaskListBatch(db, viewer, view, params, now, EXPORT_BATCH, async (rows) => {
      signal.throwIfAborted();
      for (const row of rows) {
        const cells = texts(row);
        const record = Object.fromEntries(COLUMNS.map((key) => [key, typeof cells[key] === "string" ? inertCell(cells[key]) : cells[key]]));
        if (!csv.write(record)) await once(csv, "drain", { signal });
      }
    });
    csv.end();
  };
}

function xlsxWriter(
  out: PassThrough,
  header: Record<Column, string>,
  texts: (row: TaskListRow) => Record<Column, string | number>,
  sheetName: string,
  wallClock: (at: Date) => Date,
  signal: AbortSignal,
): Writer {
  return async (db, viewer, view, params, now) => {
    // Streamed: each row is committed (written out) as it comes; strings inline, so no table of them grows in memory.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = book.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = COLUMNS.map((key) => ({
      header: header[key],
      key,
      width: key === "title" ? 48 : key === "case" || key === "client" ? 28 : key === "due" || key === "activity" ? 18 : 14,
      ...(key === "due" || key === "activity" ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    await forEachTaskListBatch(db, viewer, view, params, now, EXPORT_BATCH, async (rows) => {
      for (const row of rows) {
        // Dates as the spreadsheet's own (a wall-clock time in the viewer's zone): sortable and filterable there.
        sheet.addRow({ ...texts(row), due: row.dueAt ? wallClock(row.dueAt) : null, activity: wallClock(row.lastActivityAt) }).commit();
      }
      signal.throwIfAborted();
      if (out.writableNeedDrain) await once(out, "drain", { signal });
    });
    sheet.commit();
    await book.commit();
  };
}
