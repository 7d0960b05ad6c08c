import type { DbOrTx } from "@/db";
import type { TimelineItemType } from "@/db/schema";
import type { OutboxRow } from "@/lib/notify/outbox";
import type { Moment } from "@/lib/reminders/timeline";

export type { Moment, TimelineItemType };

/** An item that has a timeline: one of the kinds in the registry. */
export interface ItemRef {
  type: TimelineItemType;
  id: string;
}

/**
 * Reads that many items of one pass share (the organisation's escalation policy, say), made
 * once per pass however many items it goes through.
 */
export class SharedReads {
  private readonly reads = new Map<string, Promise<unknown>>();

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.reads.set(key, pending);
    }
    return pending;
  }
}

/** An item as it is now, with the moments its timeline has in this version. */
export interface LoadedTimeline {
  version: number;
  /** The item's last change: what the backfill measures "already past when set" against. */
  updatedAt: Date;
  moments: Moment[];
  /** The notification a due moment sends, or null when nobody can read it (an inactive recipient). */
  noticeOf(moment: Moment): OutboxRow | null;
  /**
   * Its moments reach only a horizon ahead of `now` (a series repeating without end): whenever a
   * moment of it is settled, the timeline is written again from then, so the horizon moves on.
   */
  rolling?: boolean;
  /** What else a settled moment changes, in the same transaction (a snooze is no longer pending). */
  afterSettled?(tx: DbOrTx, moment: Moment, at: Date): Promise<void>;
}

/**
 * One kind of item with a timeline. The timelines module knows items only through this: a new
 * kind is one more name in `timelineItemTypes` and its source in the registry; its writes, runs,
 * reconcile and backfill are the same code.
 */
export interface TimelineSource {
  /**
   * The item now (under its row lock when `lock`), or null when it is gone. `now` bounds what a
   * kind with open-ended moments writes ahead (a series' occurrences: see `rolling`).
   */
  load(tx: DbOrTx, id: string, options: { lock: boolean; now: Date; shared?: SharedReads }): Promise<LoadedTimeline | null>;
  /**
   * Items in id order after `afterId` whose timeline may still send something at `now` (an open
   * task, an entry not yet begun), for writing the timelines of items older than their kind's.
   */
  idsAfter(db: DbOrTx, afterId: string | null, limit: number, now: Date): Promise<string[]>;
}
