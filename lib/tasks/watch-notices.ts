import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskWatchers, users } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import type { TaskRow } from "./access";
import { writeTaskNotices } from "./notice-batch";
import type { TaskStatus } from "./schema";
import { whoMaySee, type Reader } from "./watch-access";

/** What every watcher's and mention's notice says about the task. */
function about(task: TaskRow, actorName: string) {
  return {
    taskId: task.id,
    taskNumber: task.number,
    title: task.title,
    priority: task.priority,
    version: task.version,
    actor: actorName,
    ...(task.dueAt ? { dueAt: task.dueAt.toISOString() } : {}),
  };
}

/**
 * The watchers of a task who are to hear of a change now: active, not the one who made it, not
 * its assignee nor its delegator (they hear of it their own way, so nobody gets two notices for
 * one event), not in `skip` (someone mentioned gets the mention instead), and still allowed to
 * see the task.
 */
async function watchersToTell(tx: DbOrTx, task: TaskRow, actorId: string, skip: ReadonlySet<string> = new Set()): Promise<Reader[]> {
  const rows = await tx
    .select({ id: users.id, name: users.name, locale: users.locale, timeZone: users.timeZone, active: users.active, role: users.role })
    .from(taskWatchers)
    .innerJoin(users, eq(users.id, taskWatchers.userId))
    .where(eq(taskWatchers.taskId, task.id));
  const candidates = rows.filter((r) => r.active && r.id !== actorId && r.id !== task.assigneeId && r.id !== task.createdById && !skip.has(r.id));
  const seeing = await whoMaySee(tx, task.id, candidates);
  return candidates.filter((r) => seeing.has(r.id));
}

async function actorName(tx: DbOrTx, actorId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actorId));
  return row?.name ?? "";
}

/** Tells the task's watchers that its status moved from `from` to the task's current one. */
export async function tellWatchersOfStatus(work: OutboxWork, task: TaskRow, actorId: string, from: TaskStatus): Promise<string[]> {
  const watchers = await watchersToTell(work.tx, task, actorId);
  if (!watchers.length) return [];
  const payload = { ...about(task, await actorName(work.tx, actorId)), from, to: task.status };
  return writeTaskNotices(
    work,
    watchers.map((w) => ({ row: notice("task.watchedStatus", payload, w, { actorId }), recipient: w })),
  );
}

/**
 * The notices of a new comment: "you were mentioned" to each mentioned person (already checked
 * to see the task), and "new comment" to the watchers not mentioned. `excerpt` is the comment's
 * first words with mentions as names.
 */
export async function tellOfComment(
  work: OutboxWork,
  task: TaskRow,
  actor: { id: string; name: string },
  comment: { id: number; excerpt: string },
  mentioned: readonly Reader[],
): Promise<string[]> {
  const payload = { ...about(task, actor.name), commentId: comment.id, comment: comment.excerpt };
  const told = mentioned.filter((m) => m.active && m.id !== actor.id);
  const watchers = await watchersToTell(work.tx, task, actor.id, new Set(mentioned.map((m) => m.id)));
  const rows: OutboxRow[] = [
    ...told.map((m) => notice("task.mentioned", payload, m, { actorId: actor.id })),
    ...watchers.map((w) => notice("task.watchedComment", payload, w, { actorId: actor.id })),
  ];
  return writeOutbox(work, rows);
}
