"use server";

import { revalidatePath } from "next/cache";
import { defineActionOutsideUnit } from "@/lib/action/define";
import { runUnit } from "@/lib/effects/unit";
import { removeAttachment } from "./commands";
import { removeAttachmentInput } from "./schema";
import { fileStorage } from "./storage";

/**
 * Removes an attachment: the row in one unit, then its bytes once that has committed (a failed
 * removal of bytes leaves an orphan in the store, never a row pointing at nothing).
 */
export const removeAttachmentAction = defineActionOutsideUnit(removeAttachmentInput, async (input, { viewer, db }) => {
  const removed = await runUnit(db, viewer, (work) => removeAttachment(work, input));
  const storage = fileStorage();
  await Promise.allSettled(removed.keys.map((key) => storage.remove(key)));
  if (removed.taskId) revalidatePath(`/tasks/${removed.taskId}`);
  if (removed.caseId) revalidatePath(`/cases/${removed.caseId}`);
  return { id: input.id };
});
