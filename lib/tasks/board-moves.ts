import { isClosed, requiresAcceptance, type TaskRelation, type TaskState } from "./policy";
import type { TaskStatus } from "./schema";

/**
 * Which column of the board a card may be moved to, and which workflow step that move is. The
 * same rules as the task page's buttons (policy.ts, workflow.ts): the assignee works it through
 * open, in progress and done (done waits for acceptance where the delegator asked for it); the
 * delegator accepts a result or calls the task off, and reopens a closed one. Sending a result back
 * needs a note of what is missing, so it stays on the task page. Kept free of the database so the
 * board offers in its "Move to…" menu only what the server will do.
 */
export type BoardStep = "work" | "accept" | "cancel" | "reopen";

export function boardStep(r: TaskRelation, task: TaskState, to: TaskStatus): BoardStep | null {
  if (to === task.status) return null;
  const closed = isClosed(task.status);
  if (closed) return to === "open" && (r.isCreator || r.isAdmin) ? "reopen" : null;
  if (to === "cancelled") return r.isCreator || r.isAdmin ? "cancel" : null;
  if (task.status === "awaiting_acceptance") return to === "done" && r.isCreator ? "accept" : null;
  if (!r.isAssignee) return null;
  if (to === "open" || to === "in_progress") return "work";
  if (to === "done") return requiresAcceptance(task) ? null : "work";
  if (to === "awaiting_acceptance") return requiresAcceptance(task) ? "work" : null;
  return null;
}

/** The columns a card may go to from where it is. */
export function boardTargets(r: TaskRelation, task: TaskState, columns: readonly TaskStatus[]): TaskStatus[] {
  return columns.filter((to) => boardStep(r, task, to) !== null);
}
