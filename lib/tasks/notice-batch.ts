import { createHash } from "node:crypto";
import type { Tx } from "@/db";
import { notice, type NoticeRecipient } from "@/lib/notify/notice";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import type { BatchLine } from "./batch-notice-kind";

/** A notice a task command means to send: its outbox row and who reads it (for a batched notice's language and zone). */
export interface TaskNoticeDraft {
  row: OutboxRow;
  recipient: NoticeRecipient;
}

/**
 * Bulk actions run the same commands as single edits, several in one unit. Their notices are
 * gathered here per transaction instead of written at once, and written when the bulk action is
 * through: one notice per recipient listing every task that concerns them. The transaction is
 * the key because every command (and applyChange under it) already has it; nothing outlives it.
 */
const batches = new WeakMap<Tx, TaskNoticeDraft[]>();

/** Writes the notices of one task change, or keeps them for the bulk action the unit runs. */
export async function writeTaskNotices(work: OutboxWork, drafts: TaskNoticeDraft[]): Promise<string[]> {
  const batch = batches.get(work.tx);
  if (batch) {
    batch.push(...drafts);
    return [];
  }
  return writeOutbox(
    work,
    drafts.map((d) => d.row),
  );
}

/**
 * Runs `fn` (several task commands) with their notices batched, then writes them: a recipient
 * with one notice gets it as it is, one with several gets one notice listing the tasks. Nothing
 * is written when `fn` throws (the unit rolls back anyway).
 */
export async function withBatchedNotices<T>(work: OutboxWork, actor: { id: string; name: string }, fn: () => Promise<T>): Promise<T> {
  if (batches.has(work.tx)) throw new Error("task notices are already batched in this unit");
  const drafts: TaskNoticeDraft[] = [];
  batches.set(work.tx, drafts);
  let result: T;
  try {
    result = await fn();
  } finally {
    batches.delete(work.tx);
  }
  const byRecipient = new Map<string, TaskNoticeDraft[]>();
  for (const d of drafts) {
    const list = byRecipient.get(d.recipient.id) ?? [];
    list.push(d);
    byRecipient.set(d.recipient.id, list);
  }
  const rows: OutboxRow[] = [];
  for (const list of byRecipient.values()) {
    rows.push(list.length === 1 ? list[0]!.row : batchRow(list, actor));
  }
  await writeOutbox(work, rows);
  return result;
}

function batchRow(drafts: TaskNoticeDraft[], actor: { id: string; name: string }): OutboxRow {
  const lines = drafts.map((d) => lineOf(d.row));
  const priority = lines.reduce<Priority>((top, l) => (PRIORITIES.indexOf(l.priority) > PRIORITIES.indexOf(top) ? l.priority : top), "low");
  // The same changes (tasks, versions, kinds) make the same batch: a retried unit notifies once.
  const batchKey = createHash("sha256")
    .update(lines.map((l) => `${l.taskId}:${l.version}:${l.kind}`).join("|"))
    .digest("hex")
    .slice(0, 32);
  return notice("task.batch", { batchKey, actor: actor.name, priority, lines }, drafts[0]!.recipient, { actorId: actor.id });
}

function lineOf(row: OutboxRow): BatchLine {
  const p = row.payload as Record<string, unknown>;
  const kind = row.kind.replace(/^task\./, "") as BatchLine["kind"];
  return {
    kind,
    taskId: String(p.taskId),
    taskNumber: Number(p.taskNumber),
    title: String(p.title),
    priority: p.priority as Priority,
    version: Number(p.version),
    ...(typeof p.assignee === "string" ? { assignee: p.assignee } : {}),
    ...(typeof p.previous === "string" ? { previous: p.previous } : {}),
    ...(typeof p.to === "string" ? { to: p.to as BatchLine["to"] } : {}),
  };
}
