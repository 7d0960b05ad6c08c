import { eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { reminderSnoozes, tasks, timelineFirings } from "@/db/schema";
import type { SystemWork } from "@/lib/effects/unit";
import { writeOutbox } from "@/lib/notify/outbox";
import { loadTaskTimeline } from "./context";
import { momentNoticeRow } from "./notices";
import type { EscalationSettings } from "./settings";
import type { Moment } from "./timeline";

export interface FireOptions {
  /** Moments at or before this instant are due. */
  upTo: Date;
  /** A run acts only for the version it was started for; the reconcile passes none. */
  version?: number;
  /** The organisation's policy and schedule, when the caller has read them already. */
  settings?: EscalationSettings;
}

export interface FireResult {
  /** The task is gone or changed since the run started: a newer run (or the reconcile) owns it. */
  stale: boolean;
  notificationIds: string[];
  fired: string[];
}

/**
 * Sends the task's moments that are due and not sent yet. Re-reads the task under a row lock
 * (so it serialises with the commands that change it) and acts only if the moment still
 * applies: the task unfinished, the same version for a run, the moment still in its timeline.
 * Each send is an outbox row with the moment's dedupe key plus a firing row, in one
 * transaction: two overlapping runs, a retried step and the reconcile cannot notify twice.
 * It runs in a unit of its own per task (the run's or the reconcile's): "fired at" is the
 * unit's now, and a task that fails mid-pass of the reconcile rolls back alone.
 */
export async function fireDueMoments(work: SystemWork, taskId: string, options: FireOptions): Promise<FireResult> {
  const { tx } = work;
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
  if (!task || (options.version !== undefined && task.version !== options.version)) return { stale: true, notificationIds: [], fired: [] };
  const timeline = await loadTaskTimeline(tx, task, options.settings);
  const unsent = await unsentDueMoments(tx, timeline.moments, options.upTo);
  if (!unsent.length) return { stale: false, notificationIds: [], fired: [] };

  const notificationIds: string[] = [];
  const fired: string[] = [];
  const firedAt = work.now;
  for (const moment of unsent) {
    const recipient = timeline.people.get(moment.recipientId);
    const [notificationId] = recipient?.active ? await writeOutbox(work, [momentNoticeRow(task, moment, recipient, timeline.people.get(task.assigneeId))]) : [];
    await tx
      .insert(timelineFirings)
      .values(firingRow(task.id, moment, firedAt, notificationId ?? null))
      .onConflictDoNothing({ target: timelineFirings.momentKey });
    // Sent, the snooze is no longer pending: the person may snooze the new reminder again.
    if (moment.snoozeId) await tx.update(reminderSnoozes).set({ sentAt: firedAt }).where(eq(reminderSnoozes.id, moment.snoozeId));
    if (notificationId) notificationIds.push(notificationId);
    fired.push(moment.key);
  }
  return { stale: false, notificationIds, fired };
}

/** The moments due by `upTo` that have no firing yet. */
export async function unsentDueMoments(db: DbOrTx, moments: Moment[], upTo: Date): Promise<Moment[]> {
  const due = moments.filter((m) => m.at.getTime() <= upTo.getTime());
  if (!due.length) return [];
  const done = await db
    .select({ key: timelineFirings.momentKey })
    .from(timelineFirings)
    .where(
      inArray(
        timelineFirings.momentKey,
        due.map((m) => m.key),
      ),
    );
  const sent = new Set(done.map((d) => d.key));
  return due.filter((m) => !sent.has(m.key));
}

function firingRow(taskId: string, moment: Moment, firedAt: Date, notificationId: string | null): typeof timelineFirings.$inferInsert {
  return {
    momentKey: moment.key,
    taskId,
    kind: moment.kind,
    level: moment.level ?? null,
    recipientId: moment.recipientId,
    channel: moment.channel,
    dueAt: moment.dueAt,
    momentAt: moment.at,
    firedAt,
    notificationId,
  };
}

/** The moments of this version still to come or not yet sent: what a run sleeps towards. */
export async function pendingMoments(db: Db, taskId: string, version: number): Promise<Moment[]> {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task || task.version !== version) return [];
  const { moments } = await loadTaskTimeline(db, task);
  if (!moments.length) return [];
  const done = await db
    .select({ key: timelineFirings.momentKey })
    .from(timelineFirings)
    .where(
      inArray(
        timelineFirings.momentKey,
        moments.map((m) => m.key),
      ),
    );
  const sent = new Set(done.map((d) => d.key));
  return moments.filter((m) => !sent.has(m.key));
}
