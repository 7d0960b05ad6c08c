import { and, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { notificationDeliveries } from "@/db/schema";
import type { SystemWork } from "@/lib/effects/unit";

export const MAX_DELIVERY_ATTEMPTS = 10;

export interface SweepOptions {
  /** A delivery younger than this is still in the hands of its first run. */
  graceMs?: number;
  /** Do not re-announce the same delivery more often than this. */
  redispatchMs?: number;
  limit?: number;
}

/**
 * Finds deliveries that no run has completed (the event was lost between the app and Inngest,
 * Inngest was down, a process died) and marks them re-announced. Returns one entry per
 * notification with the dispatch number to put in the event id, so the resend is not
 * deduplicated away as the original was, and declares them on the unit's effects for redelivery.
 * Deliveries that kept failing are given up as failed.
 */
export async function sweepOutbox({ tx: db, now, effects }: SystemWork, options: SweepOptions = {}): Promise<{ notificationId: string; dispatch: number }[]> {
  const grace = new Date(now.getTime() - (options.graceMs ?? 60_000));
  const redispatch = new Date(now.getTime() - (options.redispatchMs ?? 5 * 60_000));

  await db
    .update(notificationDeliveries)
    .set({ status: "failed", updatedAt: now, reason: sql`coalesce(${notificationDeliveries.reason}, 'gave_up')` })
    .where(and(eq(notificationDeliveries.status, "pending"), gte(notificationDeliveries.attempts, MAX_DELIVERY_ATTEMPTS)));

  const candidates = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.status, "pending"),
        lt(notificationDeliveries.createdAt, grace),
        or(isNull(notificationDeliveries.deliverAfter), lte(notificationDeliveries.deliverAfter, grace)),
        or(isNull(notificationDeliveries.lastDispatchAt), lt(notificationDeliveries.lastDispatchAt, redispatch)),
      ),
    )
    .limit(options.limit ?? 500);

  const touched = await db
    .update(notificationDeliveries)
    .set({ dispatches: sql`${notificationDeliveries.dispatches} + 1`, lastDispatchAt: now })
    .where(inArray(notificationDeliveries.id, candidates))
    .returning({ notificationId: notificationDeliveries.notificationId, dispatch: notificationDeliveries.dispatches });

  const byNotification = new Map<string, number>();
  for (const t of touched) byNotification.set(t.notificationId, Math.max(byNotification.get(t.notificationId) ?? 0, t.dispatch));
  const stale = [...byNotification].map(([notificationId, dispatch]) => ({ notificationId, dispatch }));
  effects.redeliver(stale.map((s) => ({ id: s.notificationId, dispatch: s.dispatch })));
  return stale;
}
