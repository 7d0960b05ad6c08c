import { inject } from "vitest";
import { getDb, type Db } from "@/db";
import { workerDatabaseUrl } from "./workers";

/** The database of the current integration test file (fresh per run). */
export function testDb(): Promise<Db> {
  return getDb();
}

/**
 * The Postgres URL of the database this test file runs on, for a test that opens connections of
 * its own (a race between connections); empty on PGlite.
 */
export function testDatabaseUrl(): string {
  const url = inject("testDatabaseUrl");
  return url ? workerDatabaseUrl(url) : "";
}
