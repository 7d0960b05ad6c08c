import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { loginThrottle } from "@/db/schema";

/**
 * Sign-in limits. Each attempt is counted before the password is checked, in one statement per
 * key, so parallel requests can never get more than `maxAttempts` past a key within its window;
 * the attempt that finds the count over the limit blocks the key for `blockMs`. Counters live
 * in the database so every app instance shares them.
 */
export interface ThrottleRule {
  maxAttempts: number;
  windowMs: number;
  blockMs: number;
}

/** One account from one address: a guesser, or the owner mistyping; low. */
export const PAIR_RULE: ThrottleRule = { maxAttempts: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/** One address trying many accounts (password spraying). */
export const ADDRESS_RULE: ThrottleRule = { maxAttempts: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/**
 * One account from anywhere: caps a guesser with many addresses. It is high, it spares the
 * addresses the owner signed in from (KNOWN_PAIR_MS), and tripping it tells the owner.
 */
export const ACCOUNT_RULE: ThrottleRule = { maxAttempts: 100, windowMs: 60 * 60_000, blockMs: 60 * 60_000 };
/** Guesses at the current password from inside a session (a borrowed laptop). */
export const PASSWORD_CHANGE_RULE: ThrottleRule = { maxAttempts: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
/** Password-reset e-mails asked for one address: a few an hour, so nobody can flood someone's inbox. */
export const RESET_ACCOUNT_RULE: ThrottleRule = { maxAttempts: 3, windowMs: 60 * 60_000, blockMs: 60 * 60_000 };
/** Password-reset requests from one client address, whatever addresses they name. Same window as RESET_ACCOUNT_RULE (pruning relies on it). */
export const RESET_ADDRESS_RULE: ThrottleRule = { maxAttempts: 10, windowMs: 60 * 60_000, blockMs: 60 * 60_000 };
/** How long a successful sign-in from an address keeps that address exempt from ACCOUNT_RULE. */
export const KNOWN_PAIR_MS = 30 * 24 * 3600_000;

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An unknown address (no server.mjs in front) shares one pair per account: safe, if coarse. */
export function pairKey(email: string, address: string | null): string {
  return `pair:${normalEmail(email)}|${address ?? "unknown"}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

export function accountKey(email: string): string {
  return `account:${normalEmail(email)}`;
}

export function resetAccountKey(email: string): string {
  return `reset:${normalEmail(email)}`;
}

export function resetAddressKey(address: string): string {
  return `reset-ip:${address}`;
}

export function passwordChangeKey(userId: string): string {
  return `password-change:${userId}`;
}

export function knownPairKey(email: string, address: string): string {
  return `known:${normalEmail(email)}|${address}`;
}

export interface CountedAttempt {
  /** Attempts in the current window, this one included. */
  attempts: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  /** Whether this attempt may go on to the password check. */
  allowed: boolean;
  /** This attempt is the one that blocked the key (exactly one per block). */
  tripped: boolean;
}

// Raw SQL parameters go as ISO strings: postgres.js does not serialize a Date inside sql``.
function instant(at: Date) {
  return sql`${at.toISOString()}::timestamptz`;
}

/** Counts an attempt on `key` and says whether it may proceed, atomically. */
export async function countAttempt(db: DbOrTx, key: string, rule: ThrottleRule, now: Date): Promise<CountedAttempt> {
  const nowSql = instant(now);
  const windowStart = instant(new Date(now.getTime() - rule.windowMs));
  const blockUntil = instant(new Date(now.getTime() + rule.blockMs));
  const t = loginThrottle;
  // A key whose block is over, or whose window is over when it was never blocked, starts afresh.
  const over = sql`(CASE WHEN ${t.blockedUntil} IS NOT NULL THEN ${t.blockedUntil} <= ${nowSql} ELSE ${t.windowStartedAt} <= ${windowStart} END)`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`CASE WHEN ${over} THEN 1 ELSE ${t.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${over} THEN ${nowSql} ELSE ${t.windowStartedAt} END`,
        blockedUntil: sql`CASE
          WHEN ${over} THEN NULL
          WHEN ${t.blockedUntil} IS NOT NULL THEN ${t.blockedUntil}
          WHEN ${t.failures} + 1 > ${rule.maxAttempts} THEN ${blockUntil}
          ELSE NULL END`,
      },
    })
    .returning({ attempts: t.failures, windowStartedAt: t.windowStartedAt, blockedUntil: t.blockedUntil });
  if (!row) throw new Error(`login throttle upsert returned no row for ${key}`);
  return { ...row, allowed: row.attempts <= rule.maxAttempts, tripped: row.attempts === rule.maxAttempts + 1 };
}

/**
 * Gives back an attempt that never reached the password check, or that succeeded, so the
 * counter stays a count of guesses. A blocked key stays as it is: its block must run out.
 */
export async function releaseAttempt(db: DbOrTx, key: string): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(and(eq(loginThrottle.key, key), isNull(loginThrottle.blockedUntil)));
}

export async function clearKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Whether the owner signed in from this address recently (see KNOWN_PAIR_MS). */
export async function isKnownPair(db: DbOrTx, email: string, address: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, knownPairKey(email, address)), gt(loginThrottle.windowStartedAt, new Date(now.getTime() - KNOWN_PAIR_MS))));
  return Boolean(row);
}

export async function rememberKnownPair(db: DbOrTx, email: string, address: string, now: Date): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ key: knownPairKey(email, address), failures: 0, windowStartedAt: now })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { windowStartedAt: now, blockedUntil: null } });
}
