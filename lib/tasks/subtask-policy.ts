import type { TaskRelation } from "./policy";

/**
 * Who splits a task into subtasks: its delegator and its assignee (the one doing the work may
 * hand part of it on), and admins. Whoever adds a subtask becomes its delegator.
 */
export function canAddSubtask(r: TaskRelation): boolean {
  return r.isCreator || r.isAssignee || r.isAdmin;
}
