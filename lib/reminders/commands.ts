import { and, eq, inArray, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  escalationPolicies,
  holidayOverrides,
  moments,
  notifications,
  reminderDefaults,
  reminderSnoozes,
  taskReminders,
  tasks,
  workSchedule,
} from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import { addCalendarDays, localDateOf, wallClockToInstant } from "@/lib/time/zoned";
import type { Work } from "@/lib/effects/unit";
import { rescheduleTimelines } from "@/lib/timelines/reschedule";
import { writeTimeline } from "@/lib/timelines/write";
import { REMINDER_KIND } from "./notices";
import { isDayOff } from "./holidays";
import {
  ESCALATION_PRIORITIES,
  type AddDayOffInput,
  type EscalationSettingsInput,
  type ReminderDefaultsInput,
  type RemoveDayOffInput,
  type SnoozeChoice,
  type SnoozeInput,
} from "./schema";
import { escalationSettings } from "./settings";
import { isUnfinished } from "./timeline";

/** When a snoozed reminder comes back: in 10 minutes, in an hour, or at 09:00 tomorrow in the person's zone. */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string): Date {
  if (choice === "10m") return new Date(now.getTime() + 10 * 60_000);
  if (choice === "1h") return new Date(now.getTime() + 60 * 60_000);
  const tomorrow = addCalendarDays(localDateOf(now, timeZone), 1);
  return wallClockToInstant(`${tomorrow}T09:00`, timeZone)!;
}

/**
 * "Remind me later" on a reminder notification: only its recipient may, and only while the
 * task is unfinished. Adds a one-off reminder moment for them (the task's run is replaced after
 * commit) and marks the notification read. Pressed again while one is pending, it moves that
 * one: a person has one pending snooze per task, so presses (or a script) cannot queue SMS.
 */
export async function snoozeReminder({ tx, viewer, now, effects }: Work, input: SnoozeInput): Promise<{ fireAt: Date }> {
  const [notification] = await tx.select().from(notifications).where(eq(notifications.id, input.notificationId));
  // Someone else's reminder is "not found" too: the answer must not tell which ids exist.
  if (!notification || notification.recipientId !== viewer.id) throw new NotFound("notFound");
  const taskId = notification.payload.taskId;
  if (!notification.kind.startsWith(REMINDER_KIND) || typeof taskId !== "string") throw new Conflict("reminders.errors.notReminder");
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
  if (!task || !isUnfinished(task.status)) throw new Conflict("reminders.errors.snoozeFinished");

  const fireAt = snoozeUntil(input.snooze, now, viewer.timeZone);
  const values = { notificationId: notification.id, fireAt, channel: notification.channel, createdAt: now };
  const [snooze] = await tx
    .insert(reminderSnoozes)
    .values({ taskId, recipientId: viewer.id, ...values })
    .onConflictDoUpdate({ target: [reminderSnoozes.taskId, reminderSnoozes.recipientId], targetWhere: sql`${reminderSnoozes.sentAt} IS NULL`, set: values })
    .returning({ id: reminderSnoozes.id });
  await tx
    .update(notifications)
    .set({ readAt: notification.readAt ?? now })
    .where(eq(notifications.id, notification.id));
  // A moved snooze keeps its id: the time tells its run apart from the previous one's.
  effects.schedule({ type: "task", id: taskId, version: task.version, reason: `snooze-${snooze!.id}-${fireAt.getTime()}` });
  await writeTimeline(tx, { type: "task", id: taskId }, now);
  return { fireAt };
}

/**
 * Admins set the escalation delays per priority, the second level, the working week and whose
 * public holidays it skips. The
 * pending escalations of unfinished tasks move with it in the same transaction (reminders and
 * overdue notices do not depend on either), and each such task gets a fresh run after commit;
 * escalations already sent stay sent.
 */
export async function saveEscalationSettings({ tx, viewer, now, effects }: Work, input: EscalationSettingsInput): Promise<{ rescheduled: number }> {
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  const before = await escalationSettings(tx);
  for (const priority of ESCALATION_PRIORITIES) {
    const rule = input.policy[priority];
    await tx
      .insert(escalationPolicies)
      .values({ priority, delay: rule.delay, unit: rule.unit, updatedAt: now })
      .onConflictDoUpdate({ target: escalationPolicies.priority, set: { delay: rule.delay, unit: rule.unit, updatedAt: now } });
  }
  const schedule = {
    timeZone: input.timeZone,
    workDays: input.workDays,
    dayStart: input.dayStart,
    dayEnd: input.dayEnd,
    secondLevelEnabled: input.secondLevelEnabled,
    secondLevelDelay: input.secondLevelDelay,
    secondLevelUnit: input.secondLevelUnit,
    holidayCountry: input.holidayCountry,
    updatedAt: now,
  };
  await tx
    .insert(workSchedule)
    .values({ id: 1, ...schedule })
    .onConflictDoUpdate({ target: workSchedule.id, set: schedule });
  const after = await escalationSettings(tx);
  const ids = await tasksWithEscalationsToMove(tx, JSON.stringify(before.policy.secondLevel) !== JSON.stringify(after.policy.secondLevel));
  return { rescheduled: await rescheduleTimelines(tx, "task", ids, now, effects, `policy-${now.getTime()}`) };
}

/**
 * Admins add a company day off, or give back a public holiday they had removed. A day that is
 * already off is refused (a field error, nothing written). Pending escalations of unfinished
 * tasks move in the same transaction, as when the working week is saved.
 */
export async function addDayOff(work: Work, input: AddDayOffInput): Promise<{ rescheduled: number }> {
  const { tx, viewer, now } = work;
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  await lockHolidays(tx);
  const { holidays } = (await escalationSettings(tx)).schedule;
  if (isDayOff(holidays, input.day)) throw new Invalid("reminders.errors.holidayDuplicate", { day: ["reminders.errors.holidayDuplicate"] });
  if (holidays.removed.includes(input.day)) await tx.delete(holidayOverrides).where(eq(holidayOverrides.day, input.day));
  else await tx.insert(holidayOverrides).values({ day: input.day, change: "added", note: input.note, createdById: viewer.id, createdAt: now });
  return moveEscalationsWithDaysOff(work, input.day);
}

/**
 * Admins remove a day off: a company day they added goes, a public holiday becomes a working
 * day (kept as a "removed" row, so it can be given back). A day that is not off is refused.
 */
export async function removeDayOff(work: Work, input: RemoveDayOffInput): Promise<{ rescheduled: number }> {
  const { tx, viewer, now } = work;
  if (viewer.role !== "admin") throw new Forbidden("adminOnly");
  await lockHolidays(tx);
  const { holidays } = (await escalationSettings(tx)).schedule;
  if (!isDayOff(holidays, input.day)) throw new Invalid("reminders.errors.notDayOff", { day: ["reminders.errors.notDayOff"] });
  if (holidays.added.includes(input.day)) await tx.delete(holidayOverrides).where(eq(holidayOverrides.day, input.day));
  else await tx.insert(holidayOverrides).values({ day: input.day, change: "removed", note: null, createdById: viewer.id, createdAt: now });
  return moveEscalationsWithDaysOff(work, input.day);
}

/** Two admins changing days off at once take turns, so neither decides on a calendar the other is changing. */
async function lockHolidays(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('baton.holiday_overrides'))`);
}

async function moveEscalationsWithDaysOff({ tx, now, effects }: Work, day: string): Promise<{ rescheduled: number }> {
  const ids = await tasksWithEscalationsToMove(tx, false);
  return { rescheduled: await rescheduleTimelines(tx, "task", ids, now, effects, `holidays-${day}-${now.getTime()}`) };
}

/**
 * Unfinished tasks with a pending escalation; when the second level changed, also those whose
 * first level was sent (their second one may appear or move), in id order so concurrent
 * changes lock rows in the same order.
 */
async function tasksWithEscalationsToMove(tx: DbOrTx, secondLevelChanged: boolean): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: moments.itemId })
    .from(moments)
    .innerJoin(tasks, eq(tasks.id, moments.itemId))
    .where(
      and(
        eq(moments.itemType, "task"),
        eq(moments.kind, "escalation"),
        inArray(tasks.status, ["open", "in_progress"]),
        secondLevelChanged ? undefined : and(isNull(moments.sentAt), isNull(moments.outcome)),
      ),
    )
    .orderBy(moments.itemId);
  return rows.map((r) => r.id);
}

/**
 * A person's own default reminders, replaced as a whole. Their unfinished tasks that have no
 * reminders of their own use the defaults: those timelines are rewritten in the same transaction.
 */
export async function saveReminderDefaults({ tx, viewer, now, effects }: Work, input: ReminderDefaultsInput): Promise<{ count: number }> {
  await tx.delete(reminderDefaults).where(eq(reminderDefaults.userId, viewer.id));
  if (input.reminders.length) await tx.insert(reminderDefaults).values(input.reminders.map((r) => ({ userId: viewer.id, ...r })));
  const affected = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.assigneeId, viewer.id),
        inArray(tasks.status, ["open", "in_progress"]),
        isNotNull(tasks.dueAt),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(taskReminders)
            .where(eq(taskReminders.taskId, tasks.id)),
        ),
      ),
    )
    .orderBy(tasks.id);
  await rescheduleTimelines(
    tx,
    "task",
    affected.map((t) => t.id),
    now,
    effects,
    `defaults-${now.getTime()}`,
  );
  return { count: input.reminders.length };
}
