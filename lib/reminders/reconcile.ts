import { and, asc, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { runUnit } from "@/lib/effects/unit";
import { reconcileCursor, reminderSnoozes, taskReminders, tasks } from "@/db/schema";
import { loadTaskTimeline } from "./context";
import { fireDueMoments, unsentDueMoments } from "./fire";
import { escalationSettings } from "./settings";

const DAY = 86_400_000;
/** Overdue tasks stay under watch this long after their due moment (escalations come later). */
const OVERDUE_WATCH_DAYS = 60;
/** The longest lead time: a due moment further ahead has nothing due yet. */
const MAX_LEAD_DAYS = 15;
/** Absolute reminders and snoozes this old are still sent when missed. */
const MISSED_WINDOW_DAYS = 2;

export interface ReconcileResult {
  checked: number;
  fired: number;
  notificationIds: string[];
}

/**
 * Sends every reminder, overdue notice and escalation that is due but was not sent, whatever
 * happened to the run that should have sent it (an event lost between the app and Inngest,
 * Inngest down, the embedded mode with no Inngest at all). Runs every minute; the dedupe keys
 * make it harmless next to the runs.
 */
/** Tasks that may have something due: unfinished and near their due moment, or with a missed absolute reminder or snooze. */
export function reconcileCandidates(db: Db, now: Date): SQL | undefined {
  const active = inArray(tasks.status, ["open", "in_progress"]);
  const missedSince = new Date(now.getTime() - MISSED_WINDOW_DAYS * DAY);
  return and(
    active,
    sql`(
      (${tasks.dueAt} BETWEEN ${new Date(now.getTime() - OVERDUE_WATCH_DAYS * DAY).toISOString()}::timestamptz AND ${new Date(now.getTime() + MAX_LEAD_DAYS * DAY).toISOString()}::timestamptz)
      OR ${tasks.id} IN (${db
        .select({ id: taskReminders.taskId })
        .from(taskReminders)
        .where(and(gte(taskReminders.fireAt, missedSince), lte(taskReminders.fireAt, now)))})
      OR ${tasks.id} IN (${db
        .select({ id: reminderSnoozes.taskId })
        .from(reminderSnoozes)
        .where(and(gte(reminderSnoozes.fireAt, missedSince), lte(reminderSnoozes.fireAt, now)))})
    )`,
  );
}

export async function reconcileTimelines(db: Db, now: Date, { limit = 2000 }: { limit?: number } = {}): Promise<ReconcileResult> {
  if (limit < 1) throw new Error("reconcile needs a batch of at least one task");
  const isCandidate = reconcileCandidates(db, now);
  const page = (from: SQL | undefined, size: number) => db.select().from(tasks).where(and(isCandidate, from)).orderBy(asc(tasks.id)).limit(size);

  // A bounded batch per pass, continuing where the last pass stopped and wrapping around, so
  // no candidate waits more than ceil(candidates / limit) passes.
  const [cursor] = await db.select({ lastTaskId: reconcileCursor.lastTaskId }).from(reconcileCursor);
  const after = cursor?.lastTaskId ?? null;
  let candidates = await page(after ? gt(tasks.id, after) : undefined, limit);
  if (candidates.length < limit && after) {
    const wrapped = await page(lte(tasks.id, after), limit - candidates.length);
    candidates = candidates.concat(wrapped.filter((w) => !candidates.some((c) => c.id === w.id)));
  }
  const next = candidates.length >= limit ? candidates.at(-1)!.id : null;
  await db
    .insert(reconcileCursor)
    .values({ id: 1, lastTaskId: next, updatedAt: now })
    .onConflictDoUpdate({ target: reconcileCursor.id, set: { lastTaskId: next, updatedAt: now } });

  const notificationIds: string[] = [];
  let fired = 0;
  // One read of the organisation's policy and working week for the whole pass, not per task.
  const settings = await escalationSettings(db);
  for (const task of candidates) {
    const id = task.id;
    try {
      // Most candidates have nothing due that is unsent: find that out with plain reads, and
      // take the task's row lock (fireDueMoments re-checks under it) only when there is.
      const { moments } = await loadTaskTimeline(db, task, settings);
      if (!(await unsentDueMoments(db, moments, now)).length) continue;
      // One unit per task: what it sent is dispatched once that task's transaction has committed.
      const result = await runUnit(db, null, (work) => fireDueMoments(work, id, { upTo: now, settings }), { now });
      notificationIds.push(...result.notificationIds);
      fired += result.fired.length;
    } catch (error) {
      console.error(`[reminders] reconciling task ${id} failed`, error);
    }
  }
  return { checked: candidates.length, fired, notificationIds };
}
