import { decode, type JWT } from "next-auth/jwt";
import type { DbOrTx } from "@/db";
import { liveSession, type LiveSession } from "./sessions";

/** Auth.js's session cookie: `__Secure-` prefixed when APP_URL is https, as session-config.ts has Auth.js set it. */
export function sessionCookieName(appUrl: string): string {
  return `${new URL(appUrl).protocol === "https:" ? "__Secure-" : ""}authjs.session-token`;
}

/** The session token among a request's cookies; Auth.js splits one past 4 KB into `name.0`, `name.1`, ... */
export function sessionTokenOf(cookies: readonly { name: string; value: string }[], name: string): string | undefined {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value || undefined;
  const chunks = cookies
    .map((c) => ({ value: c.value, at: c.name.startsWith(`${name}.`) ? c.name.slice(name.length + 1) : "" }))
    .filter((c) => /^\d+$/.test(c.at))
    .sort((a, b) => Number(a.at) - Number(b.at));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * The live session a session token names, checked as nextauth.ts's jwt callback checks it on
 * every request: a token Auth.js encrypted with this secret and not expired, whose session row is
 * still live for the same user. Only that, not Auth.js's whole session round, which also
 * re-encrypts a cookie that neither proxy.ts nor a page sends back (a third of a page's auth cost).
 */
export async function sessionOfToken(db: DbOrTx, token: string, secret: string, salt: string, at?: Date): Promise<LiveSession | null> {
  let claims: JWT | null;
  try {
    claims = await decode({ token, secret, salt });
  } catch {
    // Tampered, made with another secret, or expired: Auth.js answers "no session" too.
    return null;
  }
  if (typeof claims?.sid !== "string" || typeof claims.uid !== "string") return null;
  const live = await liveSession(db, claims.sid, at);
  return live && live.userId === claims.uid ? live : null;
}
