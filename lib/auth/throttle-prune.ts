import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { loginThrottle } from "@/db/schema";
import { ACCOUNT_RULE, ADDRESS_RULE, KNOWN_PAIR_MS, PAIR_RULE, RESET_ACCOUNT_RULE } from "./throttle";

const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 1_000;

function before(now: Date, ms: number) {
  return sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
}

/**
 * Deletes up to `limit` throttle rows whose window and block have both ended: they would
 * start afresh on the next attempt anyway. Returns how many went.
 */
export async function pruneLoginThrottle(db: Db, now: Date, limit = PRUNE_BATCH): Promise<number> {
  const t = loginThrottle;
  const windowEnded = sql`${t.windowStartedAt} <= CASE
    WHEN ${t.key} LIKE 'known:%' THEN ${before(now, KNOWN_PAIR_MS)}
    WHEN ${t.key} LIKE 'account:%' THEN ${before(now, ACCOUNT_RULE.windowMs)}
    WHEN ${t.key} LIKE 'ip:%' THEN ${before(now, ADDRESS_RULE.windowMs)}
    WHEN ${t.key} LIKE 'reset%' THEN ${before(now, RESET_ACCOUNT_RULE.windowMs)}
    ELSE ${before(now, PAIR_RULE.windowMs)} END`;
  const blockEnded = sql`(${t.blockedUntil} IS NULL OR ${t.blockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const deleted = await db
    .delete(t)
    .where(sql`${t.key} IN (SELECT ${t.key} FROM ${t} WHERE ${windowEnded} AND ${blockEnded} LIMIT ${limit})`)
    .returning({ key: t.key });
  return deleted.length;
}

const lastPruned = new WeakMap<Db, number>();

/** Prunes at most once a minute per process and database; a failure only logs. */
export async function pruneLoginThrottleWhenDue(db: Db, now: Date): Promise<void> {
  const last = lastPruned.get(db);
  if (last !== undefined && Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now.getTime());
  try {
    await pruneLoginThrottle(db, now);
  } catch (error) {
    console.error("[auth] pruning login_throttle failed", error);
  }
}
