import { Conflict, Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask, type TaskRow } from "./access";
import { applyChange, type ActivityEntry, type TaskPatch } from "./history";
import { notify, type Notice } from "./notices";
import { assertCan, canCancel, canDecideAcceptance, canReassign, canReopen, canWork, isClosed, workTransition } from "./policy";
import { reassignmentOf } from "./reassignment";
import { checkAssignee, FieldProblems, peopleById } from "./references";
import type { AcceptTaskInput, CancelTaskInput, ChangeStatusInput, DecisionInput, ReassignTaskInput, ReturnTaskInput, SetProgressInput } from "./schema";
import { assertSubtasksSettled, settleSubtasksOnCancel } from "./subtasks";

export interface TaskVersion {
  id: string;
  status: TaskRow["status"];
  progress: number;
  version: number;
}

const versionOf = (t: TaskRow): TaskVersion => ({ id: t.id, status: t.status, progress: t.progress, version: t.version });

async function personOf(db: Parameters<typeof peopleById>[0], id: string) {
  return (await peopleById(db, [id])).get(id);
}

/**
 * The assignee moves the task: open ⇄ in progress → done. Done on a task that needs the
 * delegator's acceptance waits for it instead; either way the delegator is told, with the
 * assignee's result note when there is one (it is also kept on the status row of the history).
 */
export async function changeStatus(work: Work, input: ChangeStatusInput): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  assertCan(canWork(relation), "tasks.errors.onlyAssignee");
  const next = workTransition(task, input.status);
  if (next === task.status) return versionOf(task);

  const finished = next === "done" || next === "awaiting_acceptance";
  if (finished) await assertSubtasksSettled(tx, task, input.confirmOpenSubtasks ?? false);
  const patch: TaskPatch = { status: next, completedAt: next === "done" ? now : null };
  const note = finished ? (input.note ?? null) : null;
  const entries: ActivityEntry[] = [{ kind: "status", field: "status", oldValue: task.status, newValue: next, comment: note }];
  if (finished && task.progress !== 100) {
    patch.progress = 100;
    entries.push({ kind: "progress", field: "progress", oldValue: String(task.progress), newValue: "100" });
  }
  const updated = await applyChange(tx, task, viewer.id, patch, entries, now, effects);
  const delegator = finished ? await personOf(tx, task.createdById) : undefined;
  if (delegator) await notify(work, updated, viewer, [{ kind: next === "done" ? "completed" : "awaitingAcceptance", recipient: delegator, comment: note }]);
  return versionOf(updated);
}

/** The assignee reports progress; the first step on an open task means work has started. */
export async function setProgress(work: Work, input: SetProgressInput): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  assertCan(canWork(relation), "tasks.errors.onlyAssignee");
  workTransition(task, "in_progress");
  if (input.progress === task.progress) return versionOf(task);
  const patch: TaskPatch = { progress: input.progress };
  const entries: ActivityEntry[] = [{ kind: "progress", field: "progress", oldValue: String(task.progress), newValue: String(input.progress) }];
  if (task.status === "open" && input.progress > 0) {
    patch.status = "in_progress";
    entries.push({ kind: "status", field: "status", oldValue: "open", newValue: "in_progress" });
  }
  return versionOf(await applyChange(tx, task, viewer.id, patch, entries, now, effects));
}

/** Hands the task to someone else (the delegator, the assignee's managers or an admin). */
export async function reassignTask(work: Work, input: ReassignTaskInput): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  assertCan(canReassign(relation), "tasks.errors.cannotReassign");
  if (isClosed(task.status)) throw new Conflict("tasks.errors.closed");
  const problems = new FieldProblems();
  const next = await checkAssignee(tx, input.assigneeId, problems);
  problems.throwIfAny();
  // The choice never offers the current assignee; a request naming them anyway changes nothing and says so.
  if (next!.id === task.assigneeId) throw new Invalid("tasks.errors.sameAssignee", { assigneeId: ["tasks.errors.sameAssignee"] });
  const moved = await reassignmentOf(tx, viewer, task, next!, input.comment);
  const updated = await applyChange(tx, task, viewer.id, moved.patch, moved.entries, now, effects);
  await notify(work, updated, viewer, moved.notices);
  return versionOf(updated);
}

/**
 * The delegator checks the result and accepts it: the task is done. Subtasks open by now (added or
 * reopened after the result was handed in) need the delegator's say-so, as finishing does.
 */
export async function acceptTask(work: Work, input: AcceptTaskInput): Promise<TaskVersion> {
  return decide(work, input.taskId, async (task) => {
    await assertSubtasksSettled(work.tx, task, input.confirmOpenSubtasks ?? false);
    return {
      patch: { status: "done", completedAt: work.now },
      entry: { kind: "accepted", field: "status", oldValue: task.status, newValue: "done", comment: input.comment },
      notice: "accepted",
      comment: input.comment,
    };
  });
}

/** The delegator sends the result back with what is missing: the assignee works on it again. */
export async function returnTask(work: Work, input: ReturnTaskInput): Promise<TaskVersion> {
  return decide(work, input.taskId, (task) => ({
    patch: { status: "in_progress", completedAt: null },
    entry: { kind: "returned", field: "status", oldValue: task.status, newValue: "in_progress", comment: input.comment },
    notice: "returned",
    comment: input.comment,
  }));
}

type Outcome = { patch: TaskPatch; entry: ActivityEntry; notice: Notice["kind"]; comment: string | null };

async function decide(work: Work, taskId: string, outcome: (task: TaskRow) => Outcome | Promise<Outcome>): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, taskId, { lock: true });
  assertCan(canDecideAcceptance(relation), "tasks.errors.onlyDelegator");
  if (task.status !== "awaiting_acceptance") throw new Conflict("tasks.errors.notAwaiting");
  const { patch, entry, notice, comment } = await outcome(task);
  const updated = await applyChange(tx, task, viewer.id, patch, [entry], now, effects);
  const assignee = await personOf(tx, task.assigneeId);
  if (assignee) await notify(work, updated, viewer, [{ kind: notice, recipient: assignee, comment }]);
  return versionOf(updated);
}

/** The delegator (or an admin) calls the task off; the assignee is told to stop. Open subtasks go too or stay, as the request says. */
export async function cancelTask(work: Work, input: CancelTaskInput): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  assertCan(canCancel(relation), "tasks.errors.cannotCancel");
  if (isClosed(task.status)) throw new Conflict("tasks.errors.closed");
  await settleSubtasksOnCancel(work, task, input.openSubtasks, input.comment);
  const updated = await applyChange(
    tx,
    task,
    viewer.id,
    { status: "cancelled", completedAt: null },
    [{ kind: "status", field: "status", oldValue: task.status, newValue: "cancelled", comment: input.comment }],
    now,
    effects,
  );
  const assignee = await personOf(tx, task.assigneeId);
  if (assignee) await notify(work, updated, viewer, [{ kind: "cancelled", recipient: assignee, comment: input.comment }]);
  return versionOf(updated);
}

/** A done or cancelled task comes back as open work for its assignee. */
export async function reopenTask(work: Work, input: DecisionInput): Promise<TaskVersion> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  assertCan(canReopen(relation), "tasks.errors.cannotReopen");
  if (!isClosed(task.status)) throw new Conflict("tasks.errors.notClosed");
  const updated = await applyChange(
    tx,
    task,
    viewer.id,
    { status: "open", completedAt: null },
    [{ kind: "status", field: "status", oldValue: task.status, newValue: "open", comment: input.comment }],
    now,
    effects,
  );
  const assignee = await personOf(tx, task.assigneeId);
  if (assignee) await notify(work, updated, viewer, [{ kind: "reopened", recipient: assignee, comment: input.comment }]);
  return versionOf(updated);
}
