import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { tasks } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerAbove } from "./chain";
import { canSeeTask, type TaskRelation } from "./policy";

export type TaskRow = typeof tasks.$inferSelect;

/** How `viewer` stands to `task`: one query up the supervisor chain, none when it is not needed. */
export async function relationTo(db: DbOrTx, viewer: Viewer, task: Pick<TaskRow, "assigneeId" | "createdById">): Promise<TaskRelation> {
  const base = {
    isAdmin: viewer.role === "admin",
    isCreator: task.createdById === viewer.id,
    isAssignee: task.assigneeId === viewer.id,
  };
  const others = [task.assigneeId, task.createdById].filter((id) => id !== viewer.id);
  const above = await viewerAbove(db, viewer.id, [...new Set(others)]);
  return { ...base, aboveAssignee: above.has(task.assigneeId), aboveCreator: above.has(task.createdById) };
}

/**
 * The task and the viewer's relation to it, refused unless the viewer may see it. Inside a
 * command pass `lock` so concurrent changes to one task run one after another.
 */
export async function loadVisibleTask(db: DbOrTx, viewer: Viewer, taskId: string, { lock = false } = {}): Promise<{ task: TaskRow; relation: TaskRelation }> {
  const query = db.select().from(tasks).where(eq(tasks.id, taskId));
  const [task] = lock ? await query.for("update") : await query;
  if (!task) throw new NotFound("tasks.errors.notFound");
  const relation = await relationTo(db, viewer, task);
  if (!canSeeTask(relation)) throw new Forbidden("tasks.errors.notVisible");
  return { task, relation };
}
