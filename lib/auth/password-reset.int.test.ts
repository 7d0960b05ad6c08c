import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { loginThrottle, notifications, passwordResetTokens, users } from "@/db/schema";
import { resendSender } from "@/lib/notify/providers/email";
import { changeOwnPassword } from "@/lib/org/profile-commands";
import { testDb } from "@/lib/testing/db";
import { startFakeProviders, type FakeProviders } from "@/lib/testing/fake-providers";
import { FACTORY_PASSWORD, makeUser } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { verifyPassword } from "./password";
import { RESET_LINK_MINUTES, admitResetRequest, hashResetToken, resetLinkState, resetPasswordWithLink, sendPasswordReset } from "./password-reset";
import { resetPasswordInput } from "./schema";
import { liveSession, startSession } from "./sessions";
import { RESET_ACCOUNT_RULE, RESET_ADDRESS_RULE } from "./throttle";
import { loadAccount } from "./viewer";

const APP_URL = "https://baton.test.example";
const lifetime = { absoluteHours: 168, idleHours: 12 };
const MINUTE = 60_000;
let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => {
  await fake.close();
});

const sender = () => resendSender({ apiKey: "re_test", from: "Baton <baton@test.example>", baseUrl: fake.url });
const inbox = (email: string) => fake.emails.filter((m) => m.to.includes(email));

/** Asks for a link for `email` and returns the token read off the e-mail the person received. */
async function requestLink(db: Db, email: string, now = new Date()): Promise<string> {
  const before = inbox(email).length;
  expect(await sendPasswordReset(db, { email, appUrl: APP_URL, sender: sender() }, now)).toEqual({ sent: true });
  const mail = inbox(email)[before];
  const match = mail?.text?.match(new RegExp(`${APP_URL}/reset-password/([\\w-]+)`));
  if (!match) throw new Error(`no reset link in the e-mail to ${email}`);
  return match[1]!;
}

async function everythingStoredAbout(db: Db, userId: string): Promise<string> {
  const rows = await Promise.all([
    db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)),
    db.select().from(notifications).where(eq(notifications.recipientId, userId)),
    db.select().from(users).where(eq(users.id, userId)),
    db.select().from(loginThrottle),
  ]);
  return JSON.stringify(rows);
}

describe("password reset by e-mail", () => {
  it("e-mails an active person a link in their language; only the token's hash is stored, nowhere else", async () => {
    const db = await testDb();
    const person = await makeUser(db, { locale: "en", name: "Anna Reset" });
    const now = new Date();
    const token = await requestLink(db, person.email, now);
    const [mail] = inbox(person.email);
    expect(mail!.subject).toBe("Set a new Baton password");
    expect(mail!.text).toContain("Anna Reset");
    expect(mail!.text).toContain(`${RESET_LINK_MINUTES} minutes`);
    // The idempotency key names the row, not the token.
    expect(mail!.idempotencyKey).not.toContain(token);

    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, person.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashResetToken(token));
    expect(rows[0]!.expiresAt.getTime() - now.getTime()).toBe(RESET_LINK_MINUTES * MINUTE);
    expect(await everythingStoredAbout(db, person.id)).not.toContain(token);

    const polish = await makeUser(db, { locale: "pl" });
    await requestLink(db, polish.email);
    expect(inbox(polish.email)[0]!.subject).toBe("Ustaw nowe hasło do Batona");
  });

  it("sends nothing for an unknown address, a deactivated account or one without a password, and stores nothing", async () => {
    const db = await testDb();
    const gone = await makeUser(db, { active: false });
    const ssoOnly = await makeUser(db, { passwordHash: null });
    const unknown = `nobody-${randomUUID()}@test.example`;
    for (const email of [unknown, gone.email, ssoOnly.email]) {
      expect(await sendPasswordReset(db, { email, appUrl: APP_URL, sender: sender() }, new Date())).toEqual({ sent: false });
      expect(inbox(email)).toEqual([]);
    }
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResetTokens)
      .where(sql`${passwordResetTokens.userId} IN (${gone.id}, ${ssoOnly.id})`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("sets the new password once, ends every session, clears the admin's flag and tells the person", async () => {
    const db = await testDb();
    const person = await makeUser(db, { mustChangePassword: true });
    const sessions = [(await startSession(db, person.id, lifetime))!, (await startSession(db, person.id, lifetime))!];
    const token = await requestLink(db, person.email);
    expect(await resetLinkState(db, token, new Date())).toBe("valid");

    await resetPasswordWithLink(db, { token, password: "a brand new password" }, new Date());
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(row!.passwordHash, "a brand new password")).toBe(true);
    expect(row!.mustChangePassword).toBe(false);
    expect(row!.sessionVersion).toBe(person.sessionVersion + 1);
    for (const s of sessions) expect(await liveSession(db, s.id)).toBeNull();
    const [link] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, person.id));
    expect(link!.usedAt).not.toBeNull();
    const notices = await db.select().from(notifications).where(eq(notifications.recipientId, person.id));
    expect(notices.map((n) => [n.kind, n.channel])).toEqual([["auth.passwordReset", "email"]]);
    expect(JSON.stringify(notices)).not.toContain(token);

    // Used once: the second try and the page both say the link no longer works.
    await expect(resetPasswordWithLink(db, { token, password: "another new password" }, new Date())).rejects.toMatchObject({
      code: "invalid",
      message: "auth.reset.linkInvalid",
    });
    expect(await resetLinkState(db, token, new Date())).toBe("invalid");
    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(after!.passwordHash, "a brand new password")).toBe(true);
  });

  it("refuses an expired link, a superseded one, an unknown one and one whose person was deactivated", async () => {
    const db = await testDb();
    const person = await makeUser(db);
    const t0 = new Date();
    const first = await requestLink(db, person.email, t0);
    expect(await resetLinkState(db, first, new Date(t0.getTime() + RESET_LINK_MINUTES * MINUTE - 1000))).toBe("valid");
    const late = new Date(t0.getTime() + RESET_LINK_MINUTES * MINUTE);
    expect(await resetLinkState(db, first, late)).toBe("invalid");
    await expect(resetPasswordWithLink(db, { token: first, password: "too late password" }, late)).rejects.toMatchObject({ code: "invalid" });

    const second = await requestLink(db, person.email, t0);
    const third = await requestLink(db, person.email, t0);
    await expect(resetPasswordWithLink(db, { token: second, password: "superseded password" }, t0)).rejects.toMatchObject({ code: "invalid" });
    await expect(resetPasswordWithLink(db, { token: "not-a-token", password: "unknown password" }, t0)).rejects.toMatchObject({ code: "invalid" });

    await db.update(users).set({ active: false }).where(eq(users.id, person.id));
    expect(await resetLinkState(db, third, t0)).toBe("invalid");
    await expect(resetPasswordWithLink(db, { token: third, password: "deactivated password" }, t0)).rejects.toMatchObject({ code: "invalid" });
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(await verifyPassword(row!.passwordHash, FACTORY_PASSWORD)).toBe(true);
  });

  it("applies the rules of every new password", () => {
    const base = { token: "t".repeat(43), newPassword: "long enough password", confirmPassword: "long enough password" };
    expect(resetPasswordInput.safeParse(base).success).toBe(true);
    expect(resetPasswordInput.safeParse({ ...base, newPassword: "short", confirmPassword: "short" }).error?.issues[0]?.message).toBe("passwordTooShort");
    expect(resetPasswordInput.safeParse({ ...base, confirmPassword: "something else!" }).error?.issues[0]?.message).toBe("settings.errors.passwordMismatch");
  });

  it("throttles per address asked for and per client address, the same whether the account exists or not", async () => {
    const db = await testDb();
    const person = await makeUser(db);
    const unknown = `nobody-${randomUUID()}@test.example`;
    const now = new Date();
    for (const email of [person.email, unknown]) {
      const answers = [];
      for (let i = 0; i < RESET_ACCOUNT_RULE.maxAttempts + 1; i++) answers.push(await admitResetRequest(db, email, `198.51.100.${i}`, now));
      expect(answers).toEqual([...Array(RESET_ACCOUNT_RULE.maxAttempts).fill(true), false]);
      // An hour later the address may ask again.
      expect(await admitResetRequest(db, email, "198.51.100.99", new Date(now.getTime() + 61 * MINUTE))).toBe(true);
    }
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const answers = [];
    for (let i = 0; i < RESET_ADDRESS_RULE.maxAttempts + 1; i++) answers.push(await admitResetRequest(db, `spray-${i}-${randomUUID()}@test.example`, ip, now));
    expect(answers).toEqual([...Array(RESET_ADDRESS_RULE.maxAttempts).fill(true), false]);
  });
});

describe("first-login password change", () => {
  it("the session and the account say the person must change the password; changing it clears that", async () => {
    const db = await testDb();
    const person = await makeUser(db, { mustChangePassword: true });
    const session = (await startSession(db, person.id, lifetime))!;
    expect(await liveSession(db, session.id)).toMatchObject({ mustChangePassword: true });
    expect(await loadAccount(db, person.id)).toMatchObject({ mustChangePassword: true, viewer: { id: person.id } });

    await perform(db, person.viewer, changeOwnPassword, {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "my very own password",
      confirmPassword: "my very own password",
    });
    expect(await loadAccount(db, person.id)).toMatchObject({ mustChangePassword: false });
    expect(await liveSession(db, session.id)).toBeNull();
    const fresh = (await startSession(db, person.id, lifetime))!;
    expect(await liveSession(db, fresh.id)).toMatchObject({ mustChangePassword: false });
  });
});
