import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { loginThrottle, notificationDeliveries, notifications } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { withClientAddress } from "./forwarded-address.mjs";
import { ACCOUNT_RULE, ADDRESS_RULE, KNOWN_PAIR_MS, PAIR_RULE, accountKey, addressKey, pairKey } from "./throttle";
import { pruneLoginThrottle } from "./throttle-prune";

// Everything that calls authenticate() lives in this one file: sign-in prunes the shared
// login_throttle table, and tests within a file run one after another.

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

// Every attempt verifies a production-strength argon2 hash (an unknown e-mail too, so both take the
// same time): the tests that make a hundred attempts take 10 to 20 s alone, more beside another file.
describe("authenticate", { timeout: 120_000 }, () => {
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
    expect(await authenticate(db, { email: owner.email, password: FACTORY_PASSWORD, ip: "198.51.100.5" }, now)).toMatchObject({
      ok: true,
      user: { id: owner.id },
    });
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

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/**
 * The listener server.mjs puts in front of Next, with a sign-in attempt behind it reading the
 * address the way the app does.
 */
async function signInServer(trustedProxies: number, email: string, now: Date) {
  const db = await testDb();
  server = createServer(
    withClientAddress((req, res) => {
      const address = clientAddress(toHeaders(req.headers));
      void authenticate(db, { email, password: "wrong guess", ip: address }, now).then((result) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ address, result }));
      });
    }, trustedProxies),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return (headers: Record<string, string>) =>
    new Promise<{ address: string | null; result: { ok: boolean; reason?: string } }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/api/auth/callback/credentials", method: "POST", headers }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(JSON.parse(body)));
      });
      req.on("error", reject);
      req.end();
    });
}

describe("the client address behind server.mjs", () => {
  it("with no trusted proxy, a forged X-Forwarded-For or address header changes nothing", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2026-04-14T10:00:00Z");
    const attempt = await signInServer(0, user.email, now);
    const answers = [];
    for (let i = 0; i < PAIR_RULE.maxAttempts + 1; i++) {
      answers.push(await attempt({ "x-forwarded-for": `198.51.100.${i + 1}`, "x-baton-client-address": `192.0.2.${i + 1}`, "x-real-ip": "192.0.2.250" }));
    }
    expect(new Set(answers.map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
    // One pair for all of them: the forged addresses did not buy fresh guesses.
    expect(answers.at(-1)?.result).toEqual({ ok: false, reason: "throttled" });
    const [pair] = await db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(user.email, "127.0.0.1")));
    expect(pair?.failures).toBe(PAIR_RULE.maxAttempts + 1);
    const [forged] = await db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(user.email, "198.51.100.1")));
    expect(forged).toBeUndefined();
  });

  it("with one trusted proxy, takes the entry that proxy appended, not what the client prepended", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const attempt = await signInServer(1, user.email, new Date("2026-04-15T10:00:00Z"));
    expect((await attempt({ "x-forwarded-for": "6.6.6.6, 192.0.2.44" })).address).toBe("192.0.2.44");
    expect((await attempt({ "x-forwarded-for": "192.0.2.45" })).address).toBe("192.0.2.45");
    const [pair] = await db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, pairKey(user.email, "192.0.2.44")));
    expect(pair?.failures).toBe(1);
  });
});

const minutes = (n: number) => n * 60_000;

async function keysLeft(db: Db, keys: string[]): Promise<string[]> {
  const rows = await db.select({ key: loginThrottle.key }).from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return rows.map((r) => r.key).sort();
}

describe("pruning the login throttle", () => {
  it("deletes rows whose window and block have ended, and keeps the rest", async () => {
    const db = await testDb();
    const now = new Date("2025-01-10T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const rows: (typeof loginThrottle.$inferInsert)[] = [
      { key: "pair:old@test.example|192.0.2.1", failures: 3, windowStartedAt: ago(PAIR_RULE.windowMs + 1000) },
      { key: "pair:live@test.example|192.0.2.1", failures: 3, windowStartedAt: ago(PAIR_RULE.windowMs - minutes(1)) },
      {
        key: "pair:blocked@test.example|192.0.2.1",
        failures: 9,
        windowStartedAt: ago(PAIR_RULE.windowMs * 3),
        blockedUntil: new Date(now.getTime() + minutes(5)),
      },
      { key: "pair:was-blocked@test.example|192.0.2.1", failures: 9, windowStartedAt: ago(PAIR_RULE.windowMs * 3), blockedUntil: ago(1000) },
      { key: "ip:192.0.2.1", failures: 3, windowStartedAt: ago(minutes(16)) },
      // The account window is an hour: twenty minutes old is still live.
      { key: "account:live@test.example", failures: 40, windowStartedAt: ago(minutes(20)) },
      { key: "account:old@test.example", failures: 40, windowStartedAt: ago(ACCOUNT_RULE.windowMs + 1000) },
      { key: "known:live@test.example|192.0.2.1", failures: 0, windowStartedAt: ago(KNOWN_PAIR_MS - minutes(60)) },
      { key: "known:old@test.example|192.0.2.1", failures: 0, windowStartedAt: ago(KNOWN_PAIR_MS + 1000) },
    ];
    await db.insert(loginThrottle).values(rows);
    // Other test files share the database: their ended rows may go too.
    expect(await pruneLoginThrottle(db, now)).toBeGreaterThanOrEqual(5);
    expect(
      await keysLeft(
        db,
        rows.map((r) => r.key),
      ),
    ).toEqual(
      ["account:live@test.example", "known:live@test.example|192.0.2.1", "pair:blocked@test.example|192.0.2.1", "pair:live@test.example|192.0.2.1"].sort(),
    );
  });

  it("deletes a bounded batch at a time", async () => {
    const db = await testDb();
    const now = new Date("2025-02-10T12:00:00Z");
    const old = new Date(now.getTime() - minutes(60));
    const keys = Array.from({ length: 12 }, (_, i) => `pair:batch-${i}@test.example|192.0.2.9`);
    await db.insert(loginThrottle).values(keys.map((key) => ({ key, failures: 1, windowStartedAt: old })));
    expect(await pruneLoginThrottle(db, now, 5)).toBe(5);
    expect((await keysLeft(db, keys)).length).toBeGreaterThanOrEqual(keys.length - 5);
    await pruneLoginThrottle(db, now);
    expect(await keysLeft(db, keys)).toEqual([]);
  });

  it("runs from the sign-in path at most once a minute", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const now = new Date("2024-01-01T08:00:00Z");
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
