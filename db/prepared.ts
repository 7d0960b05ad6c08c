import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./index";

const dialect = new PgDialect();

interface PostgresJsClient {
  unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]>;
}

/**
 * Runs a hand-written query as a prepared statement where the driver keeps one (postgres.js,
 * per connection: the plan of a many-armed query is made once, not on every call, which drizzle's
 * `execute` does), in a transaction too (on the connection the transaction holds). PGlite runs
 * it as `execute` does.
 */
export async function preparedRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  // A pool keeps its driver as `$client`; a transaction, on its session (the connection it holds).
  const client = (db as { $client?: unknown }).$client ?? (db as { session?: { client?: unknown } }).session?.client;
  if (client && typeof (client as PostgresJsClient).unsafe === "function") {
    const { sql, params } = dialect.sqlToQuery(query);
    return (await (client as PostgresJsClient).unsafe(sql, params, { prepare: true })) as T[];
  }
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
