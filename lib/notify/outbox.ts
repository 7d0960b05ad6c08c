import { notifications } from "@/db/schema";
import type { Work } from "@/lib/effects/unit";
import { planDeliveries } from "./plan";

export type OutboxRow = typeof notifications.$inferInsert;

/** The part of a unit of work the outbox needs; a job's unit (no viewer) does too. */
export type OutboxWork = Pick<Work<unknown>, "tx" | "now" | "effects">;

/**
 * Writes notification rows into the outbox. Call it in the unit of work of the change that
 * caused them, so the change and its notices commit or roll back together. A row whose
 * dedupe key is already there is skipped: retrying a command never notifies twice.
 * Routing runs in the same transaction and writes a pending delivery per channel, so what must
 * be sent is durable before anyone is told; quiet hours and the rows' time are the unit's clock. The ids are declared on the unit of work's effects,
 * delivered by whoever ran the command once it commits, and returned (they are the event ids).
 */
export async function writeOutbox({ tx, now, effects }: OutboxWork, rows: OutboxRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const written = await tx
    .insert(notifications)
    .values(rows.map((row) => ({ createdAt: now, ...row })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  const ids = written.map((r) => r.id);
  await planDeliveries(tx, ids, now);
  effects.notify(ids);
  return ids;
}
