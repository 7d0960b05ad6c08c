import { cache } from "react";
import { getDb } from "@/db";
import { auth } from "./nextauth";
import { loadAccount, type Viewer } from "./viewer";

/** The signed-in, active account of this request (read once per request), or null. */
export const signedInAccount = cache(async (): Promise<{ viewer: Viewer; mustChangePassword: boolean } | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  // The session row was checked by auth() (lib/auth/sessions.ts); this refuses a deactivated account.
  return loadAccount(await getDb(), session.userId);
});

/**
 * The signed-in, active user of this request, or null. A person who must first replace the
 * password an admin gave them counts as nobody here: every page, action and route handler that
 * asks for the user refuses them; only the password-change page asks `signedInAccount`.
 */
export const currentUser = cache(async (): Promise<Viewer | null> => {
  const account = await signedInAccount();
  return account && !account.mustChangePassword ? account.viewer : null;
});

/** The signed-in person who must choose their own password now (see `currentUser`), or null. */
export const viewerAwaitingPasswordChange = cache(async (): Promise<Viewer | null> => {
  const account = await signedInAccount();
  return account?.mustChangePassword ? account.viewer : null;
});
