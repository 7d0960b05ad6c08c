import { PassThrough, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportStream, sheetQueue } from "./stream";

afterEach(() => vi.restoreAllMocks());

/** Text that compresses poorly (as names and titles do, unlike a repeated word), `n` characters, the same each run. */
function noise(seed: number, n: number): string {
  let x = seed * 2654435761 + 1;
  let s = "";
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += x.toString(36);
  }
  return s.slice(0, n);
}

describe("XLSX export stream", () => {
  it("finds where exceljs queues a sheet's XML for the zip, the stream the export waits on after each batch", async () => {
    const out = new PassThrough();
    out.resume();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = book.addWorksheet("List");
    sheet.addRow(["a", 1]).commit();
    // If an exceljs upgrade moves it, this fails: the export would go back to queueing a whole sheet's XML unbounded.
    expect(typeof sheetQueue(sheet)?._writableState.needDrain).toBe("boolean");
    sheet.commit();
    await book.commit();
  });

  it("holds the sheet's XML waiting for the zip to about a batch when the download is slower than the rows", async () => {
    const sheets: ExcelJS.Worksheet[] = [];
    const addWorksheet = ExcelJS.stream.xlsx.WorkbookWriter.prototype.addWorksheet;
    vi.spyOn(ExcelJS.stream.xlsx.WorkbookWriter.prototype, "addWorksheet").mockImplementation(function (this: ExcelJS.stream.xlsx.WorkbookWriter, ...args) {
      const sheet = addWorksheet.apply(this, args);
      sheets.push(sheet);
      return sheet;
    });
    const queued: number[] = [];
    const stream = exportStream<number>({
      format: "xlsx",
      sheetName: "List",
      timeZone: "Europe/Warsaw",
      columns: [
        { key: "n", header: "No.", text: (n) => n },
        { key: "t", header: "Text", text: (n) => noise(n, 200) },
      ],
      batches: async (onBatch) => {
        for (let b = 0; b < 12; b++) {
          await onBatch(Array.from({ length: 500 }, (_, i) => b * 500 + i));
          queued.push(sheetQueue(sheets[0]!)!._writableState.length);
        }
      },
    });
    let bytes = 0;
    await pipeline(
      stream,
      // A reader on a slow line: 16 KB every 5 ms.
      new Writable({
        highWaterMark: 16 * 1024,
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          setTimeout(done, 5);
        },
      }),
    );
    expect(bytes).toBeGreaterThan(500_000);
    // A batch of 500 rows is some 130 KB of XML; unheld, the queue grows by that with every batch.
    expect(Math.max(...queued)).toBeLessThan(200_000);
  });
});
