import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { attachments, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { loadVisibleTask } from "@/lib/tasks/access";
import { mayRemove } from "./access";

/** An attachment as a page lists it. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  uploaderName: string | null;
  /** ISO instant; shown in the reader's zone. */
  createdAt: string;
  /** Set for a comment's file. */
  commentId: number | null;
  canRemove: boolean;
}

const columns = {
  id: attachments.id,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  size: attachments.size,
  width: attachments.width,
  height: attachments.height,
  thumbnailKey: attachments.thumbnailKey,
  uploaderId: attachments.uploaderId,
  uploaderName: users.name,
  createdAt: attachments.createdAt,
  commentId: attachments.commentId,
};

interface Row {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  thumbnailKey: string | null;
  uploaderId: string | null;
  uploaderName: string | null;
  createdAt: Date;
  commentId: number | null;
}

function view(viewer: Viewer, r: Row): AttachmentView {
  return {
    id: r.id,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    width: r.width,
    height: r.height,
    hasThumbnail: r.thumbnailKey !== null,
    uploaderName: r.uploaderName,
    createdAt: r.createdAt.toISOString(),
    commentId: r.commentId,
    canRemove: mayRemove(viewer, r),
  };
}

/** A task's files and its comments' files, oldest first, for a viewer who may see the task (refused otherwise). */
export async function attachmentsOfTask(db: DbOrTx, viewer: Viewer, taskId: string): Promise<AttachmentView[]> {
  await loadVisibleTask(db, viewer, taskId);
  const rows = await db
    .select(columns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploaderId))
    .where(eq(attachments.taskId, taskId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map((r) => view(viewer, r));
}

/** A case's files, oldest first; every colleague reads cases. */
export async function attachmentsOfCase(db: DbOrTx, viewer: Viewer, caseId: string): Promise<AttachmentView[]> {
  const rows = await db
    .select(columns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploaderId))
    .where(and(eq(attachments.caseId, caseId), isNotNull(attachments.caseId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map((r) => view(viewer, r));
}
