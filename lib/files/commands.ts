import { and, eq, sql } from "drizzle-orm";
import { attachments, tasks } from "@/db/schema";
import { Forbidden, Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { recordCaseActivity } from "@/lib/crm/case-history";
import { recordActivity } from "@/lib/tasks/history";
import { assertMayAttach, loadVisibleAttachment, mayRemove, type AttachmentRow } from "./access";
import { keepKeys } from "./garbage";
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
  await keepKeys(tx, [file.storageKey, ...(file.thumbnailKey ? [file.thumbnailKey] : [])]);
  if (item.taskId) await tx.update(tasks).set({ lastActivityAt: now }).where(eq(tasks.id, item.taskId));
  // A comment's files show with the comment; a file on the task or case is an entry of its own in the history.
  if (item.item !== "comment") await recordFileHistory(work, row!, { kind: "attachment", field: "added", newValue: file.fileName });
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
  // The row's keys are queued for the collector by a trigger (db/migrations/0032), whatever deletes a row.
  await tx.delete(attachments).where(eq(attachments.id, row.id));
  await recordFileHistory(work, row, { kind: "attachment", field: "removed", oldValue: row.fileName });
  return { keys: [row.storageKey, ...(row.thumbnailKey ? [row.thumbnailKey] : [])], taskId: row.taskId, caseId: row.caseId };
}

/** A file added or removed, in the history of its task (a comment's file: the comment's task) or case. */
async function recordFileHistory(
  { tx, viewer, now }: Work,
  row: Pick<AttachmentRow, "taskId" | "caseId">,
  entry: { kind: "attachment"; field: "added" | "removed"; oldValue?: string; newValue?: string },
): Promise<void> {
  if (row.taskId) await recordActivity(tx, row.taskId, viewer.id, [entry], now);
  else if (row.caseId) await recordCaseActivity(tx, row.caseId, viewer.id, [entry], now);
}
