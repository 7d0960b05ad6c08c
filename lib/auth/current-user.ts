import { cache } from "react";
import { getDb } from "@/db";
import { auth } from "./nextauth";
import { loadViewer, type Viewer } from "./viewer";

/** The signed-in, active user of this request (read once per request), or null. */
export const currentUser = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  // The session row was checked by auth() (lib/auth/sessions.ts); this refuses a deactivated account.
  return loadViewer(await getDb(), session.userId);
});
