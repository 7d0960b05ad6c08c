import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { runMigrations } from "./migrate";

export { schema };
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction on it: commands accept both. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

export interface OpenDbOptions {
  /** A postgres:// URL; without it an embedded PGlite database is used. */
  url?: string;
  /** Folder for PGlite data; "memory://" keeps it in memory. */
  dataDir?: string;
  /** Apply pending migrations before returning. */
  migrate?: boolean;
  /** Connection pool size for Postgres. */
  max?: number;
}

export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  let handle: DbHandle;
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Instants are always timestamptz; keep the session in UTC so casts never depend on the server.
      // (Only parameters a pooler such as PgBouncer passes on belong here: it refuses a connection that sets others.)
      connection: { TimeZone: "UTC" },
    });
    handle = {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  } else {
    const dataDir = options.dataDir ?? defaultPgliteDir();
    if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
    // Loaded only here: the embedded engine costs a process some 45 MB the moment its module is imported, which a
    // server on Postgres (production) never needs.
    const [{ PGlite }, { btree_gist }, { drizzle: drizzlePglite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/btree_gist"),
      import("drizzle-orm/pglite"),
    ]);
    const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
    await client.exec("SET TIME ZONE 'UTC'");
    handle = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: "pglite",
      close: () => client.close(),
    };
  }
  if (options.migrate) await runMigrations(handle);
  return handle;
}

export function defaultPgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

type GlobalWithDb = typeof globalThis & { __batonDb?: Promise<DbHandle> };

/**
 * The process-wide database, opened lazily on first use (never at import, so `next build`
 * does not touch it) and migrated once. Survives dev-server hot reloads.
 */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  if (!g.__batonDb) {
    g.__batonDb = openDb({ url: process.env.DATABASE_URL || undefined, migrate: true }).catch((error: unknown) => {
      g.__batonDb = undefined;
      throw error;
    });
  }
  return g.__batonDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Lets tests and scripts install a database of their own as the process-wide one. */
export function setDbHandle(handle: DbHandle | undefined): void {
  (globalThis as GlobalWithDb).__batonDb = handle ? Promise.resolve(handle) : undefined;
}
