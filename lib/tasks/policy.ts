import { Conflict, Forbidden } from "@/lib/action/errors";
import type { TaskStatus, WorkStatus } from "./schema";
import { canAddSubtask } from "./subtask-policy";

/**
 * How the viewer stands to one task. The supervisor flags mean "somewhere above that person in
 * the supervisor chain", however many levels up.
 */
export interface TaskRelation {
  isAdmin: boolean;
  isCreator: boolean;
  isAssignee: boolean;
  aboveAssignee: boolean;
  aboveCreator: boolean;
}

export interface TaskState {
  status: TaskStatus;
  needsAcceptance: boolean;
  assigneeId: string;
  createdById: string;
}

/**
 * Creator, assignee, anyone above either of them, and admins see a task; nobody else does.
 * Written once: `visibleTo` in access.ts turns the same list into the SQL that lists and single reads use.
 */
export const SEEING_RELATIONS = ["isAdmin", "isCreator", "isAssignee", "aboveAssignee", "aboveCreator"] as const satisfies readonly (keyof TaskRelation)[];

export function canSeeTask(r: TaskRelation): boolean {
  return SEEING_RELATIONS.some((k) => r[k]);
}

/** What a task says (title, description, priority, due, client and case, acceptance) belongs to whoever set it. */
export function canEditDetails(r: TaskRelation): boolean {
  return r.isCreator || r.isAdmin;
}

/** Reminders serve the assignee, so they may set their own next to the delegator's. */
export function canEditReminders(r: TaskRelation): boolean {
  return r.isCreator || r.isAssignee || r.isAdmin;
}

/** The checklist is the shared plan of the work: the delegator and the assignee keep it (and admins). */
export function canEditChecklist(r: TaskRelation): boolean {
  return canEditReminders(r);
}

/** The delegator, the assignee's managers (all the way up) and admins move work between people. */
export function canReassign(r: TaskRelation): boolean {
  return r.isCreator || r.aboveAssignee || r.isAdmin;
}

/** Only the person doing the work moves its status and progress. */
export function canWork(r: TaskRelation): boolean {
  return r.isAssignee;
}

export function canComment(r: TaskRelation): boolean {
  return canSeeTask(r);
}

/** Acceptance is the delegator's promise to check the result: nobody decides it for them. */
export function canDecideAcceptance(r: TaskRelation): boolean {
  return r.isCreator;
}

export function canCancel(r: TaskRelation): boolean {
  return r.isCreator || r.isAdmin;
}

export function canReopen(r: TaskRelation): boolean {
  return r.isCreator || r.isAdmin;
}

export function isClosed(status: TaskStatus): boolean {
  return status === "done" || status === "cancelled";
}

/** Acceptance only means something when someone else did the work. */
export function requiresAcceptance(task: Pick<TaskState, "needsAcceptance" | "assigneeId" | "createdById">): boolean {
  return task.needsAcceptance && task.assigneeId !== task.createdById;
}

/** Where "done" leads for this task: straight to done, or to the delegator's check first. */
export function statusWhenDone(task: Pick<TaskState, "needsAcceptance" | "assigneeId" | "createdById">): TaskStatus {
  return requiresAcceptance(task) ? "awaiting_acceptance" : "done";
}

/**
 * The status the assignee's move leads to, or the reason it cannot happen. Waiting for
 * acceptance and closed tasks are out of the assignee's hands until the delegator acts.
 */
export function workTransition(task: TaskState, to: WorkStatus): TaskStatus {
  if (isClosed(task.status)) throw new Conflict("tasks.errors.closed");
  if (task.status === "awaiting_acceptance") throw new Conflict("tasks.errors.awaitingAcceptance");
  return to === "done" ? statusWhenDone(task) : to;
}

/** Everything the viewer may do with a task, for the page to offer only what will succeed. */
export function permissionsFor(r: TaskRelation, task: TaskState) {
  const closed = isClosed(task.status);
  const awaiting = task.status === "awaiting_acceptance";
  return {
    see: canSeeTask(r),
    editDetails: canEditDetails(r),
    editReminders: canEditReminders(r),
    reassign: canReassign(r) && !closed,
    work: canWork(r) && !closed && !awaiting,
    comment: canComment(r),
    decide: canDecideAcceptance(r) && awaiting,
    cancel: canCancel(r) && !closed,
    reopen: canReopen(r) && closed,
    checklist: canEditChecklist(r) && !closed,
    addSubtask: canAddSubtask(r) && !closed,
  };
}
export type TaskPermissions = ReturnType<typeof permissionsFor>;

export function assertCan(allowed: boolean, key: string): void {
  if (!allowed) throw new Forbidden(key);
}
