import { z } from "zod";
import { lineString, optionalRef, requiredText } from "@/lib/action/fields";

// Messages are translation keys: bare ones live under "errors", "tasks.views.errors.*" in tasks.json.

export const TASK_LISTS = ["mine", "delegated", "team"] as const;
export const MAX_VIEW_NAME = 80;
/** Enough for any query string the lists write; a longer one is not a list's. */
const MAX_QUERY = 2000;

const viewId = lineString("required").trim().pipe(z.uuid("tasks.views.errors.notFound"));
const name = requiredText(MAX_VIEW_NAME);

export const saveViewInput = z.object({
  list: z.enum(TASK_LISTS, "invalidInput"),
  name,
  /** The list's query string as the page shows it ("?status=all&priority=high"); normalized before it is kept. */
  query: lineString().max(MAX_QUERY, "tooLong").default(""),
});
export const renameViewInput = z.object({ viewId, name });
export const viewRefInput = z.object({ viewId });
/** Empty: no longer shared. */
export const shareViewInput = z.object({ viewId, departmentId: optionalRef("tasks.views.errors.departmentUnknown") });

export type SaveViewInput = z.output<typeof saveViewInput>;
export type RenameViewInput = z.output<typeof renameViewInput>;
export type ViewRefInput = z.output<typeof viewRefInput>;
export type ShareViewInput = z.output<typeof shareViewInput>;
