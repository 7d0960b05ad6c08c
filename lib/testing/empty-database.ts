import { inject } from "vitest";
import { openDb, type DbHandle } from "@/db";
import { createFreshDatabase } from "./fresh-database";

/**
 * A migrated database with no rows, for tests about what happens on a first start. On a
 * Postgres run it is a new Postgres database beside the run's one; otherwise (or when the
 * test is about the embedded database) an in-memory PGlite.
 */
export async function emptyDatabase(kind: "same-as-run" | "pglite" = "same-as-run"): Promise<DbHandle> {
  const runUrl = inject("testDatabaseUrl");
  if (kind === "pglite" || !runUrl) return openDb({ dataDir: "memory://", migrate: true });
  const fresh = await createFreshDatabase(runUrl, "baton_empty");
  const handle = await openDb({ url: fresh.url, migrate: true, max: 2 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await fresh.drop();
    },
  };
}
