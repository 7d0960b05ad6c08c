import { z } from "zod";
import { lineString } from "@/lib/action/fields";
import { TASK_STATUSES } from "./schema";

// Messages are translation keys: bare ones live under "errors", "tasks.*" in tasks.json.

export const moveOnBoardInput = z.object({
  taskId: lineString("required").trim().pipe(z.uuid("tasks.errors.notFound")),
  status: z.enum(TASK_STATUSES, "invalidInput"),
  // The version the card showed: a move on top of someone else's newer change is refused.
  expectedVersion: z.coerce.number().int().positive().optional(),
});
export type MoveOnBoardInput = z.output<typeof moveOnBoardInput>;
