import { z } from "zod";
import { lineString, optionalParagraph, optionalRef, optionalWallClock, requiredText } from "@/lib/action/fields";
import { PRIORITIES } from "@/lib/org/vocabulary";

// Messages are translation keys: bare ones live under "errors", "tasks.errors.*" in tasks.json.

const parentId = lineString("required").trim().pipe(z.uuid("tasks.errors.notFound"));

/**
 * A subtask as added on its parent's page. Left empty: the assignee is the person adding it, the
 * priority is the parent's; the due moment may not fall after the parent's.
 */
export const addSubtaskInput = z.object({
  parentId,
  title: requiredText(200),
  description: optionalParagraph(5000),
  assigneeId: optionalRef("tasks.errors.assigneeUnknown"),
  dueAt: optionalWallClock,
  priority: z
    .union([z.enum(PRIORITIES, "invalidInput"), z.literal("")])
    .nullish()
    .transform((v) => v || null),
});
export type AddSubtaskInput = z.output<typeof addSubtaskInput>;

/** What cancelling a parent does to its subtasks still open: call them off too, or keep them going. */
export const OPEN_SUBTASK_CHOICES = ["cancel", "keep"] as const;
export type OpenSubtaskChoice = (typeof OPEN_SUBTASK_CHOICES)[number];
