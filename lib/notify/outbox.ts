import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import type { Effects } from "@/lib/effects";
import { planDeliveries } from "./plan";

export type OutboxRow = typeof notifications.$inferInsert;

/**
 * Writes notification rows into the outbox. Call it with the transaction of the change that
 * caused them, so the change and its notices commit or roll back together. A row whose
 * dedupe key is already there is skipped: retrying a command never notifies twice.
 * Routing runs in the same transaction and writes a pending delivery per channel, so what must
 * be sent is durable before anyone is told. The ids are declared on the unit of work's effects,
 * delivered by whoever ran the command once it commits, and returned (they are the event ids).
 */
export async function writeOutbox(tx: DbOrTx, rows: OutboxRow[], effects: Effects): Promise<string[]> {
  if (!rows.length) return [];
  const written = await tx.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
  const ids = written.map((r) => r.id);
  await planDeliveries(tx, ids);
  effects.notify(ids);
  return ids;
}
