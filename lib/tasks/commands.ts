import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskChecklistItems, taskReminders, tasks } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { historyValue } from "@/lib/history/entries";
import { writeTimeline } from "@/lib/timelines/write";
import { loadVisibleTask, type TaskRow } from "./access";
import { applyChange, recordActivity, type ActivityEntry, type TaskPatch } from "./history";
import { notify, type Notice } from "./notices";
import { assertCan, canEditDetails, canEditReminders, canReassign, isClosed, requiresAcceptance } from "./policy";
import { reassignmentOf } from "./reassignment";
import { checkAssignee, checkClientAndCase, dueFromInput, FieldProblems, remindersFromInput, type ReminderRow } from "./references";
import { setRepetition } from "./repetition";
import type { CreateTaskInput, UpdateTaskInput } from "./schema";
import { checkSubtaskDue } from "./subtasks";

/** A task to create: the form's input, the checklist optional for callers that start with none (subtasks, imports). */
export type NewTask = Omit<CreateTaskInput, "checklist"> & { checklist?: string[] };

export interface TaskRef {
  id: string;
  number: number;
}

/**
 * Creates a task for me or for someone else. Assigning it to someone else makes me its
 * delegator, and the assignee's notice is written in the same transaction. A subtask is made
 * here too, with its parent (checked by addSubtask in ./subtasks.ts).
 */
export async function createTask(
  work: Work,
  input: NewTask,
  link: { parentTaskId?: string; instanceOf?: { seriesId: string; at: Date } } = {},
): Promise<TaskRef> {
  const { tx, viewer, now, effects } = work;
  const problems = new FieldProblems();
  const assignee = await checkAssignee(tx, input.assigneeId ?? viewer.id, problems);
  const refs = await checkClientAndCase(tx, input, problems);
  const dueAt = dueFromInput(input.dueAt, viewer, problems);
  const reminders = remindersFromInput(input.reminders, dueAt, viewer, problems);
  problems.throwIfAny();

  const [task] = await tx
    .insert(tasks)
    .values({
      title: input.title,
      description: input.description,
      priority: input.priority,
      status: input.progress > 0 ? "in_progress" : "open",
      progress: input.progress,
      dueAt,
      assigneeId: assignee!.id,
      createdById: viewer.id,
      clientId: refs.clientId,
      caseId: refs.caseId,
      needsAcceptance: input.needsAcceptance,
      parentTaskId: link.parentTaskId ?? null,
      seriesId: link.instanceOf?.seriesId ?? null,
      seriesAt: link.instanceOf?.at ?? null,
      createdAt: now,
      updatedAt: now,
      lastActivityAt: now,
    })
    .returning();
  await replaceReminders(tx, task!.id, reminders);
  if (input.checklist?.length) {
    await tx
      .insert(taskChecklistItems)
      .values(input.checklist.map((text, position) => ({ taskId: task!.id, text, position, createdById: viewer.id, createdAt: now })));
  }
  effects.schedule({ type: "task", id: task!.id, version: task!.version });
  await writeTimeline(tx, { type: "task", id: task!.id }, now);
  const repeating = input.repeat ? await setRepetition(work, task!, input.repeat) : null;
  await recordActivity(tx, task!.id, viewer.id, [{ kind: "created", field: "assigneeId", newValue: assignee!.id }, ...(repeating ? [repeating] : [])], now);
  await notify(work, task!, viewer, [{ kind: "assigned", recipient: assignee! }]);
  return { id: task!.id, number: task!.number };
}

const DETAIL_FIELDS = ["title", "description", "priority", "dueAt", "clientId", "caseId", "needsAcceptance"] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

/**
 * Edits a task. Each part of the change needs its own right: details are the delegator's,
 * reminders also the assignee's, a new assignee follows the reassignment rules. A field sent
 * with its current value is no change and needs no right.
 */
export async function updateTask(work: Work, input: UpdateTaskInput): Promise<TaskRef & { version: number }> {
  const { tx, viewer, now, effects } = work;
  const { task, relation } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  if (input.expectedVersion !== undefined && input.expectedVersion !== task.version) throw new Conflict("tasks.errors.stale");

  const problems = new FieldProblems();
  const wanted: TaskPatch = {};
  if (input.title !== undefined) wanted.title = input.title;
  if (input.description !== undefined) wanted.description = input.description;
  if (input.priority !== undefined) wanted.priority = input.priority;
  if (input.needsAcceptance !== undefined) wanted.needsAcceptance = input.needsAcceptance;
  if (input.dueAt !== undefined) wanted.dueAt = dueFromInput(input.dueAt, viewer, problems);
  if (wanted.dueAt && historyValue(wanted.dueAt) !== historyValue(task.dueAt)) await checkSubtaskDue(tx, task, wanted.dueAt, problems);
  if (input.clientId !== undefined || input.caseId !== undefined) {
    const refs = await checkClientAndCase(
      tx,
      { clientId: input.clientId !== undefined ? input.clientId : task.clientId, caseId: input.caseId !== undefined ? input.caseId : task.caseId },
      problems,
    );
    wanted.clientId = refs.clientId;
    wanted.caseId = refs.caseId;
  }
  const changed = DETAIL_FIELDS.filter((f) => f in wanted && historyValue(wanted[f]) !== historyValue(task[f]));
  if (changed.length) assertCan(canEditDetails(relation), "tasks.errors.cannotEdit");

  const reassigning = input.assigneeId !== undefined && input.assigneeId !== task.assigneeId;
  if (reassigning) {
    assertCan(canReassign(relation), "tasks.errors.cannotReassign");
    if (isClosed(task.status)) throw new Conflict("tasks.errors.closed");
  }
  const next = reassigning ? await checkAssignee(tx, input.assigneeId!, problems) : null;

  const dueAt = "dueAt" in wanted ? wanted.dueAt! : task.dueAt;
  const oldReminders = await remindersOf(tx, task.id);
  const newReminders = input.reminders ? remindersFromInput(input.reminders, dueAt ?? null, viewer, problems) : null;
  const remindersChanged = newReminders !== null && describeReminders(newReminders) !== describeReminders(oldReminders);
  if (remindersChanged) assertCan(canEditReminders(relation), "tasks.errors.cannotEditReminders");
  if (!newReminders && !dueAt && oldReminders.some((r) => r.offsetMinutes !== null)) {
    problems.add("dueAt", "tasks.errors.reminderNeedsDue");
  }
  problems.throwIfAny();

  // The repetition is the delegator's, like the details (the assignee cannot start or stop it).
  if (input.repeat !== undefined) assertCan(canEditDetails(relation), "tasks.errors.cannotEditRepeat");
  const repeating = input.repeat !== undefined ? await setRepetition(work, task, input.repeat) : null;

  if (!changed.length && !reassigning && !remindersChanged && !repeating) return { id: task.id, number: task.number, version: task.version };

  const patch: TaskPatch = {};
  const entries: ActivityEntry[] = [];
  for (const field of changed) {
    (patch as Record<DetailField, unknown>)[field] = wanted[field];
    entries.push({ kind: "changed", field, oldValue: historyValue(task[field]), newValue: historyValue(wanted[field]) });
  }
  let notices: Notice[] = [];
  if (next) {
    const moved = await reassignmentOf(tx, viewer, task, next, null);
    Object.assign(patch, moved.patch);
    entries.push(...moved.entries);
    notices = moved.notices;
  }
  if (remindersChanged) {
    await replaceReminders(tx, task.id, newReminders);
    entries.push({ kind: "changed", field: "reminders", oldValue: describeReminders(oldReminders), newValue: describeReminders(newReminders) });
  }
  if (repeating) entries.push(repeating);
  // Switching acceptance off for a result already waiting on it would leave it stuck there.
  if (task.status === "awaiting_acceptance" && !patch.status && !requiresAcceptance({ ...task, ...patch })) {
    patch.status = "done";
    patch.completedAt = now;
    entries.push({ kind: "status", field: "status", oldValue: task.status, newValue: "done" });
  }
  const updated = await applyChange(tx, task, viewer.id, patch, entries, now, effects);
  await notify(work, updated, viewer, notices);
  return { id: updated.id, number: updated.number, version: updated.version };
}

async function remindersOf(tx: DbOrTx, taskId: string): Promise<ReminderRow[]> {
  return tx
    .select({ offsetMinutes: taskReminders.offsetMinutes, fireAt: taskReminders.fireAt, channel: taskReminders.channel })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, taskId))
    .orderBy(taskReminders.createdAt, taskReminders.id);
}

async function replaceReminders(tx: DbOrTx, taskId: string, rows: ReminderRow[]): Promise<void> {
  await tx.delete(taskReminders).where(eq(taskReminders.taskId, taskId));
  if (rows.length) await tx.insert(taskReminders).values(rows.map((r) => ({ taskId, ...r })));
}

/** A stable text form of a set of reminders, for comparing and for the history ("60m; 2026-03-02T08:00:00.000Z@sms"). */
export function describeReminders(rows: ReminderRow[]): string {
  return rows
    .map((r) => `${r.offsetMinutes !== null ? `${r.offsetMinutes}m` : r.fireAt!.toISOString()}${r.channel ? `@${r.channel}` : ""}`)
    .sort()
    .join("; ");
}

export type { TaskRow };
