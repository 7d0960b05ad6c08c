import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { attachments, cases, taskActivity } from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCanEditCase } from "@/lib/crm/policy";
import { loadVisibleTask } from "@/lib/tasks/access";
import type { AttachTarget } from "./schema";

export type AttachmentRow = typeof attachments.$inferSelect;

/** The columns an attachment row gets for its item. */
export type ItemColumns = Pick<AttachmentRow, "item" | "taskId" | "caseId" | "commentId">;

/**
 * Who may attach a file, as for the item itself: anyone who may see a task attaches to it; a
 * comment's own author to the comment (on a task they still see); to a case, whoever may edit
 * it (its owner and creator, managers, admins). Checked before a byte of the body is read, and
 * again, with the task locked, when the row is written.
 */
export async function assertMayAttach(db: DbOrTx, viewer: Viewer, target: AttachTarget, { lock = false } = {}): Promise<ItemColumns> {
  if (target.item === "task") {
    const { task } = await loadVisibleTask(db, viewer, target.id, { lock });
    return { item: "task", taskId: task.id, caseId: null, commentId: null };
  }
  if (target.item === "comment") {
    const [comment] = await db
      .select({ taskId: taskActivity.taskId, actorId: taskActivity.actorId })
      .from(taskActivity)
      .where(and(eq(taskActivity.id, target.id), eq(taskActivity.kind, "comment")));
    if (!comment) throw new NotFound("files.errors.itemUnknown");
    await loadVisibleTask(db, viewer, comment.taskId, { lock });
    if (comment.actorId !== viewer.id) throw new Forbidden("files.errors.notYourComment");
    return { item: "comment", taskId: comment.taskId, caseId: null, commentId: target.id };
  }
  const [found] = await db.select({ id: cases.id, ownerId: cases.ownerId, createdById: cases.createdById }).from(cases).where(eq(cases.id, target.id));
  if (!found) throw new NotFound("files.errors.itemUnknown");
  assertCanEditCase(viewer, found);
  return { item: "case", taskId: null, caseId: found.id, commentId: null };
}

/**
 * Refuses a viewer who may not see the attachment's item: a task's and a comment's files follow
 * the task's visibility; a case's are read by every colleague, as the case is (lib/crm/policy.ts).
 */
export async function assertMaySeeItem(db: DbOrTx, viewer: Viewer, row: ItemColumns): Promise<void> {
  if (row.taskId) await loadVisibleTask(db, viewer, row.taskId);
}

/** The attachment if the viewer may see its item; NotFound for an unknown id, Forbidden otherwise. */
export async function loadVisibleAttachment(db: DbOrTx, viewer: Viewer, id: string): Promise<AttachmentRow> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw new NotFound("files.errors.notFound");
  try {
    await assertMaySeeItem(db, viewer, row);
  } catch (error) {
    if (error instanceof NotFound || error instanceof Forbidden) throw new Forbidden("files.errors.notVisible");
    throw error;
  }
  return row;
}

/** The uploader (while they still see the item) and admins may remove a file. */
export function mayRemove(viewer: Viewer, row: Pick<AttachmentRow, "uploaderId">): boolean {
  return viewer.role === "admin" || (row.uploaderId !== null && row.uploaderId === viewer.id);
}
