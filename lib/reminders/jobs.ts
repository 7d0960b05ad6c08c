import type { Db } from "@/db";
import { dispatchAfterCommit, Effects } from "@/lib/effects";
import { fireDueMoments } from "./fire";
import { reconcileTimelines } from "./reconcile";

/**
 * One pass of the reconcile, the job body both engines run (the Inngest cron and the
 * in-process timer): what it sends is dispatched once its transactions have committed.
 */
export async function reconcileJob(db: Db, now: Date): Promise<{ checked: number; fired: number }> {
  const effects = new Effects();
  const result = await reconcileTimelines(db, now, { effects });
  await dispatchAfterCommit(effects);
  return { checked: result.checked, fired: result.fired };
}

/** Sends the moments of one task version that are due up to `upTo` (a timeline run waking). */
export async function fireMomentsJob(db: Db, taskId: string, options: { version: number; upTo: Date; now: Date }): Promise<{ stale: boolean; sent: number }> {
  const effects = new Effects();
  const fired = await fireDueMoments(db, taskId, { ...options, effects });
  await dispatchAfterCommit(effects);
  return { stale: fired.stale, sent: fired.notificationIds.length };
}
