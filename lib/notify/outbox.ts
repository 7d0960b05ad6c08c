import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";

export type OutboxRow = typeof notifications.$inferInsert;

/**
 * Writes notification rows into the outbox. Call it with the transaction of the change that
 * caused them, so the change and its notices commit or roll back together. A row whose
 * dedupe key is already there is skipped: retrying a command never notifies twice.
 * Returns the ids of the rows written (what a sender passes on as event ids).
 */
export async function writeOutbox(tx: DbOrTx, rows: OutboxRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const written = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return written.map((r) => r.id);
}
