import { decode, type JWT } from "next-auth/jwt";
import type { DbOrTx } from "@/db";
import { now as clockNow } from "@/lib/time/clock";
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
  const claims = await claimsOf(token, secret, salt);
  if (typeof claims?.sid !== "string" || typeof claims.uid !== "string") return null;
  const live = await liveSession(db, claims.sid, at);
  return live && live.userId === claims.uid ? live : null;
}

/** How long a decrypted token's claims are reused, and for how many tokens at most. */
const CLAIMS_TTL_MS = 60_000;
const CLAIMS_KEPT = 2_000;
const decoded = new Map<string, { secret: string; salt: string; claims: JWT; until: number }>();

/**
 * The claims of a token Auth.js encrypted with this secret (null when it is tampered with, made with another secret or
 * expired). Decrypting derives the key anew each time (HKDF) and came to a millisecond of every request (the proxy and
 * the page each read the cookie), so a token's claims are kept for a minute, never past the token's own expiry, and
 * only for the same secret and salt. Only the decryption is saved: the session row is still read on every request, so a
 * revoked session or a deactivated account is refused at once.
 */
export async function claimsOf(token: string, secret: string, salt: string, now: number = clockNow().getTime()): Promise<JWT | null> {
  const kept = decoded.get(token);
  if (kept && kept.secret === secret && kept.salt === salt && now < kept.until) return kept.claims;
  decoded.delete(token);
  let claims: JWT | null;
  try {
    claims = await decode({ token, secret, salt });
  } catch {
    // Tampered, made with another secret, or expired: Auth.js answers "no session" too.
    return null;
  }
  if (!claims) return null;
  const expires = typeof claims.exp === "number" ? claims.exp * 1000 : now;
  if (expires > now) {
    if (decoded.size >= CLAIMS_KEPT) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { secret, salt, claims, until: Math.min(now + CLAIMS_TTL_MS, expires) });
  }
  return claims;
}
