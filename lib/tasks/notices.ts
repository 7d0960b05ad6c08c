import { createTranslator } from "next-intl";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import type { Priority } from "./schema";
import type { Person } from "./references";

export type TaskNoticeKind = "assigned" | "unassigned" | "reassigned" | "completed" | "awaitingAcceptance" | "returned" | "accepted" | "cancelled" | "reopened";

export interface NoticeTask {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  dueAt: Date | null;
  version: number;
}

export interface Notice {
  kind: TaskNoticeKind;
  recipient: Person;
  /** Names and a comment the message mentions. */
  assignee?: string;
  previous?: string;
  comment?: string | null;
}

/**
 * The outbox row telling `recipient` about a change to a task, written in the recipient's
 * language with the due moment in their zone. The version in the dedupe key makes each change
 * notify once, however often the command is retried.
 */
export function taskNoticeRow(task: NoticeTask, actor: { id: string; name: string }, notice: Notice): OutboxRow {
  const { recipient } = notice;
  const t = createTranslator({ locale: recipient.locale, messages: messages[recipient.locale], namespace: "tasks.notice" });
  const values = {
    number: task.number,
    title: task.title,
    actor: actor.name,
    assignee: notice.assignee ?? "",
    previous: notice.previous ?? "",
    comment: notice.comment ?? "",
    due: task.dueAt ? formatInstantFor(task.dueAt, recipient) : "",
  };
  const lines = [t(`${notice.kind}.body`, values)];
  if (task.dueAt && (notice.kind === "assigned" || notice.kind === "returned")) lines.push(t("dueLine", values));
  if (notice.comment) lines.push(t("commentLine", values));
  return {
    recipientId: recipient.id,
    kind: `task.${notice.kind}`,
    priority: task.priority,
    title: t(`${notice.kind}.title`, values),
    body: lines.join("\n"),
    link: `/tasks/${task.id}`,
    channel: null,
    dedupeKey: `task:${task.id}:v${task.version}:${notice.kind}:${recipient.id}`,
    actorId: actor.id,
    payload: {
      taskId: task.id,
      taskNumber: task.number,
      version: task.version,
      // SMS and push state the due moment in the recipient's zone from this.
      ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
      ...(notice.comment ? { comment: notice.comment } : {}),
    },
  };
}

/** Writes the notices of one change; nobody is told about their own action, nor is a deactivated account. */
export async function notify(work: OutboxWork, task: NoticeTask, actor: { id: string; name: string }, notices: Notice[]): Promise<string[]> {
  const rows = notices.filter((n) => n.recipient.id !== actor.id && n.recipient.active).map((n) => taskNoticeRow(task, actor, n));
  return writeOutbox(work, rows);
}
