import { sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

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
export function isUnder(column: AnyPgColumn, userId: string | Placeholder): SQL {
  return sql`${column} IN (${subordinatesOf(userId)})`;
}
