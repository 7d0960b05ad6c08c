import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";

/**
 * Reads a query's rows through a server-side cursor, `batchSize` at a time, in one transaction (Postgres and PGlite
 * alike): the caller holds one batch, whatever the query's length. `columns` names the query's columns in order (a
 * join's columns are often plain "id" or "name", so they are renamed by position); those in `instants` come back as
 * ISO text whichever driver runs. Rows arrive raw, by those names. `query` is a query builder (drizzle puts it
 * in parentheses).
 */
export async function forEachCursorBatch<Name extends string>(
  db: DbOrTx,
  cursorName: string,
  query: { getSQL(): SQL },
  columns: readonly Name[],
  instants: readonly Name[],
  batchSize: number,
  onBatch: (rows: Record<Name, unknown>[]) => Promise<void>,
): Promise<void> {
  if (!/^[a-z_]+$/.test(cursorName) || columns.some((c) => !/^[a-z_]+$/.test(c))) throw new Error("cursor: names must be lower-case words");
  const list = (names: readonly string[]) => sql.raw(names.join(", "));
  const selected = sql.raw(columns.map((c) => (instants.includes(c) ? `to_json(${c}) #>> '{}' AS ${c}` : c)).join(", "));
  await db.transaction(async (tx) => {
    // No JIT for the list: past jit_above_cost Postgres compiles the query to machine code on every execution, and a
    // 100,000-task export's ran 545-672 ms with it (54 ms of that compiling) against 406-444 ms without (EXPLAIN
    // ANALYZE). Set for this transaction only, which any connection pooler passes on.
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`DECLARE ${sql.raw(cursorName)} NO SCROLL CURSOR FOR SELECT ${selected} FROM ${query} AS q(${list(columns)})`);
    for (;;) {
      const result = await tx.execute(sql`FETCH ${sql.raw(String(Math.trunc(batchSize)))} FROM ${sql.raw(cursorName)}`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<Name, unknown>[];
      const count = rows.length;
      if (!count) break;
      await onBatch(rows);
      if (count < batchSize) break;
    }
  });
}

/**
 * The batch's rows mapped, the raw rows let go of (the driver's array emptied): only the mapped rows stay alive while
 * the caller works through them, and each dies young once written.
 */
export function mapBatch<Raw, Row>(rows: Raw[], map: (raw: Raw) => Row): Row[] {
  const mapped = rows.map(map);
  rows.length = 0;
  return mapped;
}
