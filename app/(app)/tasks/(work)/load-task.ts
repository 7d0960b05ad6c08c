import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { requireViewer } from "@/app/require-viewer";
import { getDb } from "@/db";
import { Forbidden, NotFound } from "@/lib/action/errors";
import { now } from "@/lib/time/clock";
import { taskForViewer } from "@/lib/tasks/queries";

/** Runs a task read for a page: a task the viewer may not see is a 403 page, a missing one a 404. */
export async function orRefuse<T>(id: string, read: (id: string) => Promise<T>): Promise<T> {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await read(id);
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

/**
 * The task page, its metadata and its edit page read the task through this: React's cache()
 * keeps one load per request however many of them ask, and whatever else the page shows is
 * read from the task it returns.
 */
export const taskDetailFor = cache(async (id: string) => {
  const viewer = await requireViewer();
  return taskForViewer(await getDb(), viewer, id, now());
});
