import type { Db } from "@/db";
import { reconcileMoments, type ReconcileResult } from "@/lib/timelines/reconcile";

export type { ReconcileResult };

/**
 * One reconcile pass over the timelines of every kind of item (tasks, calendar entries): writes
 * the next batch of the backfill, then sends what is due and unsent. See `reconcileMoments`.
 */
export function reconcileTimelines(db: Db, now: Date, options: { limit?: number } = {}): Promise<ReconcileResult> {
  return reconcileMoments(db, now, options);
}
