import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { env } from "@/lib/config/env";
import { authSecret } from "./secret";
import { SESSION_HANDOFF_HEADER, takeHandedOffSession } from "./session-handoff";
import { sessionCookieName, sessionOfToken, sessionTokenOf } from "./session-token";
import type { Viewer } from "./viewer";

/**
 * The signed-in, active account of this request (read once per request), or null. The session
 * row and the person come in one read (lib/auth/sessions.ts): a revoked or expired session, a
 * changed password or a deactivated account is refused on the very next request. The row is the
 * one proxy.ts read for this request when it left it here (lib/auth/session-handoff.ts), else read now.
 */
export const signedInAccount = cache(async (): Promise<{ viewer: Viewer; mustChangePassword: boolean } | null> => {
  const name = sessionCookieName(env().APP_URL);
  const token = sessionTokenOf((await cookies()).getAll(), name);
  if (!token) return null;
  const handedOff = takeHandedOffSession((await headers()).get(SESSION_HANDOFF_HEADER), token);
  const live = handedOff ?? (await sessionOfToken(await getDb(), token, authSecret(), name));
  return live ? { viewer: live.viewer, mustChangePassword: live.mustChangePassword } : null;
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
