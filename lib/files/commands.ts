import { and, eq, sql } from "drizzle-orm";
import { attachments, tasks } from "@/db/schema";
import { Forbidden, Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { assertMayAttach, loadVisibleAttachment, mayRemove, type AttachmentRow } from "./access";
import { MAX_ATTACHMENTS_PER_ITEM } from "./limits";
import type { AttachTarget, RemoveAttachmentInput } from "./schema";

/** A file already in the store, to be recorded on its item. */
export interface StoredFile {
  target: AttachTarget;
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
  width: number | null;
  height: number | null;
  thumbnailKey: string | null;
}

/**
 * Records an uploaded file on its item, authorized again with the task locked (the upload took
 * a while; access may have changed). A task's last activity moves, as a comment's does.
 */
export async function recordAttachment(work: Work, file: StoredFile): Promise<AttachmentRow> {
  const { tx, viewer, now } = work;
  const item = await assertMayAttach(tx, viewer, file.target, { lock: true });
  const same =
    item.item === "case"
      ? eq(attachments.caseId, item.caseId!)
      : item.item === "comment"
        ? eq(attachments.commentId, item.commentId!)
        : and(eq(attachments.taskId, item.taskId!), eq(attachments.item, "task"));
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(same);
  if (count!.n >= MAX_ATTACHMENTS_PER_ITEM) throw new Invalid("files.errors.tooMany").with({ max: MAX_ATTACHMENTS_PER_ITEM });
  const [row] = await tx
    .insert(attachments)
    .values({
      ...item,
      uploaderId: viewer.id,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      storageKey: file.storageKey,
      width: file.width,
      height: file.height,
      thumbnailKey: file.thumbnailKey,
      createdAt: now,
    })
    .returning();
  if (item.taskId) await tx.update(tasks).set({ lastActivityAt: now }).where(eq(tasks.id, item.taskId));
  return row!;
}

/**
 * Removes an attachment's row; the caller deletes its bytes after the commit (returned keys).
 * Only the uploader, while they still see the item, and admins may.
 */
export async function removeAttachment(work: Work, input: RemoveAttachmentInput): Promise<{ keys: string[]; taskId: string | null; caseId: string | null }> {
  const { tx, viewer } = work;
  const row = await loadVisibleAttachment(tx, viewer, input.id);
  if (!mayRemove(viewer, row)) throw new Forbidden("files.errors.removeForbidden");
  await tx.delete(attachments).where(eq(attachments.id, row.id));
  return { keys: [row.storageKey, ...(row.thumbnailKey ? [row.thumbnailKey] : [])], taskId: row.taskId, caseId: row.caseId };
}
