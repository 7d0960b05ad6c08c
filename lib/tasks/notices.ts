import { notice } from "@/lib/notify/notice";
import type { OutboxRow, OutboxWork } from "@/lib/notify/outbox";
import { writeTaskNotices } from "./notice-batch";
import type { TaskNoticeKind } from "./notice-kinds";
import type { Priority } from "./schema";
import type { Person } from "./references";

export type { TaskNoticeKind };

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
 * The outbox row telling `recipient` about a change to a task: the kind's entry in
 * ./notice-kinds.ts renders it in the recipient's language with the due moment in their zone.
 */
export function taskNoticeRow(task: NoticeTask, actor: { id: string; name: string }, n: Notice): OutboxRow {
  return notice(
    `task.${n.kind}`,
    {
      taskId: task.id,
      taskNumber: task.number,
      title: task.title,
      priority: task.priority,
      version: task.version,
      actor: actor.name,
      ...(n.assignee !== undefined ? { assignee: n.assignee } : {}),
      ...(n.previous !== undefined ? { previous: n.previous } : {}),
      ...(n.comment ? { comment: n.comment } : {}),
      ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
    },
    n.recipient,
    { actorId: actor.id },
  );
}

/** Writes the notices of one change (a bulk action batches them: ./notice-batch.ts); nobody is told about their own action, nor is a deactivated account. */
export async function notify(work: OutboxWork, task: NoticeTask, actor: { id: string; name: string }, notices: Notice[]): Promise<string[]> {
  const told = notices.filter((n) => n.recipient.id !== actor.id && n.recipient.active);
  return writeTaskNotices(
    work,
    told.map((n) => ({ row: taskNoticeRow(task, actor, n), recipient: n.recipient })),
  );
}
