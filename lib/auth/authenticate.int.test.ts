import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { loginThrottle, notificationDeliveries, notifications } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { ACCOUNT_RULE, ADDRESS_RULE, PAIR_RULE, accountKey, addressKey, pairKey } from "./throttle";

async function throttleRow(db: Db, key: string) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row;
}

async function failedSignInNotices(db: Db, userId: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.kind, "auth.failedSignIns")));
}

/** Distinct documentation-range addresses, one per guessing machine. */
function attackerAddress(i: number): string {
  return `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

describe("authenticate", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const result = await authenticate(db, { email: user.email.toUpperCase(), password: FACTORY_PASSWORD, ip: "10.0.0.1" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers the same for an unknown e-mail, a wrong password and an inactive account", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const wrong = await authenticate(db, { email: user.email, password: "nope-nope-nope", ip: null });
    const unknown = await authenticate(db, { email: "nobody@test.example", password: FACTORY_PASSWORD, ip: null });
    const off = await authenticate(db, { email: inactive.email, password: FACTORY_PASSWORD, ip: null });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(off).toEqual(wrong);
  });

  it("lets at most the pair limit of a parallel burst reach the password check", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-05-04T08:00:00Z");
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(db, { email: user.email, password: `guess-${i}`, ip: "198.51.100.20" }, now)),
    );
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(PAIR_RULE.maxAttempts);
    expect(burst.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - PAIR_RULE.maxAttempts);
    // Every attempt was counted on the pair; only the ones that went on reached the other keys.
    expect((await throttleRow(db, pairKey(user.email, "198.51.100.20")))?.failures).toBe(30);
    expect((await throttleRow(db, addressKey("198.51.100.20")))?.failures).toBe(PAIR_RULE.maxAttempts);
    expect((await throttleRow(db, accountKey(user.email)))?.failures).toBe(PAIR_RULE.maxAttempts);
    // Blocked: even the right password is refused without being checked.
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "198.51.100.20" }, now)).toEqual({ ok: false, reason: "throttled" });
  });

  it("blocks a pair after its limit, leaves the owner's other addresses alone, and lifts the block when it ends", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-03-29T00:30:00Z");
    for (let i = 0; i < PAIR_RULE.maxAttempts; i++) {
      expect(await authenticate(db, { email: user.email, password: `wrong-${i}`, ip: "192.0.2.66" }, now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.66" }, now)).toEqual({ ok: false, reason: "throttled" });
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "198.51.100.1" }, now)).toMatchObject({ ok: true });
    const later = new Date(now.getTime() + PAIR_RULE.blockMs + 1000);
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.66" }, later)).toMatchObject({ ok: true });
  });

  it("a success clears its own pair and does not unblock an attacker's pair", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-06-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await authenticate(db, { email: user.email, password: "typo", ip: "198.51.100.1" }, now);
    for (let i = 0; i < PAIR_RULE.maxAttempts + 1; i++) await authenticate(db, { email: user.email, password: "guess", ip: "192.0.2.99" }, now);
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "198.51.100.1" }, now)).toMatchObject({ ok: true });
    expect(await throttleRow(db, pairKey(user.email, "198.51.100.1"))).toBeUndefined();
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "192.0.2.99" }, now)).toEqual({ ok: false, reason: "throttled" });
  });

  it("an attacker with many addresses cannot lock the owner out of an address they signed in from", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const now = new Date("2026-07-01T09:00:00Z");
    expect(await authenticate(db, { email: owner.email, password: FACTORY_PASSWORD, ip: "198.51.100.5" }, now)).toMatchObject({ ok: true });
    const attempts = ACCOUNT_RULE.maxAttempts + 20;
    const results = [];
    for (let i = 0; i < attempts; i++) {
      results.push(await authenticate(db, { email: owner.email, password: `guess-${i}`, ip: attackerAddress(Math.floor(i / 4)) }, now));
    }
    // The account-wide limit caps the guesses whatever the number of addresses...
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ACCOUNT_RULE.maxAttempts);
    expect(await authenticate(db, { email: owner.email, password: FACTORY_PASSWORD, ip: "192.0.2.200" }, now)).toEqual({ ok: false, reason: "throttled" });
    // ...and the owner, at an address they used before, still gets in.
    expect(await authenticate(db, { email: owner.email, password: FACTORY_PASSWORD, ip: "198.51.100.5" }, now)).toMatchObject({ ok: true, user: { id: owner.id } });
  });

  it("tells the owner once per block when the account-wide limit trips, by e-mail", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { locale: "en", timeZone: "Europe/Warsaw" });
    const bystander = await makeUser(db);
    const now = new Date("2026-08-03T12:00:00Z");
    const guess = (i: number) => authenticate(db, { email: owner.email, password: `guess-${i}`, ip: attackerAddress(i) }, now);
    for (let i = 0; i < ACCOUNT_RULE.maxAttempts; i++) await guess(i);
    expect(await failedSignInNotices(db, owner.id)).toHaveLength(0);
    // The trip comes as a parallel burst: still one notice.
    await Promise.all(Array.from({ length: 10 }, (_, i) => guess(ACCOUNT_RULE.maxAttempts + i)));
    await guess(ACCOUNT_RULE.maxAttempts + 10);
    const notices = await failedSignInNotices(db, owner.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: "email", title: "Many failed sign-ins on your Baton account" });
    expect(notices[0]!.body).toContain(`${ACCOUNT_RULE.maxAttempts} sign-in attempts`);
    expect(notices[0]!.body).not.toMatch(/guess|203\.0\./);
    const deliveries = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notices[0]!.id));
    expect(deliveries.map((d) => d.channel)).toEqual(["email"]);
    expect(await failedSignInNotices(db, bystander.id)).toHaveLength(0);

    // After the block ends, a new block is a new notice.
    const later = new Date(now.getTime() + ACCOUNT_RULE.blockMs + 1000);
    for (let i = 0; i <= ACCOUNT_RULE.maxAttempts; i++) {
      await authenticate(db, { email: owner.email, password: "again", ip: attackerAddress(200 + i) }, later);
    }
    expect(await failedSignInNotices(db, owner.id)).toHaveLength(2);
  });

  it("throttles an unknown e-mail exactly like a known one, and writes no notice", async () => {
    const db = await testDb();
    const known = await makeUser(db);
    const unknownEmail = "no-such-person@test.example";
    const now = new Date("2026-09-09T09:00:00Z");
    const run = async (email: string) => {
      const out = [];
      for (let i = 0; i < PAIR_RULE.maxAttempts + 2; i++) out.push(await authenticate(db, { email, password: "guess", ip: "192.0.2.7" }, now));
      return out;
    };
    const forKnown = await run(known.email);
    const forUnknown = await run(unknownEmail);
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown.at(-1)).toEqual({ ok: false, reason: "throttled" });
    const before = await db.select().from(notifications);
    for (let i = 0; i <= ACCOUNT_RULE.maxAttempts; i++) await authenticate(db, { email: unknownEmail, password: "x", ip: attackerAddress(i) }, now);
    expect((await throttleRow(db, accountKey(unknownEmail)))?.blockedUntil).not.toBeNull();
    expect(await db.select().from(notifications)).toHaveLength(before.length);
  });

  it("blocks an address that tries many accounts", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-10-25T01:30:00Z");
    for (let i = 0; i < ADDRESS_RULE.maxAttempts; i++) {
      await authenticate(db, { email: `spray-${i}@test.example`, password: "x", ip: "203.0.113.9" }, now);
    }
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "203.0.113.9" }, now)).toEqual({ ok: false, reason: "throttled" });
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: "203.0.113.10" }, now)).toMatchObject({ ok: true });
  });

  it("with the address unknown, keeps one shared pair per account", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-11-11T11:00:00Z");
    for (let i = 0; i < PAIR_RULE.maxAttempts; i++) await authenticate(db, { email: user.email, password: "x", ip: null }, now);
    expect(await authenticate(db, { email: user.email, password: FACTORY_PASSWORD, ip: null }, now)).toEqual({ ok: false, reason: "throttled" });
    expect((await throttleRow(db, pairKey(user.email, null)))?.failures).toBe(PAIR_RULE.maxAttempts + 1);
    expect(await db.select().from(loginThrottle).where(like(loginThrottle.key, "ip:unknown%"))).toEqual([]);
  });
});
