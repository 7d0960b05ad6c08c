import type { DbOrTx } from "@/db";
import type { Effects } from "@/lib/effects";
import { timelineSources } from "./registry";
import { SharedReads, type TimelineItemType } from "./types";
import { writeLoadedTimeline } from "./write";

/**
 * Rewrites the timelines of many items in the caller's transaction (a policy or working-week
 * change moves their escalations), each under its row lock, and declares a fresh run for each
 * once it commits. Settings are read once, inside the transaction, so they are the new ones.
 */
export async function rescheduleTimelines(
  tx: DbOrTx,
  type: TimelineItemType,
  ids: readonly string[],
  now: Date,
  effects: Effects,
  reason: string,
): Promise<number> {
  const source = timelineSources[type];
  const shared = new SharedReads();
  let written = 0;
  for (const id of ids) {
    const loaded = await source.load(tx, id, { lock: true, now, shared });
    await writeLoadedTimeline(tx, { type, id }, loaded, now);
    if (loaded) {
      effects.schedule({ type, id, version: loaded.version, reason });
      written++;
    }
  }
  return written;
}
