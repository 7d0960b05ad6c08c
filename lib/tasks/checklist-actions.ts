"use server";

import { defineAction } from "@/lib/action/define";
import { addChecklistItem, followChecklist, moveChecklistItem, removeChecklistItem, renameChecklistItem, tickChecklistItem } from "./checklist";
import {
  addChecklistItemInput,
  followChecklistInput,
  moveChecklistItemInput,
  removeChecklistItemInput,
  renameChecklistItemInput,
  tickChecklistItemInput,
} from "./checklist-schema";

// Lists show progress and last activity, which the checklist moves.
const touched = (input: { taskId: string }) => ["/tasks", "/tasks/delegated", "/tasks/team", `/tasks/${input.taskId}`];

export const addChecklistItemAction = defineAction(addChecklistItemInput, (input, work) => addChecklistItem(work, input), { revalidate: touched });
export const renameChecklistItemAction = defineAction(renameChecklistItemInput, (input, work) => renameChecklistItem(work, input), { revalidate: touched });
export const tickChecklistItemAction = defineAction(tickChecklistItemInput, (input, work) => tickChecklistItem(work, input), { revalidate: touched });
export const moveChecklistItemAction = defineAction(moveChecklistItemInput, (input, work) => moveChecklistItem(work, input), { revalidate: touched });
export const removeChecklistItemAction = defineAction(removeChecklistItemInput, (input, work) => removeChecklistItem(work, input), { revalidate: touched });
export const followChecklistAction = defineAction(followChecklistInput, (input, work) => followChecklist(work, input), { revalidate: touched });
