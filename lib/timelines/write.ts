import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { moments } from "@/db/schema";
import { isPastWhenSet } from "./past";
import { timelineSources } from "./registry";
import type { ItemRef, LoadedTimeline, Moment, SharedReads } from "./types";

export interface WriteOptions {
  shared?: SharedReads;
  /** When the moments were set; `now` unless the item changed earlier (the backfill). */
  setAt?: Date;
}

/**
 * Writes an item's pending moments for its current version, in the caller's transaction (the
 * one that changed the item, under its row lock): recomputes the timeline, deletes the pending
 * moments the new version no longer has, moves the ones it keeps to this version (and to their
 * new instant, when a policy moved them), and adds the new ones, those already past as skipped.
 * Sent and skipped moments stay as they were: the same moment key is never sent twice.
 */
export async function writeTimeline(tx: DbOrTx, item: ItemRef, now: Date, options: WriteOptions = {}): Promise<void> {
  const loaded = await timelineSources[item.type].load(tx, item.id, { lock: false, now, shared: options.shared });
  await writeLoadedTimeline(tx, item, loaded, options.setAt ?? now);
}

export async function writeLoadedTimeline(tx: DbOrTx, item: ItemRef, loaded: LoadedTimeline | null, setAt: Date): Promise<void> {
  const next = loaded?.moments ?? [];
  const keys = next.map((m) => m.key);
  // Superseded pending moments are deleted rather than kept with an outcome: nothing reads them,
  // and the table of pending moments stays as small as what is still to come.
  await tx
    .delete(moments)
    .where(
      and(
        eq(moments.itemType, item.type),
        eq(moments.itemId, item.id),
        isNull(moments.sentAt),
        isNull(moments.outcome),
        keys.length ? notInArray(moments.momentKey, keys) : undefined,
      ),
    );
  if (!loaded || !next.length) return;
  const known = new Set((await tx.select({ key: moments.momentKey }).from(moments).where(inArray(moments.momentKey, keys))).map((r) => r.key));
  await tx
    .insert(moments)
    .values(next.map((m) => ({ ...momentColumns(m), itemType: item.type, itemId: item.id, version: loaded.version, outcome: outcomeOf(m, known, setAt) })))
    .onConflictDoUpdate({
      target: moments.momentKey,
      set: {
        version: sql`excluded.version`,
        at: sql`excluded.at`,
        recipientId: sql`excluded.recipient_id`,
        channel: sql`excluded.channel`,
        level: sql`excluded.level`,
        dueAt: sql`excluded.due_at`,
        snoozeId: sql`excluded.snooze_id`,
      },
      setWhere: sql`${moments.sentAt} IS NULL AND ${moments.outcome} IS NULL`,
    });
}

/** A moment seen before keeps its state (pending, sent or skipped); only a new one can be past when set. */
function outcomeOf(moment: Moment, known: Set<string>, setAt: Date): "skipped_past" | null {
  return !known.has(moment.key) && isPastWhenSet(moment.at, setAt) ? "skipped_past" : null;
}

export function momentColumns(m: Moment) {
  return {
    momentKey: m.key,
    kind: m.kind,
    at: m.at,
    recipientId: m.recipientId,
    channel: m.channel,
    level: m.level ?? null,
    dueAt: m.dueAt,
    snoozeId: m.snoozeId ?? null,
  };
}
