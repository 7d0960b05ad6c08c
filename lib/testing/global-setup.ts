import type { TestProject } from "vitest/node";
import { openDb } from "@/db";
import { createFreshDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/**
 * With DATABASE_URL (CI): one fresh Postgres database for the run, migrated once, dropped after.
 * Without it: every test file opens its own in-memory PGlite (see integration-setup.ts).
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide("testDatabaseUrl", "");
    return;
  }
  const fresh = await createFreshDatabase(base, "baton_test");
  const handle = await openDb({ url: fresh.url, migrate: true, max: 1 });
  await handle.close();
  project.provide("testDatabaseUrl", fresh.url);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await fresh.drop();
  };
}
