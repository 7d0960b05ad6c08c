import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { loginThrottle } from "@/db/schema";

/**
 * Login rate limits, per account and per client address. Counters live in the database so all
 * app instances share them. After `maxFailures` failures within `window` the key is blocked for
 * `block`; a success clears the account key.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(ip: string): string {
  return `ip:${ip}`;
}

/** The moment until which a key is blocked, or null when it may try now. */
export async function blockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const [row] = await db.select({ blockedUntil: loginThrottle.blockedUntil }).from(loginThrottle).where(eq(loginThrottle.key, key));
  if (row?.blockedUntil && row.blockedUntil > now) return row.blockedUntil;
  return null;
}

export async function recordFailure(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  // Raw SQL parameters go as ISO strings: postgres.js does not serialize a Date inside sql``.
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const blockUntil = sql`${new Date(now.getTime() + rule.blockMs).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  // One statement, so concurrent failures from parallel requests are all counted.
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN ${nowSql} ELSE ${loginThrottle.windowStartedAt} END`,
        blockedUntil: sql`CASE WHEN ${loginThrottle.windowStartedAt} >= ${windowStart} AND ${loginThrottle.failures} + 1 >= ${rule.maxFailures} THEN ${blockUntil} ELSE ${loginThrottle.blockedUntil} END`,
      },
    });
}

export async function clearKey(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
