import { PassThrough, Readable } from "node:stream";
import { once, type EventEmitter } from "node:events";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { instantToWallClock } from "@/lib/time/zoned";
import { wallClockMsOf } from "@/lib/time/wall-clock";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Rows read from the database at a time: an export holds about one batch, whatever the list's length. The rows of a
 * batch not yet written live through the young generation's collections and are promoted to the old one, where they
 * wait for a full collection: with 1,000 a 100,000-row XLSX export peaked anywhere from 165 to 245 MB, with 500 it
 * stays at 155-165 MB (bench `export`), at no cost in time.
 */
export const EXPORT_BATCH = 500;

const MINUTE = 60_000;

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function isExportFormat(value: string | null): value is ExportFormat {
  return value !== null && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The file's name: the list and the viewer's local day, e.g. baton-delegated-2026-12-06.csv. */
export function exportFileName(list: string, format: ExportFormat, now: Date, timeZone: string): string {
  return `baton-${list}-${instantToWallClock(now, timeZone).slice(0, 10)}.${format}`;
}

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first) is written with a
 * leading apostrophe, as OWASP advises for CSV: a task titled =HYPERLINK(...) stays text on the reader's machine.
 */
export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One column of an exported list. */
export interface ExportColumn<Row> {
  key: string;
  header: string;
  /** The cell's text (CSV, and XLSX for every column that is not an instant). */
  text: (row: Row) => string | number;
  /** For a column of instants: XLSX gets a real date at the reader's wall clock, sortable and filterable there. */
  instant?: (row: Row) => Date | null;
  /** The XLSX column's width in characters. */
  width?: number;
}

export interface ExportSpec<Row> {
  format: ExportFormat;
  columns: readonly ExportColumn<Row>[];
  sheetName: string;
  /** The reader's zone: instants are written at their wall clock there. */
  timeZone: string;
  /** Reads the list batch by batch (a cursor), calling `onBatch` for each and awaiting it before the next. */
  batches: (onBatch: (rows: Row[]) => Promise<void>) => Promise<void>;
}

/** The reader's wall clock of an instant as text: 2026-03-29 03:30. */
export function wallClockText(at: Date, timeZone: string): string {
  return instantToWallClock(at, timeZone).replace("T", " ");
}

/**
 * A list, every row its source reads, as a CSV (UTF-8 with a BOM, for Excel; CRLF) or XLSX stream. Rows are written
 * as each batch comes and the source waits while the reader is slow, so the export holds about one batch in memory.
 */
export function exportStream<Row>(spec: ExportSpec<Row>): Readable {
  const out = new PassThrough();
  // A download the reader cancels closes `out`: the writer must stop waiting for a drain that never comes, or the
  // source's transaction (and the cursor and pooled connection it holds) would stay open for good.
  const closed = new AbortController();
  out.once("close", () => closed.abort());
  const write = spec.format === "csv" ? writeCsv(out, spec, closed.signal) : writeXlsx(out, spec, closed.signal);
  write.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * The batch's row `i`, let go of in the batch: a row written is garbage at once, so it dies young (a cheap scavenge)
 * instead of living on in the batch while the stream drains and being promoted to the old generation, which a
 * 100,000-row export would grow by some 100 MB before a full collection.
 */
function release<Row>(rows: Row[], i: number): Row {
  const row = rows[i]!;
  (rows as (Row | undefined)[])[i] = undefined;
  return row;
}

async function writeCsv<Row>(out: PassThrough, spec: ExportSpec<Row>, signal: AbortSignal): Promise<void> {
  const { columns } = spec;
  const csv = stringify({ bom: true, record_delimiter: "windows" });
  csv.pipe(out);
  csv.write(columns.map((c) => c.header));
  await spec.batches(async (rows) => {
    signal.throwIfAborted();
    for (let i = 0; i < rows.length; i++) {
      const row = release(rows, i);
      const cells = columns.map((c) => {
        const value = c.text(row);
        return typeof value === "string" ? inertCell(value) : value;
      });
      if (!csv.write(cells)) await once(csv, "drain", { signal });
    }
  });
  csv.end();
}

async function writeXlsx<Row>(out: PassThrough, spec: ExportSpec<Row>, signal: AbortSignal): Promise<void> {
  const { columns, timeZone } = spec;
  // The reader's wall clock as a date without a zone: what a spreadsheet shows is what the reader's clock said.
  const wallClock = (at: Date) => new Date(Math.floor(wallClockMsOf(at.getTime(), timeZone) / MINUTE) * MINUTE);
  // Streamed: each row is committed (written out) as it comes; strings inline, so no table of them grows in memory.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? (c.instant ? 18 : 14),
    ...(c.instant ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // One style object per column, shared by its cells: exceljs remembers a style object's id, where the copy it makes
  // for every cell would be rendered and looked up again each time (a third of the export's time). A column's
  // cells are all of one kind (a number, text, or a date or nothing), so its style's id is the same for each.
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.instant ? { numFmt: "yyyy-mm-dd hh:mm" } : {}));
  await spec.batches(async (rows) => {
    for (let i = 0; i < rows.length; i++) {
      const row = release(rows, i);
      const cells: (string | number | Date | null)[] = columns.map((c) => {
        if (!c.instant) return c.text(row);
        const at = c.instant(row);
        return at ? wallClock(at) : null;
      });
      const added = sheet.addRow(cells);
      // eachCell walks the row's cells as they are (getCell would parse an address for each).
      added.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = styles[column - 1]!));
      added.commit();
    }
    signal.throwIfAborted();
    if (out.writableNeedDrain) await once(out, "drain", { signal });
    const queue = sheetQueue(sheet);
    if (queue?._writableState.needDrain) await once(queue, "drain", { signal });
  });
  sheet.commit();
  await book.commit();
}

/**
 * Where exceljs (4.4) queues a sheet's XML for the zip: the stream archiver reads the sheet entry from. exceljs writes
 * into it without heeding its backpressure, so when compressing falls behind writing rows the XML piles up there
 * (13 MB and more for 100,000 rows, measured), all of it garbage to collect later. Waiting for it to drain
 * after each batch holds the export to about one batch of XML. Undefined if exceljs is ever built otherwise (then
 * only the download's own backpressure applies, as before).
 */
export function sheetQueue(sheet: ExcelJS.Worksheet): SheetQueue | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const queue = Array.isArray(pipes) ? (pipes[0] as Partial<SheetQueue> | undefined) : undefined;
  // archiver's own readable-stream 2 PassThrough: not an instance of Node's Writable, and without `writableNeedDrain`.
  return queue && typeof queue.once === "function" && typeof queue._writableState?.needDrain === "boolean" ? (queue as SheetQueue) : undefined;
}

export interface SheetQueue extends EventEmitter {
  _writableState: { needDrain: boolean; length: number };
}

/** The HTTP answer carrying an export: a download, never cached or sniffed. */
export function exportResponse(stream: Readable, format: ExportFormat, fileName: string): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
