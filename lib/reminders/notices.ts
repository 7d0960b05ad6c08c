import { notice } from "@/lib/notify/notice";
import type { OutboxRow } from "@/lib/notify/outbox";
import type { TaskForTimeline, TimelinePerson } from "./context";
import { REMINDER_KIND } from "./notice-kinds";
import type { Moment } from "./timeline";

export { REMINDER_KIND };

/**
 * The outbox row a timeline moment sends: a kind of ./notice-kinds.ts renders it in the
 * recipient's language with the due moment in their zone. Its dedupe key is the moment's key,
 * so however many runs reach the moment, one notification exists.
 */
export function momentNoticeRow(task: TaskForTimeline, moment: Moment, recipient: TimelinePerson, assignee: TimelinePerson | undefined): OutboxRow {
  const common = {
    taskId: task.id,
    taskNumber: task.number,
    title: task.title,
    priority: task.priority,
    momentKey: moment.key,
    momentAt: moment.at.toISOString(),
    channel: moment.channel,
    assignee: assignee?.name ?? "",
    ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
  };
  if (moment.kind === "reminder") return notice(REMINDER_KIND, { ...common, ...(moment.snoozeId ? { snoozed: true } : {}) }, recipient);
  if (moment.kind === "overdue")
    return notice("task.overdue", { ...common, audience: moment.recipientId === task.assigneeId ? "assignee" : "delegator" }, recipient);
  return notice("task.escalated", { ...common, level: moment.level ?? 1 }, recipient);
}
