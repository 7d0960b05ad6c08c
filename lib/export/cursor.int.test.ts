import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { forEachCursorBatch } from "./cursor";

describe("reading a list through a cursor", () => {
  it("hands over every row in batches of the size asked, instants as ISO text", async () => {
    const db = await testDb();
    const query = sql`(SELECT n, timestamptz '2026-10-25 00:30:00+00' + n * interval '1 hour' AS at FROM generate_series(1, 7) AS n)`;
    const batches: Record<"n" | "at", unknown>[][] = [];
    await forEachCursorBatch(db, "cursor_test", query, ["n", "at"], ["at"], 3, async (rows) => void batches.push([...rows]));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().map((r) => Number(r.n))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Date(String(batches[0]![0]!.at)).toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  // Postgres compiles a query past jit_above_cost to machine code on every execution: for an export's list that cost
  // more than it saved. Off for the cursor's transaction only, and back on after it (the server's default).
  it("reads without JIT, and leaves the connection's setting as it was", async () => {
    const db = await testDb();
    const before = await jitSetting(db);
    const seen: unknown[] = [];
    await forEachCursorBatch(db, "cursor_jit", sql`(SELECT current_setting('jit') AS jit)`, ["jit"], [], 10, async (rows) => {
      seen.push(...rows.map((r) => r.jit));
    });
    expect(seen).toEqual(["off"]);
    expect(await jitSetting(db)).toBe(before);
  });
});

async function jitSetting(db: Awaited<ReturnType<typeof testDb>>): Promise<string> {
  const result = await db.execute<{ jit: string }>(sql`SELECT current_setting('jit') AS jit`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { jit: string }[] }).rows;
  return rows[0]!.jit;
}
