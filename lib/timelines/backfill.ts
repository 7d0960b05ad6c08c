import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { timelineBackfill } from "@/db/schema";
import { timelineSources } from "./registry";
import { SharedReads } from "./types";
import { writeLoadedTimeline } from "./write";

const BATCH = 200;
/** Databases whose backfill this process has seen done: it never comes back. */
const finished = new WeakSet<Db>();

/**
 * Tasks that existed before the moments table (and those the demo seed writes, db/ knowing no
 * domain code) get their timelines here: the migration leaves a row saying "not done", and each
 * reconcile pass writes the next batch in id order, each under the task's row lock, until none
 * is left. Moments are measured against the task's last change, as if written then: a moment
 * that was ahead at that time and has come since is owed and the same pass sends it.
 * Once done, a process reads that row once.
 */
export async function backfillTimelines(db: Db, now: Date): Promise<number> {
  if (finished.has(db)) return 0;
  const [state] = await db.select().from(timelineBackfill).where(eq(timelineBackfill.id, 1));
  if (!state || state.doneAt) {
    finished.add(db);
    return 0;
  }
  const source = timelineSources.task;
  const ids = await source.idsAfter(db, state.afterId, BATCH);
  const shared = new SharedReads();
  for (const id of ids) {
    await db.transaction(async (tx) => {
      const loaded = await source.load(tx, id, { lock: true, shared });
      await writeLoadedTimeline(tx, { type: "task", id }, loaded, loaded?.updatedAt ?? now);
    });
  }
  await db
    .update(timelineBackfill)
    .set({ afterId: ids.at(-1) ?? state.afterId, doneAt: ids.length < BATCH ? now : null })
    .where(eq(timelineBackfill.id, 1));
  return ids.length;
}
