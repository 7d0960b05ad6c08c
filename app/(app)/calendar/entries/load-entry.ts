import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { requireViewer } from "@/app/require-viewer";
import { getDb } from "@/db";
import { NotFound } from "@/lib/action/errors";
import { entryForViewer } from "@/lib/calendar/queries";

/**
 * The entry page, its metadata and its edit page read the entry through this, once per request.
 * An unknown id, a cancelled entry and one the viewer may not know of are all the same 404.
 */
export const entryDetailFor = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer();
  try {
    return { viewer, entry: await entryForViewer(await getDb(), viewer, id) };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});
