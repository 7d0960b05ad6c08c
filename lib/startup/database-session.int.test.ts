import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl, testDb } from "@/lib/testing/db";

async function setting(name: "TimeZone" | "jit"): Promise<string> {
  const db = await testDb();
  const result = await db.execute<{ value: string }>(sql`SELECT current_setting(${name}) AS value`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { value: string }[] }).rows;
  return rows[0]!.value;
}

describe("the app's database sessions", () => {
  it("run in UTC, whatever the server's zone", async () => {
    expect(await setting("TimeZone")).toBe("UTC");
  });

  // PGlite is built without JIT; on Postgres the server's default (on) must not reach Baton's sessions.
  it.runIf(testDatabaseUrl() !== "")("run without JIT, which cost the export's query more than it saved", async () => {
    expect(await setting("jit")).toBe("off");
  });
});
