import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { taskWatchers, users } from "@/db/schema";
import type { Work } from "@/lib/effects/unit";
import { loadVisibleTask } from "./access";
import type { TaskRef } from "./watch-schema";

export interface WatchState {
  taskId: string;
  watching: boolean;
}

/**
 * The viewer starts watching a task they may see: from now on they hear of its status changes
 * and new comments. Watching twice is one watch. Someone who may not see the task is refused
 * (NotFound or Forbidden, as on its page) and nothing is written.
 */
export async function watchTask({ tx, viewer, now }: Work, input: TaskRef): Promise<WatchState> {
  const { task } = await loadVisibleTask(tx, viewer, input.taskId);
  await tx.insert(taskWatchers).values({ taskId: task.id, userId: viewer.id, createdAt: now }).onConflictDoNothing();
  return { taskId: task.id, watching: true };
}

/** The viewer stops watching; refused, as watching is, to anyone who may not see the task. */
export async function unwatchTask({ tx, viewer }: Work, input: TaskRef): Promise<WatchState> {
  const { task } = await loadVisibleTask(tx, viewer, input.taskId);
  await tx.delete(taskWatchers).where(and(eq(taskWatchers.taskId, task.id), eq(taskWatchers.userId, viewer.id)));
  return { taskId: task.id, watching: false };
}

export interface Watcher {
  id: string;
  name: string;
}

/**
 * The people watching a task the caller already loaded through `loadVisibleTask`, by name. Only
 * active accounts: a deactivated one hears nothing and is not listed.
 */
export async function watchersOf(db: DbOrTx, task: { id: string }): Promise<Watcher[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(taskWatchers)
    .innerJoin(users, eq(users.id, taskWatchers.userId))
    .where(and(eq(taskWatchers.taskId, task.id), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id));
}
