import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { taskSeries, tasks } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { escalationSettings } from "@/lib/reminders/settings";
import { instantToWallClock } from "@/lib/time/zoned";
import type { TaskRow } from "./access";
import type { ActivityEntry } from "./history";
import { peopleById } from "./references";
import { momentAfterCompletion, nextMomentAfter, type TaskRepeat } from "./repeat-rule";
import type { TaskRepeatInput } from "./repeat-schema";

export type TaskSeriesRow = typeof taskSeries.$inferSelect;

export function repeatOfSeries(s: TaskSeriesRow): TaskRepeat {
  return {
    kind: s.kind,
    weekdays: s.weekdays,
    monthDay: s.monthDay,
    weekOfMonth: s.weekOfMonth,
    weekday: s.weekday,
    afterDays: s.afterDays,
    timeOfDay: s.timeOfDay,
  };
}

/** The repetition as the history keeps it: a stable JSON text, put into words when shown. */
export function describeRepeat(repeat: TaskRepeat, dueDays: number | null): string {
  return JSON.stringify({ ...repeatOf(repeat), dueDays });
}

function repeatOf(r: TaskRepeat): TaskRepeat {
  return {
    kind: r.kind,
    weekdays: r.weekdays,
    monthDay: r.monthDay,
    weekOfMonth: r.weekOfMonth,
    weekday: r.weekday,
    afterDays: r.afterDays,
    timeOfDay: r.timeOfDay,
  };
}

/** The series' latest instance: the template of the next one, and what "after completion" waits for. */
export async function latestInstanceOf(db: DbOrTx, seriesId: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.seriesId, seriesId), isNotNull(tasks.seriesAt)))
    .orderBy(desc(tasks.seriesAt))
    .limit(1);
  return row;
}

/**
 * When the series' next instance is created, seen at `now`: the rule's next moment, or for
 * "after completion" the completion day plus N days once the latest instance is done (null
 * while it is still open).
 */
export async function nextAtOf(tx: DbOrTx, repeat: TaskRepeat, zone: string, now: Date, latest: TaskRow | undefined): Promise<Date | null> {
  if (repeat.kind === "afterCompletion") {
    return latest?.status === "done" && latest.completedAt ? momentAfterCompletion(repeat, latest.completedAt, zone) : null;
  }
  const { schedule } = await escalationSettings(tx);
  return nextMomentAfter(repeat, now, zone, schedule);
}

/**
 * Sets, changes or stops (null) the repetition of a task the caller has locked and may edit the
 * details of (its delegator or an admin: see canEditDetails). A task without a series starts one
 * and becomes its first instance; stopping keeps every instance, the open one included. Returns
 * the history entry, or null when nothing changed.
 */
export async function setRepetition(work: Work, task: TaskRow, repeat: TaskRepeatInput | null): Promise<ActivityEntry | null> {
  const { tx, now } = work;
  const [series] = task.seriesId ? await tx.select().from(taskSeries).where(eq(taskSeries.id, task.seriesId)).for("update") : [];
  const before = series && !series.stoppedAt ? describeRepeat(repeatOfSeries(series), series.dueDays) : null;

  if (repeat === null) {
    if (!series || series.stoppedAt) return null;
    await tx.update(taskSeries).set({ stoppedAt: now, nextAt: null, updatedAt: now }).where(eq(taskSeries.id, series.id));
    return { kind: "changed", field: "repeat", oldValue: before, newValue: null };
  }
  if (task.parentTaskId) throw new Invalid("tasks.errors.repeatSubtask", { "repeat.kind": ["tasks.errors.repeatSubtask"] });

  const zone = series?.zone ?? (await peopleById(tx, [task.createdById])).get(task.createdById)?.timeZone ?? work.viewer.timeZone;
  const due = task.dueAt ? { dueDays: repeat.dueDays, dueTime: instantToWallClock(task.dueAt, zone).slice(11, 16) } : { dueDays: null, dueTime: null };
  const after = describeRepeat(repeat, due.dueDays);
  if (after === before && series?.dueTime === due.dueTime) return null;

  const latest = series ? await latestInstanceOf(tx, series.id) : task;
  const nextAt = await nextAtOf(tx, repeat, zone, now, latest);
  const values = { ...repeatOf(repeat), ...due, zone, nextAt, stoppedAt: null, updatedAt: now };
  if (series) {
    await tx.update(taskSeries).set(values).where(eq(taskSeries.id, series.id));
  } else {
    const [created] = await tx
      .insert(taskSeries)
      .values({ ...values, createdById: task.createdById, createdAt: now })
      .returning({ id: taskSeries.id });
    await tx.update(tasks).set({ seriesId: created!.id, seriesAt: task.createdAt }).where(eq(tasks.id, task.id));
  }
  return { kind: "changed", field: "repeat", oldValue: before, newValue: after };
}

/**
 * An instance of an "after completion" series is done: the next one is due N days after. Only
 * the latest instance counts (finishing an older one again moves nothing). Runs in the change's
 * transaction, from applyChange.
 */
export async function instanceFinished(tx: Tx, task: TaskRow): Promise<void> {
  if (!task.seriesId || task.status !== "done" || !task.completedAt) return;
  const [series] = await tx.select().from(taskSeries).where(eq(taskSeries.id, task.seriesId)).for("update");
  if (!series || series.stoppedAt || series.kind !== "afterCompletion") return;
  const latest = await latestInstanceOf(tx, series.id);
  if (latest?.id !== task.id) return;
  await tx
    .update(taskSeries)
    .set({ nextAt: momentAfterCompletion(repeatOfSeries(series), task.completedAt, series.zone), updatedAt: task.completedAt })
    .where(eq(taskSeries.id, series.id));
}
