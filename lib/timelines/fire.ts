import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { moments } from "@/db/schema";
import type { SystemWork } from "@/lib/effects/unit";
import { writeOutbox } from "@/lib/notify/outbox";
import { timelineSources } from "./registry";
import { momentColumns, writeLoadedTimeline } from "./write";
import type { ItemRef, SharedReads } from "./types";

export interface FireOptions {
  /** Moments at or before this instant are due. */
  upTo: Date;
  /** A run acts only for the version it was started for; the reconcile passes none. */
  version?: number;
  shared?: SharedReads;
}

export interface FireResult {
  /** The item is gone or changed since the run started: a newer run (or the reconcile) owns it. */
  stale: boolean;
  notificationIds: string[];
  fired: string[];
}

/** Pending: neither sent nor settled otherwise. */
export const isPending = and(isNull(moments.sentAt), isNull(moments.outcome));

const ofItem = (item: ItemRef) => and(eq(moments.itemType, item.type), eq(moments.itemId, item.id));

/**
 * Sends the item's pending moments that are due. Re-reads the item under its row lock (so it
 * serialises with the commands that change it and write its moments) and sends a moment only if
 * it still applies: the item there, the same version for a run, the moment still in its
 * recomputed timeline (a finished task has none). Each send is an outbox row whose dedupe key is
 * the moment key plus `sent_at` on the moment, in one transaction: two overlapping runs, a
 * retried step and the reconcile cannot notify twice. It runs in a unit of its own per item (the
 * run's or the reconcile's): "sent at" is the unit's now, and an item that fails mid-pass of the
 * reconcile rolls back alone.
 */
export async function fireItemMoments(work: SystemWork, item: ItemRef, options: FireOptions): Promise<FireResult> {
  const { tx } = work;
  const stale = { stale: true, notificationIds: [], fired: [] };
  const loaded = await timelineSources[item.type].load(tx, item.id, { lock: true, now: work.now, shared: options.shared });
  if (!loaded) {
    await tx.delete(moments).where(and(ofItem(item), isPending));
    return stale;
  }
  if (options.version !== undefined && loaded.version !== options.version) return stale;
  const due = await tx
    .select({ id: moments.id, key: moments.momentKey, kind: moments.kind, level: moments.level, dueAt: moments.dueAt })
    .from(moments)
    .where(and(ofItem(item), isPending, lte(moments.at, options.upTo)))
    .orderBy(asc(moments.at), asc(moments.momentKey));
  const notificationIds: string[] = [];
  const fired: string[] = [];
  const at = work.now;
  const current = new Map(loaded.moments.map((m) => [m.key, m]));
  let known: Set<string> | undefined;
  for (const row of due) {
    let moment = current.get(row.key);
    let rowId: string | null = row.id;
    if (!moment) {
      // No longer in the timeline (the item finished, a reminder went): it will never be sent.
      await tx.delete(moments).where(eq(moments.id, row.id));
      // Unless the same moment now goes to someone else (the assignee's supervisor changed since
      // it was written): that one takes its place, so an escalation is not lost to an org change.
      known ??= new Set((await tx.select({ key: moments.momentKey }).from(moments).where(ofItem(item))).map((r) => r.key));
      moment = loaded.moments.find(
        (m) => m.kind !== "reminder" && m.kind === row.kind && (m.level ?? null) === row.level && sameInstant(m.dueAt, row.dueAt) && !known!.has(m.key),
      );
      if (!moment) continue;
      known.add(moment.key);
      rowId = null;
    }
    if (moment.at.getTime() > options.upTo.getTime()) {
      if (rowId) await tx.update(moments).set({ at: moment.at }).where(eq(moments.id, rowId));
      else await tx.insert(moments).values({ ...momentColumns(moment), itemType: item.type, itemId: item.id, version: loaded.version });
      continue;
    }
    const notice = loaded.noticeOf(moment);
    const [notificationId] = notice ? await writeOutbox(work, [notice]) : [];
    const settled = notice ? { sentAt: at, notificationId: notificationId ?? null } : { outcome: "no_recipient" as const };
    if (rowId) await tx.update(moments).set(settled).where(eq(moments.id, rowId));
    else await tx.insert(moments).values({ ...momentColumns(moment), itemType: item.type, itemId: item.id, version: loaded.version, ...settled });
    await loaded.afterSettled?.(tx, moment, at);
    if (notificationId) notificationIds.push(notificationId);
    fired.push(moment.key);
  }
  // A rolling timeline moves its horizon on: the occurrences now within reach get their moments.
  if (loaded.rolling && fired.length) await writeLoadedTimeline(tx, item, loaded, at);
  return { stale: false, notificationIds, fired };
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
