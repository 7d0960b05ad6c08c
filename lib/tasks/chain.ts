import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";

// The supervisor chain is users.supervisor_id followed upwards. UNION (not UNION ALL) makes a
// loop in the data end the recursion instead of running forever.

/** SQL: the ids of everyone under `userId`, however many levels down. */
export function subordinatesOf(userId: string | Placeholder): SQL {
  return sql`WITH RECURSIVE below(id) AS (
    SELECT u.id FROM users u WHERE u.supervisor_id = ${userId}
    UNION
    SELECT u.id FROM users u JOIN below b ON u.supervisor_id = b.id
  ) SELECT id FROM below`;
}

/** SQL condition: `column` holds someone under `userId` in the chain. */
export function isUnder(column: AnyPgColumn, userId: string): SQL {
  return sql`${column} IN (${subordinatesOf(userId)})`;
}

/** For each of `userIds`, whether `viewerId` is somewhere above them. */
export async function viewerAbove(db: DbOrTx, viewerId: string, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db.execute<{ origin: string }>(sql`
    WITH RECURSIVE up(origin, id) AS (
      SELECT u.id, u.supervisor_id FROM users u
        WHERE u.id IN (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) AND u.supervisor_id IS NOT NULL
      UNION
      SELECT up.origin, u.supervisor_id FROM up JOIN users u ON u.id = up.id WHERE u.supervisor_id IS NOT NULL
    )
    SELECT DISTINCT origin FROM up WHERE id = ${viewerId}::uuid`);
  return new Set(rowsOf<{ origin: string }>(rows).map((r) => r.origin));
}

/** drizzle's execute() answers an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
