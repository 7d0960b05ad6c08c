import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskChecklistItems, tasks, users } from "@/db/schema";
import { Conflict, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask, type TaskRow } from "./access";
import { MAX_CHECKLIST_ITEMS } from "./checklist-limits";
import type {
  AddChecklistItemInput,
  FollowChecklistInput,
  MoveChecklistItemInput,
  RemoveChecklistItemInput,
  RenameChecklistItemInput,
  TickChecklistItemInput,
} from "./checklist-schema";
import { applyChange, recordActivity, type ActivityEntry, type TaskPatch } from "./history";
import { assertCan, canEditChecklist, isClosed } from "./policy";

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
  doneBy: string | null;
  doneAt: Date | null;
}

/** What the task page shows after every change: the items in order and the task's progress. */
export interface ChecklistState {
  taskId: string;
  items: ChecklistItem[];
  progress: number;
  follows: boolean;
}

/** The items of one task in their order, with who ticked each. Read only after the task itself was checked for the viewer. */
export async function checklistOf(db: DbOrTx, taskId: string): Promise<ChecklistItem[]> {
  return db
    .select({
      id: taskChecklistItems.id,
      text: taskChecklistItems.text,
      done: taskChecklistItems.done,
      doneBy: users.name,
      doneAt: taskChecklistItems.doneAt,
    })
    .from(taskChecklistItems)
    .leftJoin(users, eq(users.id, taskChecklistItems.doneById))
    .where(eq(taskChecklistItems.taskId, taskId))
    .orderBy(asc(taskChecklistItems.position), asc(taskChecklistItems.createdAt));
}

/** Progress the checklist stands for: done of all, in whole percent; null for an empty list (nothing to follow). */
export function checklistProgress(items: Pick<ChecklistItem, "done">[]): number | null {
  if (!items.length) return null;
  return Math.round((items.filter((i) => i.done).length * 100) / items.length);
}

/**
 * The task locked for the change (so concurrent changes to one checklist run one after another),
 * refused unless the viewer keeps its checklist and the task is still open to work.
 */
async function openChecklist(work: Work, taskId: string): Promise<{ task: TaskRow; items: ChecklistItem[] }> {
  const { task, relation } = await loadVisibleTask(work.tx, work.viewer, taskId, { lock: true });
  assertCan(canEditChecklist(relation), "tasks.errors.cannotEditChecklist");
  if (isClosed(task.status)) throw new Conflict("tasks.errors.closed");
  return { task, items: await checklistOf(work.tx, task.id) };
}

function itemOf(items: ChecklistItem[], itemId: string): ChecklistItem {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new NotFound("tasks.errors.checklistItemUnknown");
  return item;
}

/**
 * Records a checklist change on the task: history rows, last activity, and the progress when it
 * follows the checklist. Only a change of the task's own fields (progress, the option) bumps its
 * version; a ticked item leaves the reminders planned for that version as they are.
 */
async function record(work: Work, task: TaskRow, entries: ActivityEntry[], patch: TaskPatch = {}): Promise<ChecklistState> {
  const { tx, viewer, now, effects } = work;
  const items = await checklistOf(tx, task.id);
  const follows = patch.progressFollowsChecklist ?? task.progressFollowsChecklist;
  const progress = follows ? checklistProgress(items) : null;
  const all = [...entries];
  if (progress !== null && progress !== task.progress) {
    patch.progress = progress;
    all.push({ kind: "progress", field: "progress", oldValue: String(task.progress), newValue: String(progress) });
  }
  let current = task;
  if (Object.keys(patch).length) {
    current = await applyChange(tx, task, viewer.id, patch, all, now, effects);
  } else {
    await recordActivity(tx, task.id, viewer.id, all, now);
    await tx.update(tasks).set({ updatedAt: now, lastActivityAt: now }).where(eq(tasks.id, task.id));
  }
  return { taskId: task.id, items, progress: current.progress, follows };
}

const unchanged = (task: TaskRow, items: ChecklistItem[]): ChecklistState => ({
  taskId: task.id,
  items,
  progress: task.progress,
  follows: task.progressFollowsChecklist,
});

export async function addChecklistItem(work: Work, input: AddChecklistItemInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  if (items.length >= MAX_CHECKLIST_ITEMS) throw new Conflict("tasks.errors.checklistFull").with({ max: MAX_CHECKLIST_ITEMS });
  await work.tx.insert(taskChecklistItems).values({
    taskId: task.id,
    text: input.text,
    position: items.length,
    createdById: work.viewer.id,
    createdAt: work.now,
  });
  return record(work, task, [{ kind: "changed", field: "checklist", newValue: input.text }]);
}

export async function renameChecklistItem(work: Work, input: RenameChecklistItemInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  const item = itemOf(items, input.itemId);
  if (item.text === input.text) return unchanged(task, items);
  await work.tx.update(taskChecklistItems).set({ text: input.text }).where(eq(taskChecklistItems.id, item.id));
  return record(work, task, [{ kind: "changed", field: "checklist", oldValue: item.text, newValue: input.text }]);
}

/** Ticks or unticks an item; who ticked it and when are kept with it. */
export async function tickChecklistItem(work: Work, input: TickChecklistItemInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  const item = itemOf(items, input.itemId);
  if (item.done === input.done) return unchanged(task, items);
  await work.tx
    .update(taskChecklistItems)
    .set({ done: input.done, doneById: input.done ? work.viewer.id : null, doneAt: input.done ? work.now : null })
    .where(eq(taskChecklistItems.id, item.id));
  const entry: ActivityEntry = input.done
    ? { kind: "changed", field: "checklistDone", newValue: item.text }
    : { kind: "changed", field: "checklistDone", oldValue: item.text };
  return record(work, task, [entry]);
}

/** Rewrites the positions of the items that moved, under the task's lock taken by openChecklist. */
async function renumber(tx: DbOrTx, order: ChecklistItem[], before: ChecklistItem[]): Promise<void> {
  for (const [position, item] of order.entries()) {
    if (before[position]?.id !== item.id) {
      await tx.update(taskChecklistItems).set({ position }).where(eq(taskChecklistItems.id, item.id));
    }
  }
}

/** Moves an item to another place (0 first; past the end means last). */
export async function moveChecklistItem(work: Work, input: MoveChecklistItemInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  const item = itemOf(items, input.itemId);
  const from = items.indexOf(item);
  const to = Math.min(input.position, items.length - 1);
  if (from === to) return unchanged(task, items);
  const order = items.filter((i) => i.id !== item.id);
  order.splice(to, 0, item);
  await renumber(work.tx, order, items);
  return record(work, task, [{ kind: "changed", field: "checklistOrder", oldValue: `${from + 1}. ${item.text}`, newValue: `${to + 1}. ${item.text}` }]);
}

export async function removeChecklistItem(work: Work, input: RemoveChecklistItemInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  const item = itemOf(items, input.itemId);
  await work.tx.delete(taskChecklistItems).where(eq(taskChecklistItems.id, item.id));
  const rest = items.filter((i) => i.id !== item.id);
  await renumber(work.tx, rest, items);
  return record(work, task, [{ kind: "changed", field: "checklist", oldValue: item.text }]);
}

/** Switches "progress follows the checklist"; switched on, the progress is set from the checklist at once. */
export async function followChecklist(work: Work, input: FollowChecklistInput): Promise<ChecklistState> {
  const { task, items } = await openChecklist(work, input.taskId);
  if (task.progressFollowsChecklist === input.follow) return unchanged(task, items);
  return record(work, task, [{ kind: "changed", field: "progressFollowsChecklist", oldValue: String(!input.follow), newValue: String(input.follow) }], {
    progressFollowsChecklist: input.follow,
  });
}
