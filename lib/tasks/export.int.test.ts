import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/tasks/route";
import { perform } from "@/lib/testing/perform";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { makeClient } from "@/lib/testing/factories";
import { createTask } from "./commands";
import type { CreateTaskInput } from "./schema";
import { parseListParams } from "./list-params";
import { forEachTaskListBatch, listTasks, type TaskListRow } from "./lists";

const NOW = new Date("2026-03-28T12:00:00Z");

async function scene() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const client = await makeClient(db, { name: "Hotel Sopot" });
  const make = (title: string, who: typeof org.lead, extra: Partial<CreateTaskInput> = {}) =>
    perform(db, who.viewer, createTask, { ...TASK_INPUT, title, assigneeId: org.tech.id, ...extra }, { now: new Date("2026-03-20T08:00:00Z") });
  // Due times typed by the lead in Warsaw; the tech reads in Berlin (the same zone rules), in English.
  for (let i = 1; i <= 7; i++)
    await make(`Przegląd ${i}`, org.lead, { dueAt: `2026-03-${String(20 + i).padStart(2, "0")}T09:00`, priority: i % 2 ? "high" : "low" });
  await make('=HYPERLINK("http://evil.example","kliknij")', org.lead, { clientId: client.id, dueAt: "2026-03-29T03:30" });
  await make("Obcego", org.stranger, { assigneeId: org.stranger.id });
  return { db, org };
}

async function download(path: string) {
  const response = await GET(new Request(`http://localhost${path}`));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe("task list export", () => {
  it("reads every row of the list through the cursor in batches, in the list's order and with its filters", async () => {
    const { db, org } = await scene();
    for (const params of [parseListParams({}), parseListParams({ priority: "high", sort: "title", dir: "desc" })]) {
      const batches: TaskListRow[][] = [];
      await forEachTaskListBatch(db, org.lead.viewer, "delegated", params, NOW, 3, async (rows) => void batches.push(rows));
      const page = await listTasks(db, org.lead.viewer, "delegated", params, NOW);
      expect(batches.flat()).toEqual(page.rows);
      expect(batches.every((b) => b.length <= 3)).toBe(true);
      expect(batches.flat().length).toBe(page.total);
    }
    // Nothing of anyone else: the stranger's delegated list is empty, and the lead's never holds the stranger's task.
    const strangers: TaskListRow[] = [];
    await forEachTaskListBatch(db, org.stranger.viewer, "delegated", parseListParams({}), NOW, 100, async (rows) => void strangers.push(...rows));
    expect(strangers).toEqual([]);
  });

  it("refuses a signed-out visitor, an unknown list or format", async () => {
    const { org } = await scene();
    actAs(null);
    expect((await download("/api/export/tasks?view=delegated&format=csv")).status).toBe(401);
    actAs(org.lead.viewer);
    expect((await download("/api/export/tasks?view=everyone&format=csv")).status).toBe(400);
    expect((await download("/api/export/tasks?view=delegated&format=pdf")).status).toBe(400);
  });

  it("writes CSV in the reader's language and zone, with a BOM and CRLF, formulas kept as text, only the reader's list", async () => {
    const { org } = await scene();
    actAs(org.tech.viewer);
    const csv = await download("/api/export/tasks?view=mine&format=csv&status=all");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="baton-mine-\d{4}-\d\d-\d\d\.csv"$/);
    expect(csv.headers.get("cache-control")).toBe("private, no-store");
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("No.,Task,Priority,Status,Progress (%),Due (Europe/Berlin),Overdue,Assignee,Delegated by,Client,Case,Last activity (Europe/Berlin)");
    expect(lines.filter((l) => l.includes("Przegląd"))).toHaveLength(7);
    expect(lines.some((l) => l.includes("Obcego"))).toBe(false);
    // 03:30 in Warsaw on the spring DST day is 03:30 in Berlin too: typed as a wall clock, read back as one.
    const evil = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"",""kliknij"")"`);
    expect(evil).toContain("2026-03-29 03:30");
    expect(evil).toContain("Hotel Sopot");
    expect(lines.at(-1)).toBe("");
  });

  it("writes XLSX with real dates at the reader's wall-clock time and a header row", async () => {
    const { org } = await scene();
    actAs(org.lead.viewer);
    const file = await download("/api/export/tasks?view=delegated&format=xlsx&priority=high");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Zadania");
    expect(sheet.getRow(1).getCell(2).value).toBe("Zadanie");
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => ({ title: r.getCell(2).value, due: r.getCell(6).value }));
    expect(rows.map((r) => r.title)).toEqual(["Przegląd 1", "Przegląd 3", "Przegląd 5", "Przegląd 7"]);
    // 09:00 in Warsaw, as the spreadsheet's own date (a wall-clock time: its UTC fields are the local ones).
    expect(rows[0]!.due).toEqual(new Date("2026-03-21T09:00:00Z"));
    // Shown as a date and time, the header bold, text and numbers without a date format.
    const first = sheet.getRow(2);
    expect(first.getCell(6).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(first.getCell(2).numFmt).toBeUndefined();
    expect(first.getCell(1).numFmt).toBeUndefined();
    expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(first.getCell(2).font?.bold).not.toBe(true);
  });

  it("a download cancelled after its first chunk ends the export's transaction and frees its connection", async () => {
    const { db, org } = await scene();
    // Far more than the stream's buffers hold: the writer is waiting for the reader when the reader goes away.
    await db.execute(sql`INSERT INTO tasks (title, priority, status, assignee_id, created_by_id, due_at)
      SELECT 'Długi przegląd instalacji gazowej w kuchni hotelowej, etap ' || g || repeat(' – protokół i zdjęcia', 8), 'normal', 'open',
        ${org.tech.id}::uuid, ${org.lead.id}::uuid, timestamptz '2026-04-01 08:00Z' + g * interval '1 minute'
      FROM generate_series(1, 3000) g`);
    actAs(org.lead.viewer);
    const openTransactions = async () => {
      const result = await db.execute(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { n: number }[] }).rows) as { n: number }[];
      return Number(rows[0]?.n ?? 0);
    };
    for (const format of ["csv", "xlsx"]) {
      const response = await GET(new Request(`http://localhost/api/export/tasks?view=delegated&format=${format}`));
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      // A transaction left waiting for a drain would hold PGlite's only connection (this statement would never run)
      // or stay "idle in transaction" on Postgres.
      await expect.poll(() => Promise.race([openTransactions(), new Promise<number>((r) => setTimeout(() => r(-1), 2_000))]), { timeout: 10_000 }).toBe(0);
    }
  });
});
