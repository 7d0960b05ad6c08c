import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask } from "./access";
import type { TaskNoticesReadInput } from "./schema";

const aboutTask = (viewer: Pick<Viewer, "id">, taskId: string) =>
  and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt), eq(notifications.link, `/tasks/${taskId}`));

/** Whether the viewer has unread notices about the task (one probe of the unread index), so the page asks to mark them only then. */
export async function hasUnreadNoticesAbout(db: DbOrTx, viewer: Pick<Viewer, "id">, taskId: string): Promise<boolean> {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(aboutTask(viewer, taskId)).limit(1);
  return Boolean(row);
}

/**
 * The viewer has opened the task: their own unread notices about it (its changes, reminders,
 * overdue and escalation notices all link to the task page) are read now. Nobody else's are
 * touched. The task page sends this from the browser once it is shown, never from its render:
 * a prefetch or a crawler's GET must not read anyone's notices.
 */
export async function markTaskNoticesRead({ tx, viewer, now }: Work, input: TaskNoticesReadInput): Promise<{ marked: number }> {
  await loadVisibleTask(tx, viewer, input.taskId);
  const marked = await tx.update(notifications).set({ readAt: now }).where(aboutTask(viewer, input.taskId)).returning({ id: notifications.id });
  return { marked: marked.length };
}
