import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { tasks, users } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask, visibleTo, type TaskRow } from "./access";
import { createTask, type TaskRef } from "./commands";
import { isOverdue } from "./due-window";
import { applyChange, recordActivity } from "./history";
import { notify } from "./notices";
import { assertCan, isClosed } from "./policy";
import { peopleById, dueFromInput, FieldProblems } from "./references";
import { ACTIVE_STATUSES, type Priority, type TaskStatus } from "./schema";
import type { AddSubtaskInput, OpenSubtaskChoice } from "./subtask-schema";
import { canAddSubtask } from "./subtask-policy";
import { statusIn } from "./lists";

/*
 * Subtasks are one level deep: a task with a parent cannot have subtasks of its own. The parent
 * link is written once, when the subtask is created, and never changes, so checking the parent
 * under its lock is enough to keep the tree one level deep (no cycles can form).
 */

/**
 * Adds a subtask to a task the viewer delegates, works on or administers. The subtask is an
 * ordinary task made by the same path as any other (notice to its assignee, reminders, timeline,
 * history), delegated by the viewer, for the parent's client and case; its priority defaults to
 * the parent's and its due moment may not fall after the parent's.
 */
export async function addSubtask(work: Work, input: AddSubtaskInput): Promise<TaskRef> {
  const { tx, viewer, now } = work;
  const { task: parent, relation } = await loadVisibleTask(tx, viewer, input.parentId, { lock: true });
  assertCan(canAddSubtask(relation), "tasks.errors.cannotAddSubtask");
  if (parent.parentTaskId) throw new Conflict("tasks.errors.subtaskOfSubtask");
  if (isClosed(parent.status)) throw new Conflict("tasks.errors.closed");

  const problems = new FieldProblems();
  const dueAt = dueFromInput(input.dueAt, viewer, problems);
  if (dueAt && parent.dueAt && dueAt.getTime() > parent.dueAt.getTime()) problems.add("dueAt", "tasks.errors.subtaskDueAfterParent");
  problems.throwIfAny();

  const subtask = await createTask(
    work,
    {
      title: input.title,
      description: input.description,
      priority: input.priority ?? parent.priority,
      dueAt: input.dueAt,
      assigneeId: input.assigneeId,
      clientId: parent.clientId,
      caseId: parent.caseId,
      needsAcceptance: false,
      progress: 0,
      reminders: [],
    },
    { parentTaskId: parent.id },
  );
  // Only the number: the parent's history is read by people who may not see the subtask.
  await recordActivity(tx, parent.id, viewer.id, [{ kind: "changed", field: "subtasks", newValue: `#${subtask.number}` }], now);
  await tx.update(tasks).set({ lastActivityAt: now, updatedAt: now }).where(eq(tasks.id, parent.id));
  return subtask;
}

/** A subtask's new due moment may not fall after its parent's, on edit as on creation. */
export async function checkSubtaskDue(tx: DbOrTx, task: Pick<TaskRow, "id" | "parentTaskId">, dueAt: Date | null, problems: FieldProblems): Promise<void> {
  if (!dueAt) return;
  if (task.parentTaskId) {
    // Read under a share lock: a change of the parent's due (which holds its row) is seen once it commits.
    const [parent] = await tx.select({ dueAt: tasks.dueAt }).from(tasks).where(eq(tasks.id, task.parentTaskId)).for("share");
    if (parent?.dueAt && dueAt.getTime() > parent.dueAt.getTime()) problems.add("dueAt", "tasks.errors.subtaskDueAfterParent");
    return;
  }
  // A parent moved earlier than an open subtask's due would leave that subtask due after its task.
  const [later] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.parentTaskId, task.id), statusIn(ACTIVE_STATUSES), gt(tasks.dueAt, dueAt)))
    .limit(1);
  if (later) problems.add("dueAt", "tasks.errors.parentDueBeforeSubtasks");
}

/** The subtasks of a parent still open to work, locked for the change about to be made to the parent. */
async function openSubtasksOf(tx: DbOrTx, parentId: string): Promise<TaskRow[]> {
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.parentTaskId, parentId), statusIn(ACTIVE_STATUSES)))
    .orderBy(asc(tasks.number))
    .for("update");
}

/**
 * Finishing a task whose subtasks are still open needs the person's say-so: a request without it
 * is refused with the number of open subtasks, and nothing changes.
 */
export async function assertSubtasksSettled(tx: DbOrTx, parent: TaskRow, confirmed: boolean): Promise<void> {
  if (confirmed || parent.parentTaskId) return;
  const open = await openSubtasksOf(tx, parent.id);
  if (open.length) throw new Conflict("tasks.errors.openSubtasks").with({ count: open.length });
}

/**
 * Cancelling a parent with open subtasks: the request says whether they are cancelled too or kept
 * (refused, changing nothing, when it says neither). Cancelled subtasks each get their own history
 * row and their assignee a notice, in the parent's transaction; cancelling the parent is the
 * authority for them, whoever delegated them.
 */
export async function settleSubtasksOnCancel(work: Work, parent: TaskRow, choice: OpenSubtaskChoice | undefined, comment: string | null): Promise<void> {
  if (parent.parentTaskId) return;
  const { tx, viewer, now, effects } = work;
  const open = await openSubtasksOf(tx, parent.id);
  if (!open.length || choice === "keep") return;
  if (!choice) throw new Conflict("tasks.errors.chooseOpenSubtasks").with({ count: open.length });
  const people = await peopleById(
    tx,
    open.map((s) => s.assigneeId),
  );
  for (const subtask of open) {
    const updated = await applyChange(
      tx,
      subtask,
      viewer.id,
      { status: "cancelled", completedAt: null },
      [{ kind: "status", field: "status", oldValue: subtask.status, newValue: "cancelled", comment }],
      now,
      effects,
    );
    const assignee = people.get(subtask.assigneeId);
    if (assignee) await notify(work, updated, viewer, [{ kind: "cancelled", recipient: assignee, comment }]);
  }
}

export interface SubtaskRow {
  id: string;
  number: number;
  title: string;
  status: TaskStatus;
  priority: Priority;
  progress: number;
  dueAt: Date | null;
  overdue: boolean;
  assignee: { id: string; name: string };
}

export interface Subtasks {
  /** The subtasks the viewer may see, in the order they were added. */
  rows: SubtaskRow[];
  /** Subtasks the viewer may not see: counted, never described. */
  hidden: number;
  /** All subtasks but cancelled ones, and how many of them are done: "2 of 5 done". */
  total: number;
  done: number;
  /** Still open to work (open, in progress, awaiting acceptance), seen or not: what finishing the parent asks about. */
  open: number;
}

/** A parent's subtasks as its page shows them to the viewer: one query, filtered by the task rules. */
export async function subtasksOf(db: DbOrTx, viewer: Viewer, parentId: string, now: Date): Promise<Subtasks> {
  const rows = await db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      status: tasks.status,
      priority: tasks.priority,
      progress: tasks.progress,
      dueAt: tasks.dueAt,
      assigneeId: tasks.assigneeId,
      assigneeName: users.name,
      visible: sql<boolean>`${visibleTo(viewer) ?? sql`true`}`,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(eq(tasks.parentTaskId, parentId))
    .orderBy(asc(tasks.number));
  const active = new Set<TaskStatus>(ACTIVE_STATUSES);
  const counted = rows.filter((r) => r.status !== "cancelled");
  return {
    rows: rows
      .filter((r) => r.visible)
      .map(({ assigneeId, assigneeName, visible: _visible, ...r }) => ({
        ...r,
        overdue: isOverdue(r, now),
        assignee: { id: assigneeId, name: assigneeName },
      })),
    hidden: rows.filter((r) => !r.visible).length,
    total: counted.length,
    done: counted.filter((r) => r.status === "done").length,
    open: rows.filter((r) => active.has(r.status)).length,
  };
}

/** The task a subtask belongs to, as far as the viewer may know it: a link, or only that there is one. */
export type ParentOfTask = { visible: true; id: string; number: number; title: string } | { visible: false };

export async function parentOf(db: DbOrTx, viewer: Viewer, task: Pick<TaskRow, "parentTaskId">): Promise<ParentOfTask | null> {
  if (!task.parentTaskId) return null;
  const [row] = await db
    .select({ id: tasks.id, number: tasks.number, title: tasks.title, visible: sql<boolean>`${visibleTo(viewer) ?? sql`true`}` })
    .from(tasks)
    .where(eq(tasks.id, task.parentTaskId));
  if (!row?.visible) return { visible: false };
  return { visible: true, id: row.id, number: row.number, title: row.title };
}
