import { and, asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { tasks } from "@/db/schema";
import { isUserError, NotFound, type MessageParams, type UserError } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { visibleTo } from "./access";
import type { BulkCancelInput, BulkDueInput, BulkPriorityInput, BulkReassignInput } from "./bulk-schema";
import { updateTask } from "./commands";
import { withBatchedNotices } from "./notice-batch";
import { checkAssignee, FieldProblems } from "./references";
import { cancelTask, reassignTask } from "./workflow";

/**
 * Bulk actions on tasks selected in a list. Each runs the single edit's own command for every
 * task, in one unit: history per task, the same rights and rules, and the notices batched per
 * recipient (./notice-batch.ts). The first task that refuses refuses the whole action, and the
 * message names it; the unit then rolls back and nothing is changed.
 */

export interface BulkResult {
  changed: number;
}

interface Selected {
  id: string;
  number: number;
  title: string;
}

/** Why a task refused, kept for the action to translate into the message naming the task. */
const reasons = new WeakMap<UserError, { key: string; params?: MessageParams }>();

export function refusalReason(error: UserError): { key: string; params?: MessageParams } | undefined {
  return reasons.get(error);
}

/**
 * The selected tasks the viewer may see, in number order (so two bulk actions lock their tasks
 * in one order). One the viewer may not see refuses the lot without saying which: its number
 * would tell something about it.
 */
async function selectedTasks(tx: DbOrTx, viewer: Viewer, ids: string[]): Promise<Selected[]> {
  const rows = await tx
    .select({ id: tasks.id, number: tasks.number, title: tasks.title })
    .from(tasks)
    .where(and(inArray(tasks.id, ids), visibleTo(viewer)))
    .orderBy(asc(tasks.number));
  if (rows.length !== ids.length) throw new NotFound("tasks.bulk.errors.notVisible");
  return rows;
}

async function forEachSelected(work: Work, ids: string[], change: (task: Selected) => Promise<unknown>): Promise<BulkResult> {
  const selected = await selectedTasks(work.tx, work.viewer, ids);
  await withBatchedNotices(work, work.viewer, async () => {
    for (const task of selected) {
      try {
        await change(task);
      } catch (error) {
        if (!isUserError(error)) throw error;
        throw refusedFor(task, error);
      }
    }
  });
  return { changed: selected.length };
}

/** The same kind of error (forbidden, conflict, ...) saying which task refused and why. */
function refusedFor(task: Selected, error: UserError): UserError {
  const Kind = error.constructor as new (message: string) => UserError;
  const refusal = new Kind("tasks.bulk.errors.taskRefused").with({ number: task.number, title: task.title, reason: "" });
  reasons.set(refusal, { key: error.message, ...(error.params ? { params: error.params } : {}) });
  return refusal;
}

/** Hands every selected task to one person; a task already theirs is left as it is. */
export async function bulkReassign(work: Work, input: BulkReassignInput): Promise<BulkResult> {
  // Whom they go to is one question for the lot, answered before any task is touched.
  const problems = new FieldProblems();
  await checkAssignee(work.tx, input.assigneeId, problems);
  problems.throwIfAny();
  const current = await work.tx.select({ id: tasks.id, assigneeId: tasks.assigneeId }).from(tasks).where(inArray(tasks.id, input.taskIds));
  const already = new Set(current.filter((t) => t.assigneeId === input.assigneeId).map((t) => t.id));
  const result = await forEachSelected(work, input.taskIds, (task) =>
    already.has(task.id) ? Promise.resolve() : reassignTask(work, { taskId: task.id, assigneeId: input.assigneeId, comment: input.comment }),
  );
  return { changed: result.changed - already.size };
}

export async function bulkSetPriority(work: Work, input: BulkPriorityInput): Promise<BulkResult> {
  return forEachSelected(work, input.taskIds, (task) => updateTask(work, { taskId: task.id, priority: input.priority }));
}

/** Sets (or clears) the due moment of every selected task, read in the viewer's zone as a single edit reads it. */
export async function bulkSetDue(work: Work, input: BulkDueInput): Promise<BulkResult> {
  return forEachSelected(work, input.taskIds, (task) => updateTask(work, { taskId: task.id, dueAt: input.dueAt }));
}

/** Calls every selected task off; a parent with open subtasks is refused (its page asks what becomes of them). */
export async function bulkCancel(work: Work, input: BulkCancelInput): Promise<BulkResult> {
  return forEachSelected(work, input.taskIds, (task) => cancelTask(work, { taskId: task.id, comment: input.comment }));
}
