import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { loginThrottle } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { ACCOUNT_RULE, KNOWN_PAIR_MS, PAIR_RULE } from "./throttle";
import { pruneLoginThrottle } from "./throttle-prune";

const minutes = (n: number) => n * 60_000;

async function keysLeft(db: Db, keys: string[]): Promise<string[]> {
  const rows = await db.select({ key: loginThrottle.key }).from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return rows.map((r) => r.key).sort();
}

describe("pruning the login throttle", () => {
  it("deletes rows whose window and block have ended, and keeps the rest", async () => {
    const db = await testDb();
    const now = new Date("2027-01-10T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const rows: (typeof loginThrottle.$inferInsert)[] = [
      { key: "pair:old@test.example|192.0.2.1", failures: 3, windowStartedAt: ago(PAIR_RULE.windowMs + 1000) },
      { key: "pair:live@test.example|192.0.2.1", failures: 3, windowStartedAt: ago(PAIR_RULE.windowMs - minutes(1)) },
      { key: "pair:blocked@test.example|192.0.2.1", failures: 9, windowStartedAt: ago(PAIR_RULE.windowMs * 3), blockedUntil: new Date(now.getTime() + minutes(5)) },
      { key: "pair:was-blocked@test.example|192.0.2.1", failures: 9, windowStartedAt: ago(PAIR_RULE.windowMs * 3), blockedUntil: ago(1000) },
      { key: "ip:192.0.2.1", failures: 3, windowStartedAt: ago(minutes(16)) },
      // The account window is an hour: twenty minutes old is still live.
      { key: "account:live@test.example", failures: 40, windowStartedAt: ago(minutes(20)) },
      { key: "account:old@test.example", failures: 40, windowStartedAt: ago(ACCOUNT_RULE.windowMs + 1000) },
      { key: "known:live@test.example|192.0.2.1", failures: 0, windowStartedAt: ago(KNOWN_PAIR_MS - minutes(60)) },
      { key: "known:old@test.example|192.0.2.1", failures: 0, windowStartedAt: ago(KNOWN_PAIR_MS + 1000) },
    ];
    await db.insert(loginThrottle).values(rows);
    expect(await pruneLoginThrottle(db, now)).toBe(5);
    expect(await keysLeft(db, rows.map((r) => r.key))).toEqual(
      ["account:live@test.example", "known:live@test.example|192.0.2.1", "pair:blocked@test.example|192.0.2.1", "pair:live@test.example|192.0.2.1"].sort(),
    );
  });

  it("deletes a bounded batch at a time", async () => {
    const db = await testDb();
    const now = new Date("2027-02-10T12:00:00Z");
    const old = new Date(now.getTime() - minutes(60));
    const keys = Array.from({ length: 12 }, (_, i) => `pair:batch-${i}@test.example|192.0.2.9`);
    await db.insert(loginThrottle).values(keys.map((key) => ({ key, failures: 1, windowStartedAt: old })));
    const before = (await db.select().from(loginThrottle)).length;
    expect(await pruneLoginThrottle(db, now, 5)).toBe(5);
    expect(await db.select().from(loginThrottle)).toHaveLength(before - 5);
    await pruneLoginThrottle(db, now);
    expect(await keysLeft(db, keys)).toEqual([]);
  });

  it("runs from the sign-in path at most once a minute", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2030-01-01T08:00:00Z");
    const stale = (n: number) => ({ key: `pair:stale-${n}@test.example|192.0.2.3`, failures: 2, windowStartedAt: new Date(now.getTime() - minutes(120)) });
    await db.insert(loginThrottle).values(stale(1));
    await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.3" }, now);
    expect(await keysLeft(db, [stale(1).key])).toEqual([]);

    await db.insert(loginThrottle).values(stale(2));
    await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.3" }, new Date(now.getTime() + 10_000));
    expect(await keysLeft(db, [stale(2).key])).toEqual([stale(2).key]);
    await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.3" }, new Date(now.getTime() + minutes(1) + 1000));
    expect(await keysLeft(db, [stale(2).key])).toEqual([]);
  });
});
