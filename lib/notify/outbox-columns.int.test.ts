import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";

// drizzle's execute() answers an array on postgres.js and `{ rows }` on PGlite.
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

describe("the notifications outbox after the migrations", () => {
  it("keeps attempts, errors and provider ids only on the delivery rows", async () => {
    const db = await testDb();
    const columns = async (table: string) =>
      rowsOf<{ column_name: string }>(
        await db.execute(sql`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`),
      ).map((r) => r.column_name);
    const outbox = await columns("notifications");
    for (const gone of ["attempts", "last_error", "provider_id"]) expect(outbox).not.toContain(gone);
    // The summary shown to whoever caused a notification stays.
    expect(outbox).toContain("status");
    expect(await columns("notification_deliveries")).toEqual(expect.arrayContaining(["attempts", "provider_id", "reason", "status"]));
  });
});
