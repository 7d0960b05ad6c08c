import type { Db } from "@/db";
import { runUnit } from "@/lib/effects/unit";
import { fireDueMoments } from "./fire";
import { reconcileTimelines } from "./reconcile";

/**
 * One pass of the reconcile, the job body both engines run (the Inngest cron and the
 * in-process timer): each task it sends for is a unit of its own, dispatched once committed.
 */
export async function reconcileJob(db: Db, now: Date): Promise<{ checked: number; fired: number }> {
  const result = await reconcileTimelines(db, now);
  return { checked: result.checked, fired: result.fired };
}

/** Sends the moments of one task version that are due up to `upTo` (a timeline run waking), as one unit. */
export async function fireMomentsJob(db: Db, taskId: string, options: { version: number; upTo: Date; now: Date }): Promise<{ stale: boolean; sent: number }> {
  const fired = await runUnit(db, null, (work) => fireDueMoments(work, taskId, { version: options.version, upTo: options.upTo }), {
    now: options.now,
    awaitDispatch: true,
  });
  return { stale: fired.stale, sent: fired.notificationIds.length };
}
