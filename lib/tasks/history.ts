import { eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { taskActivity, tasks } from "@/db/schema";
import type { Effects } from "@/lib/effects";
import { historyRows, type HistoryEntryDraft } from "@/lib/history/entries";
import { writeTimeline } from "@/lib/timelines/write";
import type { TaskRow } from "./access";
import { instanceFinished } from "./repetition";
import { tellWatchersOfStatus } from "./watch-notices";

export type ActivityKind = (typeof taskActivity.kind.enumValues)[number];

export type ActivityEntry = HistoryEntryDraft<ActivityKind>;

export type TaskPatch = Partial<
  Pick<
    TaskRow,
    | "title"
    | "description"
    | "priority"
    | "status"
    | "progress"
    | "dueAt"
    | "assigneeId"
    | "clientId"
    | "caseId"
    | "needsAcceptance"
    | "completedAt"
    | "progressFollowsChecklist"
  >
>;

/**
 * Applies a change to a locked task and records it: the version goes up on every change (the
 * durable timelines compare it), last activity moves, and every entry becomes a history row.
 */
export async function applyChange(
  tx: Tx,
  task: TaskRow,
  actorId: string,
  patch: TaskPatch,
  entries: ActivityEntry[],
  now: Date,
  effects: Effects,
): Promise<TaskRow> {
  const [updated] = await tx
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: now, lastActivityAt: now })
    .where(eq(tasks.id, task.id))
    .returning();
  await recordActivity(tx, task.id, actorId, entries, now);
  // The next instance of an "after completion" series is counted from this moment.
  if (patch.status === "done" && task.status !== "done") await instanceFinished(tx, updated!);
  if (patch.status !== undefined && patch.status !== task.status) await tellWatchersOfStatus({ tx, now, effects }, updated!, actorId, task.status);
  // Every version gets its own timeline run once this commits (reminders, overdue, escalation).
  effects.schedule({ type: "task", id: updated!.id, version: updated!.version });
  await writeTimeline(tx, { type: "task", id: updated!.id }, now);
  return updated!;
}

export async function recordActivity(tx: DbOrTx, taskId: string, actorId: string, entries: ActivityEntry[], now: Date): Promise<void> {
  if (!entries.length) return;
  await tx.insert(taskActivity).values(historyRows(entries, actorId, now).map((row) => ({ ...row, taskId })));
}
