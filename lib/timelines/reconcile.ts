import { and, asc, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { moments } from "@/db/schema";
import { runUnit } from "@/lib/effects/unit";
import { backfillTimelines } from "./backfill";
import { fireItemMoments } from "./fire";
import { SharedReads, type ItemRef, type TimelineItemType } from "./types";

const FIRE_CONCURRENCY = 3;

export interface ReconcileResult {
  /** Items that had a due, unsent moment. */
  checked: number;
  fired: number;
  notificationIds: string[];
}

function dueUnsentQuery(db: Db) {
  return db
    .select({ itemType: moments.itemType, itemId: moments.itemId, at: moments.at })
    .from(moments)
    .where(and(isNull(moments.sentAt), isNull(moments.outcome), lte(moments.at, sql.placeholder("now"))))
    .orderBy(asc(moments.at))
    .limit(sql.placeholder("limit"))
    .prepare("moments_due_unsent");
}
const prepared = new WeakMap<Db, ReturnType<typeof dueUnsentQuery>>();

/**
 * The oldest due, unsent moments: one range scan of the partial index `moments_due_idx`, a
 * prepared statement since it runs every minute.
 */
export function dueUnsentMoments(db: Db, now: Date, limit: number): Promise<{ itemType: TimelineItemType; itemId: string; at: Date }[]> {
  let query = prepared.get(db);
  if (!query) {
    query = dueUnsentQuery(db);
    prepared.set(db, query);
  }
  return query.execute({ now: now.toISOString(), limit });
}

/**
 * Sends every moment that is due but was not sent, whatever happened to the run that should have
 * sent it (an event lost between the app and Inngest, Inngest down, the embedded mode with no
 * durable runs at all). Runs every minute; one indexed query finds the work, oldest first in a
 * bounded batch, so a lost moment is repaired by the next pass however large the database is,
 * and no watch window can leave out a long escalation. Each item is fired under its row lock
 * with the re-checks of a run; the dedupe keys make it harmless next to the runs.
 */
export async function reconcileMoments(db: Db, now: Date, { limit = 1000 }: { limit?: number } = {}): Promise<ReconcileResult> {
  if (limit < 1) throw new Error("reconcile needs a batch of at least one moment");
  await backfillTimelines(db, now);
  const due = await dueUnsentMoments(db, now, limit);
  const items = new Map<string, ItemRef>();
  for (const d of due) items.set(`${d.itemType}:${d.itemId}`, { type: d.itemType, id: d.itemId });

  const shared = new SharedReads();
  const notificationIds: string[] = [];
  let fired = 0;
  const queue = [...items.values()];
  // A few items at a time, each in its own transaction under its own row lock: a backlog of lost
  // moments drains in a fraction of the time, and the pool keeps connections for requests.
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        // One unit per item: what it sent is dispatched once that item's transaction has committed.
        const result = await runUnit(db, null, (work) => fireItemMoments(work, item, { upTo: now, shared }), { now });
        notificationIds.push(...result.notificationIds);
        fired += result.fired.length;
      } catch (error) {
        console.error(`[timelines] reconciling ${item.type} ${item.id} failed`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FIRE_CONCURRENCY, queue.length) }, worker));
  return { checked: items.size, fired, notificationIds };
}
