import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { Forbidden, NotFound } from "@/lib/action/errors";

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
