import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { reminderDefaults, reminderSnoozes, taskReminders, tasks, users } from "@/db/schema";
import type { ReminderSpec } from "./moments";
import { escalationSettings, type EscalationSettings } from "./settings";
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

const supervisor1 = alias(users, "supervisor1");
const supervisor2 = alias(users, "supervisor2");
const personColumns = (u: typeof users | typeof supervisor1 | typeof supervisor2) => ({
  id: u.id,
  name: u.name,
  locale: u.locale,
  timeZone: u.timeZone,
  active: u.active,
  supervisorId: u.supervisorId,
});

/** The assignee, the delegator and the two supervisors above the assignee, in one query. */
async function peopleAround(db: DbOrTx, task: Pick<TaskForTimeline, "assigneeId" | "createdById">): Promise<Map<string, TimelinePerson>> {
  const [row] = await db
    .select({ assignee: personColumns(users), first: personColumns(supervisor1), second: personColumns(supervisor2) })
    .from(users)
    .leftJoin(supervisor1, eq(supervisor1.id, users.supervisorId))
    .leftJoin(supervisor2, eq(supervisor2.id, supervisor1.supervisorId))
    .where(eq(users.id, task.assigneeId));
  const [delegator] = await db.select(personColumns(users)).from(users).where(eq(users.id, task.createdById));
  const people = new Map<string, TimelinePerson>();
  for (const person of [row?.assignee, row?.first, row?.second, delegator]) if (person?.id) people.set(person.id, person as TimelinePerson);
  return people;
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
 * supervisors are skipped: nobody reads their notices. A caller going through many tasks (the
 * reconcile) reads the organisation's settings once and passes them in.
 */
export async function loadTaskTimeline(db: DbOrTx, task: TaskForTimeline, knownSettings?: EscalationSettings): Promise<TaskTimeline> {
  const [{ specs, usesDefaults }, snoozes, settings, people] = await Promise.all([
    remindersOfTask(db, task),
    db
      .select({ id: reminderSnoozes.id, recipientId: reminderSnoozes.recipientId, fireAt: reminderSnoozes.fireAt, channel: reminderSnoozes.channel })
      .from(reminderSnoozes)
      .where(and(eq(reminderSnoozes.taskId, task.id), eq(reminderSnoozes.recipientId, task.assigneeId))),
    knownSettings ?? escalationSettings(db),
    peopleAround(db, task),
  ]);
  const assignee = people.get(task.assigneeId);
  const supervisor = assignee?.supervisorId ? people.get(assignee.supervisorId) : undefined;
  const second = supervisor?.supervisorId ? people.get(supervisor.supervisorId) : undefined;

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
