import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { authSessions, users } from "@/db/schema";
import { systemNow } from "@/lib/time/clock";
import { viewerColumns, type Viewer } from "./viewer";

/**
 * Server-side sessions behind the JWT cookie. The cookie proves who signed in; the row decides
 * whether that sign-in still counts. Times use the real clock, never the e2e test clock: moving
 * reminders forward must not sign people out.
 */
export interface SessionLifetime {
  /** Ends the session this long after sign-in, however active it is. */
  absoluteHours: number;
  /** The cookie's idle lifetime; rows unseen for longer than this are dead and may be pruned. */
  idleHours: number;
}

export interface LiveSession {
  userId: string;
  expiresAt: Date;
  /** An admin typed the password: the person must choose their own before using the app. */
  mustChangePassword: boolean;
  /** The signed-in person, read with the session row: a page needs no second read for them. */
  viewer: Viewer;
}

/** How stale last_seen_at may get before a request writes it again (one write per user per window, not per request). */
export const LAST_SEEN_WRITE_MS = 15 * 60 * 1000;
/** Revoked rows are kept this long, so a replayed cookie is recognised as revoked rather than unknown. */
const REVOKED_KEPT_MS = 24 * 3600 * 1000;

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** Starts a session for an active user; returns the id that goes into the cookie, or null for an inactive or unknown user. */
export async function startSession(
  db: DbOrTx,
  userId: string,
  lifetime: SessionLifetime,
  at: Date = systemNow(),
): Promise<{ id: string; expiresAt: Date } | null> {
  const [user] = await db.select({ active: users.active, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  if (!user?.active) return null;
  await pruneSessions(db, lifetime, at);
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(at.getTime() + lifetime.absoluteHours * 3600 * 1000);
  await db.insert(authSessions).values({ idHash: hashSessionId(id), userId, sessionVersion: user.sessionVersion, createdAt: at, lastSeenAt: at, expiresAt });
  return { id, expiresAt };
}

/**
 * The session behind a cookie's id, or null when it was revoked, has passed its absolute
 * lifetime, or its user was deactivated or changed password since. One primary-key read.
 */
export async function liveSession(db: DbOrTx, id: string, at: Date = systemNow()): Promise<LiveSession | null> {
  const idHash = hashSessionId(id);
  let query = preparedLiveSession.get(db);
  if (!query) preparedLiveSession.set(db, (query = liveSessionQuery(db)));
  const [row] = await query.execute({ idHash });
  if (!row || row.revokedAt || row.expiresAt <= at || !row.active || row.sessionVersion !== row.currentVersion) return null;
  if (at.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_WRITE_MS) {
    await db.update(authSessions).set({ lastSeenAt: at }).where(eq(authSessions.idHash, idHash));
  }
  const { userId, expiresAt, mustChangePassword, viewer } = row;
  return { userId, expiresAt, mustChangePassword, viewer };
}

// Prepared once per database: every request of every signed-in person runs it (in proxy.ts, which hands the row to the page or route).
function liveSessionQuery(db: DbOrTx) {
  return db
    .select({
      userId: authSessions.userId,
      expiresAt: authSessions.expiresAt,
      revokedAt: authSessions.revokedAt,
      lastSeenAt: authSessions.lastSeenAt,
      sessionVersion: authSessions.sessionVersion,
      active: users.active,
      currentVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      viewer: viewerColumns,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.idHash, sql.placeholder("idHash")))
    .prepare("live_session");
}
const preparedLiveSession = new WeakMap<DbOrTx, ReturnType<typeof liveSessionQuery>>();

/** Ends one session (sign-out). Revoking an unknown or already revoked session changes nothing. */
export async function revokeSession(db: DbOrTx, id: string, at: Date = systemNow()): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: at })
    .where(and(eq(authSessions.idHash, hashSessionId(id)), isNull(authSessions.revokedAt)));
}

/** Deletes rows that can never be valid again: past their absolute lifetime, idle past the cookie's lifetime, or revoked a while ago. */
export async function pruneSessions(db: DbOrTx, lifetime: SessionLifetime, at: Date = systemNow()): Promise<void> {
  // last_seen_at lags the newest cookie by at most LAST_SEEN_WRITE_MS, so this margin never prunes a live cookie.
  const idleCutoff = new Date(at.getTime() - lifetime.idleHours * 3600 * 1000 - LAST_SEEN_WRITE_MS - 3600 * 1000);
  await db
    .delete(authSessions)
    .where(
      or(
        lt(authSessions.expiresAt, at),
        lt(authSessions.lastSeenAt, idleCutoff),
        and(isNotNull(authSessions.revokedAt), lt(authSessions.revokedAt, new Date(at.getTime() - REVOKED_KEPT_MS))),
      ),
    );
}
