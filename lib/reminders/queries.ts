import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { reminderDefaults, timelineFirings, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { TaskRow } from "@/lib/tasks/access";
import { now as clockNow } from "@/lib/time/clock";
import { loadTaskTimeline } from "./context";
import { isUnfinished, type MomentKind } from "./timeline";
import type { Channel } from "@/lib/org/vocabulary";

export interface TimelineRow {
  key: string;
  kind: MomentKind;
  snoozed: boolean;
  level: number | null;
  at: Date;
  recipientName: string;
  channel: string | null;
}

export interface TaskTimelineView {
  finished: boolean;
  hasDue: boolean;
  usesDefaults: boolean;
  upcoming: TimelineRow[];
  sent: (TimelineRow & { firedAt: Date })[];
  escalation: {
    overdueSince: Date | null;
    escalated: { name: string; at: Date; level: number }[];
    planned: { name: string; at: Date } | null;
    noSupervisor: boolean;
  };
}

/**
 * What the task page shows about a task's timeline: the moments still to come (in time
 * order), what was sent (newest first), and where escalation stands for the current due moment.
 *
 * `task` comes from `loadVisibleTask` (the task page's one read of it), which refused anyone who may not see it.
 */
export async function timelineOfTask(db: Db, task: TaskRow, now: Date = clockNow()): Promise<TaskTimelineView> {
  const timeline = await loadTaskTimeline(db, task);
  const firings = await db
    .select({
      key: timelineFirings.momentKey,
      kind: timelineFirings.kind,
      level: timelineFirings.level,
      at: timelineFirings.momentAt,
      firedAt: timelineFirings.firedAt,
      dueAt: timelineFirings.dueAt,
      channel: timelineFirings.channel,
      recipientName: users.name,
    })
    .from(timelineFirings)
    .leftJoin(users, eq(users.id, timelineFirings.recipientId))
    .where(eq(timelineFirings.taskId, task.id))
    .orderBy(desc(timelineFirings.momentAt))
    .limit(50);
  const sentKeys = new Set(firings.map((f) => f.key));
  const nameOf = (id: string) => timeline.people.get(id)?.name ?? "";

  const upcoming = timeline.moments
    .filter((m) => !sentKeys.has(m.key) && m.at.getTime() > now.getTime())
    .map((m) => ({
      key: m.key,
      kind: m.kind,
      snoozed: Boolean(m.snoozeId),
      level: m.level ?? null,
      at: m.at,
      recipientName: nameOf(m.recipientId),
      channel: m.channel,
    }));
  const sent = firings.map((f) => ({ ...f, snoozed: f.key.includes(":snooze-"), recipientName: f.recipientName ?? "" }));

  const dueIso = task.dueAt?.toISOString();
  const current = firings.filter((f) => f.kind === "escalation" && f.dueAt?.toISOString() === dueIso);
  const overdue = Boolean(task.dueAt && isUnfinished(task.status) && task.dueAt.getTime() <= now.getTime());
  const nextEscalation = upcoming.find((m) => m.kind === "escalation");
  return {
    finished: !isUnfinished(task.status),
    hasDue: Boolean(task.dueAt),
    usesDefaults: timeline.usesDefaults,
    upcoming,
    sent,
    escalation: {
      overdueSince: overdue ? task.dueAt : null,
      escalated: current.map((f) => ({ name: f.recipientName ?? "", at: f.firedAt, level: f.level ?? 1 })).sort((a, b) => a.level - b.level),
      planned: nextEscalation ? { name: nextEscalation.recipientName, at: nextEscalation.at } : null,
      noSupervisor: Boolean(task.dueAt) && !timeline.input.people.supervisor,
    },
  };
}

/** Of these tasks, the ones escalated for their current due moment (Delegated's badge). */
export async function escalatedTaskIds(db: Db, tasks: { id: string; dueAt: Date | null }[]): Promise<Set<string>> {
  const withDue = tasks.filter((t) => t.dueAt);
  if (!withDue.length) return new Set();
  const rows = await db
    .select({ taskId: timelineFirings.taskId, dueAt: timelineFirings.dueAt })
    .from(timelineFirings)
    .where(
      and(
        eq(timelineFirings.kind, "escalation"),
        inArray(
          timelineFirings.taskId,
          withDue.map((t) => t.id),
        ),
      ),
    );
  const due = new Map(withDue.map((t) => [t.id, t.dueAt!.getTime()]));
  return new Set(rows.filter((r) => r.dueAt && due.get(r.taskId) === r.dueAt.getTime()).map((r) => r.taskId));
}

/** The viewer's own default reminders, shortest lead time first. */
export async function reminderDefaultsOf(db: Db, viewer: Viewer): Promise<{ offsetMinutes: number; channel: Channel | null }[]> {
  return db
    .select({ offsetMinutes: reminderDefaults.offsetMinutes, channel: reminderDefaults.channel })
    .from(reminderDefaults)
    .where(eq(reminderDefaults.userId, viewer.id))
    .orderBy(reminderDefaults.offsetMinutes);
}
