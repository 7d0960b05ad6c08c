import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";

describe("the app's database sessions", () => {
  it("run in UTC, whatever the server's zone", async () => {
    const db = await testDb();
    const result = await db.execute<{ value: string }>(sql`SELECT current_setting('TimeZone') AS value`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { value: string }[] }).rows;
    expect(rows[0]!.value).toBe("UTC");
  });
});
