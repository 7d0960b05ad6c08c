import { getDb, type Db } from "@/db";

/** The database of the current integration test file (fresh per run). */
export function testDb(): Promise<Db> {
  return getDb();
}
