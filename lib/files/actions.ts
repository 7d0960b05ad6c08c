"use server";

import { revalidatePath } from "next/cache";
import { defineActionOutsideUnit } from "@/lib/action/define";
import { runUnit } from "@/lib/effects/unit";
import { removeAttachment } from "./commands";
import { collectAttachmentGarbage } from "./garbage";
import { removeAttachmentInput } from "./schema";
import { fileStorage } from "./storage";

/**
 * Removes an attachment: the row in one unit (which queues its keys), then its bytes once that has
 * committed; bytes whose removal fails stay queued for the collector, never a row pointing at nothing.
 */
export const removeAttachmentAction = defineActionOutsideUnit(removeAttachmentInput, async (input, { viewer, db }) => {
  const removed = await runUnit(db, viewer, (work) => removeAttachment(work, input));
  await collectAttachmentGarbage(db, fileStorage(), { only: removed.keys }).catch((error: unknown) =>
    console.error("[files] removing an attachment's bytes failed; the collector will retry", error instanceof Error ? error.name : error),
  );
  if (removed.taskId) revalidatePath(`/tasks/${removed.taskId}`);
  if (removed.caseId) revalidatePath(`/cases/${removed.caseId}`);
  return { id: input.id };
});
