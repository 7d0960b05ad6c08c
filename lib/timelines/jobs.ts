import type { Db } from "@/db";
import { runUnit } from "@/lib/effects/unit";
import { fireItemMoments } from "./fire";
import { reconcileMoments } from "./reconcile";
import type { ItemRef } from "./types";

/** Sends the moments of one item version that are due up to `upTo` (a timeline run waking), as one unit. */
export async function fireItemJob(db: Db, item: ItemRef, options: { version: number; upTo: Date; now: Date }): Promise<{ stale: boolean; sent: number }> {
  const fired = await runUnit(db, null, (work) => fireItemMoments(work, item, { version: options.version, upTo: options.upTo }), {
    now: options.now,
    awaitDispatch: true,
  });
  return { stale: fired.stale, sent: fired.notificationIds.length };
}

/**
 * One pass of the reconcile over the timelines of every kind, the job body both engines run (the
 * Inngest cron and the in-process timer): each item it sends for is a unit of its own,
 * dispatched once committed.
 */
export async function reconcileJob(db: Db, now: Date): Promise<{ checked: number; fired: number }> {
  const result = await reconcileMoments(db, now);
  return { checked: result.checked, fired: result.fired };
}
