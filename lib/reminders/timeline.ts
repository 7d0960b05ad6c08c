import { reminderKey, reminderMomentOf, type Channel, type ReminderSpec } from "./moments";
import { addDelay, type DelayUnit, type WorkSchedule } from "./working-time";
import type { Priority } from "@/lib/org/vocabulary";

export type { Priority };
export type MomentKind = "reminder" | "overdue" | "escalation";

export interface Delay {
  delay: number;
  unit: DelayUnit;
}

export interface EscalationPolicy {
  byPriority: Record<Priority, Delay>;
  secondLevel: { enabled: boolean } & Delay;
}

export const DEFAULT_POLICY: EscalationPolicy = {
  byPriority: {
    urgent: { delay: 60, unit: "minutes" },
    high: { delay: 4, unit: "working_hours" },
    normal: { delay: 1, unit: "working_days" },
    low: { delay: 3, unit: "working_days" },
  },
  secondLevel: { enabled: false, delay: 1, unit: "working_days" },
};

export interface TimelineTask {
  id: string;
  status: "open" | "in_progress" | "awaiting_acceptance" | "done" | "cancelled";
  priority: Priority;
  dueAt: Date | null;
  /** The last change (a moment already past then was set in the past: see isPastWhenSet in lib/timelines). */
  updatedAt: Date;
  assigneeId: string;
  createdById: string;
}

export interface TimelinePeople {
  assignee: { id: string; timeZone: string };
  /** The assignee's supervisor and that person's supervisor, when there are (active) ones. */
  supervisor: string | null;
  secondSupervisor: string | null;
}

export interface Snooze {
  id: string;
  recipientId: string;
  fireAt: Date;
  channel: Channel | null;
}

export interface Moment {
  /** Stable and unique: the dedupe key of the notification it sends. */
  key: string;
  kind: MomentKind;
  at: Date;
  recipientId: string;
  channel: Channel | null;
  /** Escalation level (1: supervisor, 2: the supervisor's supervisor). */
  level?: 1 | 2;
  /** The due moment an overdue notice or escalation is about. */
  dueAt: Date | null;
  snoozeId?: string;
}

export interface TimelineInput {
  task: TimelineTask;
  reminders: ReminderSpec[];
  snoozes: Snooze[];
  people: TimelinePeople;
  policy: EscalationPolicy;
  schedule: WorkSchedule;
}

/** Work waiting for the delegator's check is finished as far as the assignee is concerned. */
export function isUnfinished(status: TimelineTask["status"]): boolean {
  return status === "open" || status === "in_progress";
}

/** The instant the assignee's supervisor is told about an overdue task, and the second level's. */
export function escalationMoments(dueAt: Date, priority: Priority, policy: EscalationPolicy, schedule: WorkSchedule): { first: Date; second: Date | null } {
  const rule = policy.byPriority[priority];
  const first = addDelay(dueAt, rule.delay, rule.unit, schedule);
  const second = policy.secondLevel.enabled ? addDelay(first, policy.secondLevel.delay, policy.secondLevel.unit, schedule) : null;
  return { first, second };
}

/**
 * Who each escalation level goes to. An escalation tells someone who does not know yet: the
 * assignee and the delegator already have the overdue notice, so neither is escalated to, and a
 * person who would be both levels hears once, at the first. A level whose person is left out is
 * dropped, not passed up the chain: the level-1 time then tells nobody new (whoever it was, they
 * already know), and the level-2 person is told at the level-2 time only when the organisation
 * enabled that level, exactly as if level 1 had been someone else. Passing it up would bring a
 * director in at the first level's time, earlier than the policy says, and even where the second
 * level is switched off.
 */
export function escalationRecipients(
  task: Pick<TimelineTask, "assigneeId" | "createdById">,
  people: TimelinePeople,
): { first: string | null; second: string | null } {
  const alreadyTold = new Set([task.assigneeId, task.createdById]);
  // Level 2 is the supervisor's supervisor: without a (active) level-1 supervisor there is no chain to climb.
  if (!people.supervisor) return { first: null, second: null };
  const first = alreadyTold.has(people.supervisor) ? null : people.supervisor;
  const second =
    people.secondSupervisor && !alreadyTold.has(people.secondSupervisor) && people.secondSupervisor !== people.supervisor ? people.secondSupervisor : null;
  return { first, second };
}

/**
 * Every moment in a task's life that tells someone something, in time order: each reminder
 * for the assignee, the overdue notice to the assignee and the delegator, and the escalations
 * up the supervisor chain (never to either of those two: see escalationRecipients). A finished or cancelled task has none. Pure: the caller reads the
 * rows; writeTimeline (lib/timelines) stores them, skipping those already past when set.
 */
export function timelineOf(input: TimelineInput): Moment[] {
  const { task, people } = input;
  if (!isUnfinished(task.status)) return [];
  const item = { type: "task" as const, id: task.id };
  const moments: Moment[] = [];

  for (const spec of input.reminders) {
    const at = reminderMomentOf(task.dueAt, spec, people.assignee.timeZone);
    if (!at) continue;
    const key = reminderKey(item, people.assignee.id, at, spec.channel);
    if (moments.some((m) => m.key === key)) continue;
    moments.push({ key, kind: "reminder", at, recipientId: people.assignee.id, channel: spec.channel, dueAt: task.dueAt });
  }
  for (const s of input.snoozes) {
    // A snooze is the assignee's own; after a reassignment it no longer applies.
    if (s.recipientId !== people.assignee.id) continue;
    moments.push({
      key: reminderKey(item, s.recipientId, s.fireAt, s.channel, `snooze-${s.id}`),
      kind: "reminder",
      at: s.fireAt,
      recipientId: s.recipientId,
      channel: s.channel,
      dueAt: task.dueAt,
      snoozeId: s.id,
    });
  }

  if (task.dueAt) {
    const due = task.dueAt;
    const dueIso = due.toISOString();
    for (const recipientId of new Set([task.assigneeId, task.createdById])) {
      moments.push({ key: `overdue:task:${task.id}:${dueIso}:${recipientId}`, kind: "overdue", at: due, recipientId, channel: null, dueAt: due });
    }
    const { first, second } = escalationMoments(due, task.priority, input.policy, input.schedule);
    const levels = escalationRecipients(task, people);
    if (levels.first) {
      moments.push({
        key: `escalation:task:${task.id}:${dueIso}:l1:${levels.first}`,
        kind: "escalation",
        at: first,
        recipientId: levels.first,
        channel: null,
        level: 1,
        dueAt: due,
      });
    }
    if (second && levels.second) {
      moments.push({
        key: `escalation:task:${task.id}:${dueIso}:l2:${levels.second}`,
        kind: "escalation",
        at: second,
        recipientId: levels.second,
        channel: null,
        level: 2,
        dueAt: due,
      });
    }
  }
  return moments.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}
