import { createTranslator } from "next-intl";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import type { OutboxRow } from "@/lib/notify/outbox";
import type { TaskForTimeline, TimelinePerson } from "./context";
import type { Moment } from "./timeline";

/** Reminder notifications are "reminder.*": the service worker offers snoozing for those. */
export const REMINDER_KIND = "reminder.task";

/**
 * The outbox row a timeline moment sends, in the recipient's language with the due moment in
 * their zone. Its dedupe key is the moment's key, so however many runs reach the moment, one
 * notification exists.
 */
export function momentNoticeRow(task: TaskForTimeline, moment: Moment, recipient: TimelinePerson, assignee: TimelinePerson | undefined): OutboxRow {
  const t = createTranslator({ locale: recipient.locale, messages: messages[recipient.locale], namespace: "reminders.notice" });
  const values = { number: task.number, title: task.title, assignee: assignee?.name ?? "", due: task.dueAt ? formatInstantFor(task.dueAt, recipient) : "" };
  let kind: string;
  let title: string;
  const lines: string[] = [];
  if (moment.kind === "reminder") {
    kind = REMINDER_KIND;
    title = t("reminder.title", values);
    lines.push(t("reminder.body", values));
    if (moment.snoozeId) lines.push(t("reminder.snoozed"));
  } else if (moment.kind === "overdue") {
    kind = "task.overdue";
    title = t("overdue.title", values);
    lines.push(moment.recipientId === task.assigneeId ? t("overdue.assigneeBody", values) : t("overdue.delegatorBody", values));
  } else {
    kind = "task.escalated";
    title = t("escalation.title", values);
    lines.push(t("escalation.body", values));
    if (moment.level === 2) lines.push(t("escalation.secondLevel"));
  }
  if (task.dueAt) lines.push(t("dueLine", values));
  return {
    recipientId: moment.recipientId,
    kind,
    priority: task.priority,
    title,
    body: lines.join("\n"),
    link: `/tasks/${task.id}`,
    channel: moment.channel,
    dedupeKey: moment.key,
    payload: {
      taskId: task.id,
      taskNumber: task.number,
      momentAt: moment.at.toISOString(),
      ...(moment.level ? { level: moment.level } : {}),
      ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
    },
  };
}
