import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reminderDefaults, reminderSnoozes, taskReminders, tasks, users } from "@/db/schema";
import type { ReminderSpec } from "./moments";
import { escalationSettings } from "./settings";
import { timelineOf, type Moment, type TimelineInput } from "./timeline";

export type TaskForTimeline = typeof tasks.$inferSelect;

export interface TimelinePerson {
  id: string;
  name: string;
  locale: "pl" | "en";
  timeZone: string;
  active: boolean;
  supervisorId: string | null;
}

export interface TaskTimeline {
  input: TimelineInput;
  moments: Moment[];
  people: Map<string, TimelinePerson>;
  /** True when the task has no reminders of its own and the assignee's defaults apply. */
  usesDefaults: boolean;
}

async function peopleOf(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, TimelinePerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, locale: users.locale, timeZone: users.timeZone, active: users.active, supervisorId: users.supervisorId })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A task's own reminders, or the assignee's defaults when it has none. */
export async function remindersOfTask(db: DbOrTx, task: Pick<TaskForTimeline, "id" | "assigneeId">): Promise<{ specs: ReminderSpec[]; usesDefaults: boolean }> {
  const own = await db
    .select({ offsetMinutes: taskReminders.offsetMinutes, fireAt: taskReminders.fireAt, channel: taskReminders.channel })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, task.id));
  if (own.length) return { specs: own, usesDefaults: false };
  const defaults = await db
    .select({ offsetMinutes: reminderDefaults.offsetMinutes, channel: reminderDefaults.channel })
    .from(reminderDefaults)
    .where(eq(reminderDefaults.userId, task.assigneeId))
    .orderBy(asc(reminderDefaults.offsetMinutes));
  return { specs: defaults.map((d) => ({ ...d, fireAt: null })), usesDefaults: defaults.length > 0 };
}

/**
 * Reads everything a task's timeline depends on (reminders or defaults, snoozes, the assignee's
 * supervisor chain, the organisation's policy and working week) and computes it. Inactive
 * supervisors are skipped: nobody reads their notices.
 */
export async function loadTaskTimeline(db: DbOrTx, task: TaskForTimeline): Promise<TaskTimeline> {
  const [{ specs, usesDefaults }, snoozes, settings, first] = await Promise.all([
    remindersOfTask(db, task),
    db
      .select({ id: reminderSnoozes.id, recipientId: reminderSnoozes.recipientId, fireAt: reminderSnoozes.fireAt, channel: reminderSnoozes.channel })
      .from(reminderSnoozes)
      .where(and(eq(reminderSnoozes.taskId, task.id), eq(reminderSnoozes.recipientId, task.assigneeId))),
    escalationSettings(db),
    peopleOf(db, [task.assigneeId, task.createdById]),
  ]);
  const assignee = first.get(task.assigneeId);
  const supervisors = await peopleOf(db, [assignee?.supervisorId ?? null]);
  const supervisor = assignee?.supervisorId ? supervisors.get(assignee.supervisorId) : undefined;
  const seconds = await peopleOf(db, [supervisor?.supervisorId ?? null]);
  const second = supervisor?.supervisorId ? seconds.get(supervisor.supervisorId) : undefined;
  const people = new Map([...first, ...supervisors, ...seconds]);

  const input: TimelineInput = {
    task,
    reminders: specs,
    snoozes,
    people: {
      assignee: { id: task.assigneeId, timeZone: assignee?.timeZone ?? settings.schedule.timeZone },
      supervisor: supervisor?.active ? supervisor.id : null,
      secondSupervisor: second?.active && second.id !== task.assigneeId ? second.id : null,
    },
    policy: settings.policy,
    schedule: settings.schedule,
  };
  return { input, moments: timelineOf(input), people, usesDefaults };
}
