import { eq } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { authSessions, users } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { changeOwnPassword } from "@/lib/org/profile-commands";
import { hashSessionId, liveSession, pruneSessions, revokeSession, startSession, type SessionLifetime } from "./sessions";

const lifetime: SessionLifetime = { absoluteHours: 168, idleHours: 12 };
const hour = 3600 * 1000;
const t0 = new Date("2026-03-28T08:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * hour);

describe("server-side sessions", () => {
  it("a started session is live until it is revoked; revoking one leaves another user's session alone", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const other = await makeUser(db);
    const mine = (await startSession(db, me.id, lifetime, t0))!;
    const theirs = (await startSession(db, other.id, lifetime, t0))!;
    expect(await liveSession(db, mine.id, at(1))).toMatchObject({ userId: me.id });

    await revokeSession(db, mine.id, at(2));
    expect(await liveSession(db, mine.id, at(2))).toBeNull();
    expect(await liveSession(db, theirs.id, at(2))).toMatchObject({ userId: other.id });
  });

  it("stores only a hash of the id, so the cookie's id is nowhere in the database", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const started = (await startSession(db, me.id, lifetime, t0))!;
    const rows = await db.select().from(authSessions).where(eq(authSessions.userId, me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).toBe(hashSessionId(started.id));
    expect(JSON.stringify(rows)).not.toContain(started.id);
  });

  it("ends a session at its absolute lifetime even while it is used all the time", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const started = (await startSession(db, me.id, lifetime, t0))!;
    expect(started.expiresAt).toEqual(at(168));
    for (let h = 6; h < 168; h += 6) expect(await liveSession(db, started.id, at(h))).not.toBeNull();
    expect(await liveSession(db, started.id, at(168))).toBeNull();
    expect(await liveSession(db, started.id, at(169))).toBeNull();
  });

  it("ends every session of a user who changes password or is deactivated", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const before = (await startSession(db, me.id, lifetime, new Date()))!;
    await perform(db, me.viewer, changeOwnPassword, {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "a much better one",
      confirmPassword: "a much better one",
    });
    expect(await liveSession(db, before.id)).toBeNull();

    const after = (await startSession(db, me.id, lifetime, new Date()))!;
    expect(await liveSession(db, after.id)).not.toBeNull();
    await db.update(users).set({ active: false }).where(eq(users.id, me.id));
    expect(await liveSession(db, after.id)).toBeNull();
  });

  it("refuses to start a session for an inactive or unknown user, and writes nothing", async () => {
    const db = await testDb();
    const inactive = await makeUser(db, { active: false });
    expect(await startSession(db, inactive.id, lifetime, t0)).toBeNull();
    expect(await startSession(db, "00000000-0000-4000-8000-000000000000", lifetime, t0)).toBeNull();
    expect(await db.select().from(authSessions).where(eq(authSessions.userId, inactive.id))).toEqual([]);
  });

  it("an unknown or forged id is not a session", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const started = (await startSession(db, me.id, lifetime, t0))!;
    expect(await liveSession(db, "made-up", at(1))).toBeNull();
    expect(await liveSession(db, hashSessionId(started.id), at(1))).toBeNull();
  });

  it("prunes expired, long-idle and long-revoked rows and keeps the live ones", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const expired = (await startSession(db, me.id, lifetime, at(-200)))!;
    const idle = (await startSession(db, me.id, lifetime, at(-20)))!;
    const revoked = (await startSession(db, me.id, lifetime, at(-30)))!;
    await revokeSession(db, revoked.id, at(-29));
    const justRevoked = (await startSession(db, me.id, lifetime, at(-1)))!;
    await revokeSession(db, justRevoked.id, at(-1));
    const live = (await startSession(db, me.id, lifetime, at(-11)))!;

    await pruneSessions(db, lifetime, t0);
    const left = (await db.select({ idHash: authSessions.idHash }).from(authSessions).where(eq(authSessions.userId, me.id))).map((r) => r.idHash);
    expect(left.sort()).toEqual([hashSessionId(justRevoked.id), hashSessionId(live.id)].sort());
    for (const gone of [expired, idle, revoked]) expect(left).not.toContain(hashSessionId(gone.id));
  });
});
