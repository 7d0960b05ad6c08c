import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { taskChecklistItems, taskReminders, taskSeries, tasks, users } from "@/db/schema";
import { isUserError } from "@/lib/action/errors";
import { viewerColumns, type Viewer } from "@/lib/auth/viewer";
import { runUnit, type SystemWork } from "@/lib/effects/unit";
import { escalationSettings } from "@/lib/reminders/settings";
import { instantToWallClock } from "@/lib/time/zoned";
import { createTask, type NewTask, type TaskRef } from "./commands";
import { dueOfInstance, latestMomentUpTo, nextMomentAfter } from "./repeat-rule";
import { latestInstanceOf, repeatOfSeries } from "./repetition";
import type { ReminderInput } from "./schema";

// One pass creates at most this many instances; the next pass (a minute later) takes the rest.
const BATCH = 200;

/**
 * The job body both engines run (the Inngest cron and the in-process timer): every series whose
 * next moment has come gets its instance, each in a unit of its own. The series row is locked
 * and its next moment moved on in the same transaction, and tasks_series_moment_idx refuses a
 * second instance for one moment, so overlapping passes never create two.
 */
export async function createDueInstancesJob(db: Db, now: Date): Promise<{ created: number }> {
  const due = await db
    .select({ id: taskSeries.id })
    .from(taskSeries)
    .where(and(isNotNull(taskSeries.nextAt), isNull(taskSeries.stoppedAt), lte(taskSeries.nextAt, now)))
    .orderBy(asc(taskSeries.nextAt))
    .limit(BATCH);
  let created = 0;
  for (const { id } of due) {
    try {
      if (await runUnit(db, null, (work) => createInstance(work, id), { now, awaitDispatch: true })) created++;
    } catch (error) {
      if (isUserError(error)) {
        // The template cannot be created again (its assignee left, its case is gone): the series
        // stops rather than failing every minute; its delegator still has every instance.
        console.warn(`[tasks] series ${id} stopped: its next instance is refused (${error.message})`);
        await db.update(taskSeries).set({ stoppedAt: now, nextAt: null, updatedAt: now }).where(eq(taskSeries.id, id));
      } else {
        console.error(`[tasks] creating the next instance of series ${id} failed; the next pass retries`, error);
      }
    }
  }
  return { created };
}

async function delegatorOf(work: SystemWork, userId: string): Promise<Viewer | undefined> {
  const [row] = await work.tx.select(viewerColumns).from(users).where(eq(users.id, userId));
  return row;
}

/** The instance of one series for its due moment, from its latest instance; null when there is nothing (left) to do. */
async function createInstance(work: SystemWork, seriesId: string): Promise<TaskRef | null> {
  const { tx, now } = work;
  const [series] = await tx.select().from(taskSeries).where(eq(taskSeries.id, seriesId)).for("update", { skipLocked: true });
  if (!series || series.stoppedAt || !series.nextAt || series.nextAt > now) return null;
  const repeat = repeatOfSeries(series);
  const { schedule } = await escalationSettings(tx);
  // Away for several moments (the server was down): one instance, for the latest of them.
  const moment = repeat.kind === "afterCompletion" ? series.nextAt : (latestMomentUpTo(repeat, series.nextAt, now, series.zone, schedule) ?? series.nextAt);
  const nextAt = nextMomentAfter(repeat, now, series.zone, schedule);
  const template = await latestInstanceOf(tx, series.id);
  const delegator = await delegatorOf(work, series.createdById);
  if (!template || !delegator || template.seriesAt! >= moment) {
    await tx.update(taskSeries).set({ nextAt, updatedAt: now }).where(eq(taskSeries.id, series.id));
    return null;
  }

  const dueAt = dueOfInstance(moment, series, series.zone);
  const shift = moment.getTime() - template.seriesAt!.getTime();
  const reminders = await tx
    .select({ offsetMinutes: taskReminders.offsetMinutes, fireAt: taskReminders.fireAt, channel: taskReminders.channel })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, template.id))
    .orderBy(taskReminders.createdAt, taskReminders.id);
  const input: NewTask = {
    title: template.title,
    description: template.description,
    priority: template.priority,
    dueAt: dueAt ? instantToWallClock(dueAt, delegator.timeZone) : null,
    assigneeId: template.assigneeId,
    clientId: template.clientId,
    caseId: template.caseId,
    needsAcceptance: template.needsAcceptance,
    progress: 0,
    // Lead times count back from the instance's own due moment; a fixed moment moves with the series.
    reminders: reminders.flatMap((r): ReminderInput[] => {
      if (r.offsetMinutes !== null) return dueAt ? [{ type: "before", offsetMinutes: r.offsetMinutes, channel: r.channel }] : [];
      return [{ type: "at", fireAt: instantToWallClock(new Date(r.fireAt!.getTime() + shift), delegator.timeZone), channel: r.channel }];
    }),
  };
  const ref = await createTask({ ...work, viewer: delegator }, input, { instanceOf: { seriesId: series.id, at: moment } });

  const steps = await tx
    .select({ text: taskChecklistItems.text, position: taskChecklistItems.position })
    .from(taskChecklistItems)
    .where(eq(taskChecklistItems.taskId, template.id))
    .orderBy(taskChecklistItems.position);
  if (steps.length) {
    await tx
      .insert(taskChecklistItems)
      .values(steps.map((s, position) => ({ taskId: ref.id, text: s.text, position, createdById: delegator.id, createdAt: now })));
  }
  if (template.progressFollowsChecklist) await tx.update(tasks).set({ progressFollowsChecklist: true }).where(eq(tasks.id, ref.id));
  // "After completion" waits for this instance to be done (instanceFinished sets the moment).
  await tx.update(taskSeries).set({ nextAt, updatedAt: now }).where(eq(taskSeries.id, series.id));
  return ref;
}
