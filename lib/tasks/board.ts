import { Conflict, Forbidden } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask } from "./access";
import { boardStep } from "./board-moves";
import { isClosed, type TaskRelation } from "./policy";
import type { TaskStatus } from "./schema";
import type { MoveOnBoardInput } from "./board-schema";
import { acceptTask, cancelTask, changeStatus, reopenTask, type TaskVersion } from "./workflow";

/**
 * A card dropped on another column of the board: the workflow step that move stands for, run by
 * the same command as the task page's button, with its rules, history and notices. A move the
 * viewer may not make is refused with the reason the button's command would give, or "not from
 * the board" for a step the board does not take.
 */
export async function moveOnBoard(work: Work, input: MoveOnBoardInput): Promise<TaskVersion> {
  const { task, relation } = await loadVisibleTask(work.tx, work.viewer, input.taskId, { lock: true });
  if (input.expectedVersion !== undefined && input.expectedVersion !== task.version) throw new Conflict("tasks.errors.stale");
  const step = boardStep(relation, task, input.status);
  switch (step) {
    case "work":
      return changeStatus(work, {
        taskId: task.id,
        status: input.status === "awaiting_acceptance" ? "done" : (input.status as "open" | "in_progress" | "done"),
      });
    case "accept":
      return acceptTask(work, { taskId: task.id, comment: null });
    case "cancel":
      return cancelTask(work, { taskId: task.id, comment: null });
    case "reopen":
      return reopenTask(work, { taskId: task.id, comment: null });
    case null:
      if (input.status === task.status) return { id: task.id, status: task.status, progress: task.progress, version: task.version };
      throw refusalOf(task.status, input.status, relation);
  }
}

/** Why a move is not made here: the error the task page's command would give, in the person's words. */
function refusalOf(from: TaskStatus, to: TaskStatus, relation: TaskRelation): Error {
  if (from === "awaiting_acceptance" && to === "in_progress") return new Conflict("tasks.errors.boardReturnOnPage");
  if (isClosed(from)) return new Conflict("tasks.errors.closed");
  if (from === "awaiting_acceptance") return to === "done" ? new Forbidden("tasks.errors.onlyDelegator") : new Conflict("tasks.errors.awaitingAcceptance");
  if (to === "cancelled") return new Forbidden("tasks.errors.cannotCancel");
  if (!relation.isAssignee) return new Forbidden("tasks.errors.onlyAssignee");
  return new Conflict("tasks.errors.boardNotAllowed");
}
