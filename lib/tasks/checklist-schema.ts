import { z } from "zod";
import { checkbox, lineString, requiredText } from "@/lib/action/fields";
import { MAX_CHECKLIST_TEXT } from "./checklist-limits";

// Messages are translation keys: bare ones live under "errors", "tasks.errors.*" in tasks.json.

const taskId = lineString("required").trim().pipe(z.uuid("tasks.errors.notFound"));
const itemId = lineString("required").trim().pipe(z.uuid("tasks.errors.checklistItemUnknown"));
const text = requiredText(MAX_CHECKLIST_TEXT);

export const addChecklistItemInput = z.object({ taskId, text });
export const renameChecklistItemInput = z.object({ taskId, itemId, text });
export const tickChecklistItemInput = z.object({ taskId, itemId, done: checkbox });
/** The item's new place, 0 first; a place past the end puts it last. */
export const moveChecklistItemInput = z.object({
  taskId,
  itemId,
  position: z.coerce.number("invalidInput").int("invalidInput").min(0, "invalidInput").max(1000, "invalidInput"),
});
export const removeChecklistItemInput = z.object({ taskId, itemId });
export const followChecklistInput = z.object({ taskId, follow: checkbox });

export type AddChecklistItemInput = z.output<typeof addChecklistItemInput>;
export type RenameChecklistItemInput = z.output<typeof renameChecklistItemInput>;
export type TickChecklistItemInput = z.output<typeof tickChecklistItemInput>;
export type MoveChecklistItemInput = z.output<typeof moveChecklistItemInput>;
export type RemoveChecklistItemInput = z.output<typeof removeChecklistItemInput>;
export type FollowChecklistInput = z.output<typeof followChecklistInput>;
