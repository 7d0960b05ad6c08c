import type { DbOrTx } from "@/db";
import type { SystemWork } from "@/lib/effects/unit";
import { fireItemMoments, type FireOptions, type FireResult } from "@/lib/timelines/fire";
import { pendingMomentsOf } from "@/lib/timelines/pending";
import type { Moment } from "./timeline";

export type { FireOptions, FireResult };

/** Sends the task's pending moments that are due (see `fireItemMoments`). */
export function fireDueMoments(work: SystemWork, taskId: string, options: FireOptions): Promise<FireResult> {
  return fireItemMoments(work, { type: "task", id: taskId }, options);
}

/** The pending moments of this task version, read from the moments table: what a run sleeps towards. */
export function pendingMoments(db: DbOrTx, taskId: string, version: number): Promise<Moment[]> {
  return pendingMomentsOf(db, { type: "task", id: taskId }, version);
}
