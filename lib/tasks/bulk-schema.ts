import { z } from "zod";
import { lineString, optionalParagraph, optionalWallClock } from "@/lib/action/fields";
import { PRIORITIES } from "@/lib/org/vocabulary";
import { PAGE_SIZE } from "./list-params";

/** At most a page of a list: what "select all on the page" selects. */
export const MAX_BULK = PAGE_SIZE;

const taskIds = z
  .array(lineString().trim().pipe(z.uuid("tasks.bulk.errors.notVisible")), "tasks.bulk.errors.noneSelected")
  .min(1, "tasks.bulk.errors.noneSelected")
  .max(MAX_BULK, "tasks.bulk.errors.tooMany")
  .transform((ids) => [...new Set(ids)]);
const comment = optionalParagraph(2000);

export const bulkReassignInput = z.object({
  taskIds,
  assigneeId: lineString("tasks.errors.assigneeUnknown").trim().pipe(z.uuid("tasks.errors.assigneeUnknown")),
  comment,
});
export const bulkPriorityInput = z.object({ taskIds, priority: z.enum(PRIORITIES, "required") });
/** Empty: the tasks get no due date. */
export const bulkDueInput = z.object({ taskIds, dueAt: optionalWallClock });
export const bulkCancelInput = z.object({ taskIds, comment });

export type BulkReassignInput = z.output<typeof bulkReassignInput>;
export type BulkPriorityInput = z.output<typeof bulkPriorityInput>;
export type BulkDueInput = z.output<typeof bulkDueInput>;
export type BulkCancelInput = z.output<typeof bulkCancelInput>;
