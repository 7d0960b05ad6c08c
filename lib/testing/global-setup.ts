import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDb } from "@/db";
import { createFreshDatabase } from "./fresh-database";
import { TEST_WORKERS, workerDatabaseName } from "./workers";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

/**
 * With DATABASE_URL (CI): a fresh Postgres database for the run, migrated once, then copied for
 * each worker (CREATE DATABASE … TEMPLATE), so files running at the same time never share rows;
 * all dropped after. Without it: every test file opens its own in-memory PGlite (see
 * integration-setup.ts).
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
  const template = new URL(fresh.url).pathname.slice(1);
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  // As many as workers may run at once (--maxWorkers on the command line included).
  const workers = Math.max(TEST_WORKERS, Number(project.globalConfig.maxWorkers) || 0);
  const copies = Array.from({ length: workers }, (_, i) => workerDatabaseName(template, i + 1));
  try {
    for (const copy of copies) await admin.unsafe(`CREATE DATABASE "${copy}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  project.provide("testDatabaseUrl", fresh.url);
  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    const a = postgres(base, { max: 1, onnotice: () => {} });
    try {
      for (const copy of copies) await a.unsafe(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
    } finally {
      await a.end();
    }
    await fresh.drop();
  };
}
