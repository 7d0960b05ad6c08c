import { eq } from "drizzle-orm";
import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { sessionOfToken } from "./session-token";
import { revokeSession, startSession } from "./sessions";

const secret = "int-secret-int-secret-int-secret-0123456789";
const salt = "authjs.session-token";
const lifetime = { absoluteHours: 168, idleHours: 12 };

async function signedIn(db: Awaited<ReturnType<typeof testDb>>, overrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await makeUser(db, overrides);
  const session = (await startSession(db, user.id, lifetime))!;
  const token = await encode({ secret, salt, token: { uid: user.id, sid: session.id } });
  return { user, session, token };
}

describe("the session check of proxy.ts and every page", () => {
  it("answers the live session with its person, as the database has them", async () => {
    const db = await testDb();
    const { user, token } = await signedIn(db, { locale: "en", timeZone: "Asia/Tokyo" });
    const live = await sessionOfToken(db, token, secret, salt);
    expect(live).toMatchObject({ userId: user.id, mustChangePassword: false });
    expect(live!.viewer).toEqual(user.viewer);
  });

  it("refuses a revoked session, a deactivated person and a changed password on the next request", async () => {
    const db = await testDb();
    const revoked = await signedIn(db);
    await revokeSession(db, revoked.session.id);
    expect(await sessionOfToken(db, revoked.token, secret, salt)).toBeNull();

    const deactivated = await signedIn(db);
    await db.update(users).set({ active: false }).where(eq(users.id, deactivated.user.id));
    expect(await sessionOfToken(db, deactivated.token, secret, salt)).toBeNull();

    const bumped = await signedIn(db);
    await db
      .update(users)
      .set({ sessionVersion: bumped.user.sessionVersion + 1 })
      .where(eq(users.id, bumped.user.id));
    expect(await sessionOfToken(db, bumped.token, secret, salt)).toBeNull();
  });

  it("says when an admin's password must be replaced first", async () => {
    const db = await testDb();
    const { token } = await signedIn(db, { mustChangePassword: true });
    expect(await sessionOfToken(db, token, secret, salt)).toMatchObject({ mustChangePassword: true });
  });

  it("refuses a token of another secret or cookie, an expired or tampered one, and one naming another person's session", async () => {
    const db = await testDb();
    const mine = await signedIn(db);
    const theirs = await signedIn(db);
    expect(await sessionOfToken(db, mine.token, `${secret}-other`, salt)).toBeNull();
    expect(await sessionOfToken(db, mine.token, secret, `__Secure-${salt}`)).toBeNull();
    expect(await sessionOfToken(db, `${mine.token.slice(0, -4)}AAAA`, secret, salt)).toBeNull();
    expect(await sessionOfToken(db, "not a token", secret, salt)).toBeNull();

    const expired = await encode({ secret, salt, maxAge: -60, token: { uid: mine.user.id, sid: mine.session.id } });
    expect(await sessionOfToken(db, expired, secret, salt)).toBeNull();

    const crossed = await encode({ secret, salt, token: { uid: mine.user.id, sid: theirs.session.id } });
    expect(await sessionOfToken(db, crossed, secret, salt)).toBeNull();
    const noSession = await encode({ secret, salt, token: { uid: mine.user.id } });
    expect(await sessionOfToken(db, noSession, secret, salt)).toBeNull();
  });
});
