import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import type { TaskRow } from "./access";
import type { ActivityEntry, TaskPatch } from "./history";
import type { Notice } from "./notices";
import { peopleById, type Person } from "./references";

/**
 * What handing a task to `next` changes, records and tells: the new assignee is told it is
 * theirs, the previous one that it is not any more, and the delegator when someone else moved
 * their task. A result waiting for acceptance goes back to work with the new person.
 */
export async function reassignmentOf(
  tx: DbOrTx,
  viewer: Viewer,
  task: TaskRow,
  next: Person,
  comment: string | null,
): Promise<{ patch: TaskPatch; entries: ActivityEntry[]; notices: Notice[] }> {
  const people = await peopleById(tx, [task.assigneeId, task.createdById]);
  const previous = people.get(task.assigneeId);
  const delegator = people.get(task.createdById);
  const patch: TaskPatch = { assigneeId: next.id };
  const entries: ActivityEntry[] = [{ kind: "reassigned", field: "assigneeId", oldValue: task.assigneeId, newValue: next.id, comment }];
  if (task.status === "awaiting_acceptance") {
    patch.status = "in_progress";
    entries.push({ kind: "status", field: "status", oldValue: task.status, newValue: "in_progress" });
  }
  const notices: Notice[] = [{ kind: "assigned", recipient: next, comment }];
  if (previous) notices.push({ kind: "unassigned", recipient: previous, assignee: next.name, comment });
  if (delegator && delegator.id !== viewer.id && delegator.id !== next.id && delegator.id !== previous?.id) {
    notices.push({ kind: "reassigned", recipient: delegator, assignee: next.name, previous: previous?.name ?? "", comment });
  }
  return { patch, entries, notices };
}
