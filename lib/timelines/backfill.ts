import type { Db } from "@/db";
import { timelineBackfill, timelineItemTypes } from "@/db/schema";
import { timelineSources } from "./registry";
import { SharedReads, type TimelineItemType } from "./types";
import { writeLoadedTimeline } from "./write";

const BATCH = 200;
/** Databases whose backfill this process has seen done for every kind: it never comes back. */
const finished = new WeakSet<Db>();

/**
 * Items that existed before their kind had a timeline (tasks before the moments table, calendar
 * entries before their reminders) and those the demo seed writes (db/ knowing no domain code)
 * get their timelines here. Each kind has a row saying how far its walk got (none: not started);
 * each reconcile pass writes the next batch of every kind not done, in id order, each item under
 * its row lock, until none is left. Only items that may still send something are walked (see
 * `idsAfter`: open tasks, entries not yet begun, never cancelled ones). Moments are measured
 * against the item's last change, as if written then: a moment that was ahead at that time and
 * has come since is owed and the same pass sends it. Writing is idempotent (a moment already
 * written keeps its state), so a batch done twice, or an item that already had its timeline,
 * changes nothing. Once every kind is done, a process reads the rows once.
 */
export async function backfillTimelines(db: Db, now: Date): Promise<number> {
  if (finished.has(db)) return 0;
  const states = new Map((await db.select().from(timelineBackfill)).map((s) => [s.itemType, s]));
  const pending = timelineItemTypes.filter((type) => !states.get(type)?.doneAt);
  if (!pending.length) {
    finished.add(db);
    return 0;
  }
  let written = 0;
  for (const type of pending) written += await backfillBatch(db, type, states.get(type)?.afterId ?? null, now);
  return written;
}

async function backfillBatch(db: Db, type: TimelineItemType, afterId: string | null, now: Date): Promise<number> {
  const source = timelineSources[type];
  const ids = await source.idsAfter(db, afterId, BATCH, now);
  const shared = new SharedReads();
  for (const id of ids) {
    await db.transaction(async (tx) => {
      const loaded = await source.load(tx, id, { lock: true, now, shared });
      await writeLoadedTimeline(tx, { type, id }, loaded, loaded?.updatedAt ?? now);
    });
  }
  const state = { afterId: ids.at(-1) ?? afterId, doneAt: ids.length < BATCH ? now : null };
  await db
    .insert(timelineBackfill)
    .values({ itemType: type, ...state })
    .onConflictDoUpdate({ target: timelineBackfill.itemType, set: state });
  return ids.length;
}

/** Marks the backfill of every kind done (a bench that seeds the moments itself). */
export async function markTimelinesBackfilled(db: Db, now: Date): Promise<void> {
  await db
    .insert(timelineBackfill)
    .values(timelineItemTypes.map((itemType) => ({ itemType, afterId: null, doneAt: now })))
    .onConflictDoUpdate({ target: timelineBackfill.itemType, set: { doneAt: now } });
}
