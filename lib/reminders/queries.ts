import { and, asc, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { moments, reminderDefaults, users } from "@/db/schema";
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
  const columns = {
    key: moments.momentKey,
    kind: moments.kind,
    level: moments.level,
    at: moments.at,
    sentAt: moments.sentAt,
    dueAt: moments.dueAt,
    channel: moments.channel,
    snoozeId: moments.snoozeId,
    recipientName: users.name,
  };
  const ofTask = and(eq(moments.itemType, "task"), eq(moments.itemId, task.id));
  const [sentRows, pendingRows] = await Promise.all([
    db
      .select(columns)
      .from(moments)
      .leftJoin(users, eq(users.id, moments.recipientId))
      .where(and(ofTask, isNotNull(moments.sentAt)))
      .orderBy(desc(moments.at))
      .limit(50),
    db
      .select(columns)
      .from(moments)
      .leftJoin(users, eq(users.id, moments.recipientId))
      .where(and(ofTask, eq(moments.version, task.version), isNull(moments.sentAt), isNull(moments.outcome), gt(moments.at, now)))
      .orderBy(asc(moments.at), asc(moments.momentKey)),
  ]);
  const row = (m: (typeof sentRows)[number]): TimelineRow => ({
    key: m.key,
    kind: m.kind,
    snoozed: Boolean(m.snoozeId) || m.key.includes(":snooze-"),
    level: m.level,
    at: m.at,
    recipientName: m.recipientName ?? "",
    channel: m.channel,
  });
  const upcoming = pendingRows.map(row);
  const sent = sentRows.map((m) => ({ ...row(m), firedAt: m.sentAt! }));

  const dueIso = task.dueAt?.toISOString();
  const current = sentRows.filter((f) => f.kind === "escalation" && f.dueAt?.toISOString() === dueIso);
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
      escalated: current.map((f) => ({ name: f.recipientName ?? "", at: f.sentAt!, level: f.level ?? 1 })).sort((a, b) => a.level - b.level),
      planned: nextEscalation ? { name: nextEscalation.recipientName, at: nextEscalation.at } : null,
      noSupervisor: Boolean(task.dueAt) && !timeline.input.people.supervisor,
    },
  };
}

/** The viewer's own default reminders, shortest lead time first. */
export async function reminderDefaultsOf(db: Db, viewer: Viewer): Promise<{ offsetMinutes: number; channel: Channel | null }[]> {
  return db
    .select({ offsetMinutes: reminderDefaults.offsetMinutes, channel: reminderDefaults.channel })
    .from(reminderDefaults)
    .where(eq(reminderDefaults.userId, viewer.id))
    .orderBy(reminderDefaults.offsetMinutes);
}
