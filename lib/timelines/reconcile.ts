import { and, asc, isNull, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { moments } from "@/db/schema";
import type { Effects } from "@/lib/effects";
import { backfillTimelines } from "./backfill";
import { fireItemMoments } from "./fire";
import { SharedReads, type ItemRef } from "./types";

export interface ReconcileResult {
  /** Items that had a due, unsent moment. */
  checked: number;
  fired: number;
  notificationIds: string[];
}

/** The oldest due, unsent moments: one range scan of the partial index `moments_due_idx`. */
export function dueUnsentMoments(db: DbOrTx, now: Date, limit: number) {
  return db
    .select({ itemType: moments.itemType, itemId: moments.itemId, at: moments.at })
    .from(moments)
    .where(and(isNull(moments.sentAt), isNull(moments.outcome), lte(moments.at, now)))
    .orderBy(asc(moments.at))
    .limit(limit);
}

/**
 * Sends every moment that is due but was not sent, whatever happened to the run that should have
 * sent it (an event lost between the app and Inngest, Inngest down, the embedded mode with no
 * durable runs at all). Runs every minute; one indexed query finds the work, oldest first in a
 * bounded batch, so a lost moment is repaired by the next pass however large the database is,
 * and no watch window can leave out a long escalation. Each item is fired under its row lock
 * with the re-checks of a run; the dedupe keys make it harmless next to the runs.
 */
export async function reconcileMoments(db: Db, now: Date, { limit = 1000, effects }: { limit?: number; effects?: Effects } = {}): Promise<ReconcileResult> {
  if (limit < 1) throw new Error("reconcile needs a batch of at least one moment");
  await backfillTimelines(db, now);
  const due = await dueUnsentMoments(db, now, limit);
  const items = new Map<string, ItemRef>();
  for (const d of due) items.set(`${d.itemType}:${d.itemId}`, { type: d.itemType, id: d.itemId });

  const shared = new SharedReads();
  const notificationIds: string[] = [];
  let fired = 0;
  for (const item of items.values()) {
    try {
      const result = await fireItemMoments(db, item, { upTo: now, now, shared, effects });
      notificationIds.push(...result.notificationIds);
      fired += result.fired.length;
    } catch (error) {
      console.error(`[timelines] reconciling ${item.type} ${item.id} failed`, error);
    }
  }
  return { checked: items.size, fired, notificationIds };
}
