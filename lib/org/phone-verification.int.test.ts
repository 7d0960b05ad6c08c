import { randomInt, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { devMessages, notificationDeliveries, phoneVerificationCodes, users } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import { sendDelivery, deliveryPlan } from "@/lib/notify/deliver";
import { writeOutbox } from "@/lib/notify/outbox";
import { devMailboxEmail, devMailboxSms } from "@/lib/notify/providers/dev-mailbox";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { sendPhoneCodeAction, updateProfileAction, updateUserAction, verifyPhoneAction } from "./actions";
import { PHONE_CODE_RULES, sendPhoneCode, verifyPhone } from "./phone-verification";
import { unitOf } from "@/lib/testing/perform";

/** A fresh number per test: test files share one database, so they must never share limits or owners. */
function freshPhone(): string {
  return `+486${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

async function userRow(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

/** The code in the newest SMS that reached this number (the development mailbox keeps it). */
async function lastCodeSentTo(db: Db, phone: string): Promise<string> {
  const rows = await db
    .select()
    .from(devMessages)
    .where(and(eq(devMessages.recipient, phone), eq(devMessages.channel, "sms")));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const code = newest?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

async function smsCountTo(db: Db, phone: string): Promise<number> {
  return (
    await db
      .select()
      .from(devMessages)
      .where(and(eq(devMessages.recipient, phone), eq(devMessages.channel, "sms")))
  ).length;
}

const profileWith = (phone: string) => ({ name: "Jan Test", phone, timeZone: "Europe/Warsaw", locale: "pl", workingMode: "field" }) as const;

describe("SMS only to verified numbers", () => {
  it("routes no SMS to an unverified number, and records why", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const user = await makeUser(db, { phone, workingMode: "field" });
    const [id] = await db.transaction((tx) =>
      writeOutbox(unitOf(tx), [{ recipientId: user.id, kind: "task.assigned", priority: "urgent", title: "Pilne", dedupeKey: `t:${randomUUID()}` }]),
    );
    expect((await deliveryPlan(db, id!)).map((d) => d.channel)).not.toContain("sms");
    const [sms] = await db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.notificationId, id!), eq(notificationDeliveries.channel, "sms")));
    expect(sms).toMatchObject({ status: "skipped", reason: "phone_unverified" });
    expect(await smsCountTo(db, phone)).toBe(0);
  });

  it("does not send a planned SMS once the number has changed and lost its verification", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const user = await makeUser(db, { phone, phoneVerifiedAt: new Date(), workingMode: "field" });
    const [id] = await db.transaction((tx) =>
      writeOutbox(unitOf(tx), [{ recipientId: user.id, kind: "task.assigned", priority: "urgent", title: "Pilne", dedupeKey: `t:${randomUUID()}` }]),
    );
    const planned = (await deliveryPlan(db, id!)).find((d) => d.channel === "sms")!;
    const other = freshPhone();
    actAs(user.viewer);
    expect(await updateProfileAction(profileWith(other))).toMatchObject({ ok: true });
    expect(await userRow(db, user.id)).toMatchObject({ phone: other, phoneVerifiedAt: null });
    const rt = { db, appUrl: "https://baton.test", providers: { email: devMailboxEmail(db), sms: devMailboxSms(db), push: null } };
    expect(await sendDelivery(rt, planned.id)).toMatchObject({ status: "skipped", reason: "phone_unverified" });
    expect((await smsCountTo(db, phone)) + (await smsCountTo(db, other))).toBe(0);
  });
});

describe("verifying a phone number by SMS code", () => {
  it("sends a code through the SMS provider, stores only its hash, verifies once with it", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const phone = freshPhone();
    actAs(me.viewer);
    expect(await updateProfileAction(profileWith(phone))).toMatchObject({ ok: true });
    expect((await userRow(db, me.id)).phoneVerifiedAt).toBeNull();
    expect(await verifyPhoneAction({ code: "123456" })).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });

    expect(await sendPhoneCodeAction({})).toMatchObject({ ok: true });
    const code = await lastCodeSentTo(db, phone);
    const [stored] = await db.select().from(phoneVerificationCodes).where(eq(phoneVerificationCodes.userId, me.id));
    expect(stored!.codeHash).not.toContain(code);
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(PHONE_CODE_RULES.validForMs);

    expect(await verifyPhoneAction({ code: "12ab56" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await verifyPhoneAction({ code })).toMatchObject({ ok: true });
    expect((await userRow(db, me.id)).phoneVerifiedAt).not.toBeNull();

    // Single use: away from the number and back, the same code proves nothing any more.
    expect(await updateProfileAction(profileWith(freshPhone()))).toMatchObject({ ok: true });
    expect(await updateProfileAction(profileWith(phone))).toMatchObject({ ok: true });
    expect((await userRow(db, me.id)).phoneVerifiedAt).toBeNull();
    expect(await verifyPhoneAction({ code })).toMatchObject({ ok: false, code: "invalid" });
    expect((await userRow(db, me.id)).phoneVerifiedAt).toBeNull();
  });

  it("keeps the verification when the profile is saved with the same number, and an admin's change of number clears it", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const phone = freshPhone();
    const me = await makeUser(db, { phone, phoneVerifiedAt: new Date() });
    actAs(me.viewer);
    expect(await updateProfileAction(profileWith(phone))).toMatchObject({ ok: true });
    expect((await userRow(db, me.id)).phoneVerifiedAt).not.toBeNull();
    actAs(admin.viewer);
    const row = await userRow(db, me.id);
    const edit = {
      id: me.id,
      name: row.name,
      email: row.email,
      phone: freshPhone(),
      role: row.role,
      title: null,
      departmentId: null,
      teamIds: [],
      supervisorId: null,
      timeZone: row.timeZone,
      locale: row.locale,
      workingMode: row.workingMode,
      active: true,
      newPassword: "",
    };
    expect(await updateUserAction(edit)).toMatchObject({ ok: true });
    expect(await userRow(db, me.id)).toMatchObject({ phone: edit.phone, phoneVerifiedAt: null });
  });

  it("stops accepting guesses after a few wrong codes, and an expired code never works", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const me = await makeUser(db, { phone });
    const sms = devMailboxSms(db);
    const t0 = new Date("2026-12-01T09:00:00Z");
    await sendPhoneCode(db, me.viewer, sms, { now: t0 });
    const code = await lastCodeSentTo(db, phone);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < PHONE_CODE_RULES.wrongGuesses; i++) {
      await expect(perform(db, me.viewer, verifyPhone, { code: wrong }, { now: t0 })).rejects.toMatchObject({
        fieldErrors: { code: [expect.stringMatching(/wrongCode|codeLocked/)] },
      });
    }
    await expect(perform(db, me.viewer, verifyPhone, { code }, { now: t0 })).rejects.toMatchObject({ message: "settings.errors.codeLocked" });
    expect((await userRow(db, me.id)).phoneVerifiedAt).toBeNull();

    const t1 = new Date(t0.getTime() + 2 * 60_000);
    await sendPhoneCode(db, me.viewer, sms, { now: t1 });
    const fresh = await lastCodeSentTo(db, phone);
    const late = new Date(t1.getTime() + PHONE_CODE_RULES.validForMs + 1);
    await expect(perform(db, me.viewer, verifyPhone, { code: fresh }, { now: late })).rejects.toMatchObject({ message: "settings.errors.codeExpired" });
    expect((await userRow(db, me.id)).phoneVerifiedAt).toBeNull();
    await expect(perform(db, me.viewer, verifyPhone, { code: fresh }, { now: new Date(t1.getTime() + 60_000) })).resolves.toEqual({ verified: true });
  });

  it("a second person can neither verify with someone else's code nor take a number another active person verified", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const owner = await makeUser(db, { phone });
    const other = await makeUser(db, { phone });
    const sms = devMailboxSms(db);
    await sendPhoneCode(db, owner.viewer, sms);
    const code = await lastCodeSentTo(db, phone);
    await expect(perform(db, other.viewer, verifyPhone, { code })).rejects.toMatchObject({ message: "settings.errors.codeExpired" });
    expect((await userRow(db, other.id)).phoneVerifiedAt).toBeNull();
    await expect(perform(db, owner.viewer, verifyPhone, { code })).resolves.toEqual({ verified: true });

    // The number is now the owner's: the other person gets no code for it and cannot save it anew.
    await expect(sendPhoneCode(db, other.viewer, sms)).rejects.toMatchObject({ message: "phoneTaken" });
    const third = await makeUser(db);
    actAs(third.viewer);
    const r = await updateProfileAction(profileWith(phone));
    expect(r).toMatchObject({ ok: false, code: "conflict", fieldErrors: { phone: ["This number is already verified by another active user."] } });
    expect((await userRow(db, third.id)).phone).toBeNull();
    // The database holds the rule too.
    await expect(db.update(users).set({ phoneVerifiedAt: new Date() }).where(eq(users.id, other.id))).rejects.toMatchObject({ cause: { code: "23505" } });
    // Once the owner is deactivated the number is free again.
    await db.update(users).set({ active: false }).where(eq(users.id, owner.id));
    expect(await updateProfileAction(profileWith(phone))).toMatchObject({ ok: true });
  });

  it("sends one code for a parallel burst, and a few per hour per person and per number", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const me = await makeUser(db, { phone });
    const sms = devMailboxSms(db);
    const t0 = new Date("2026-12-02T09:00:00Z");
    const burst = await Promise.allSettled(Array.from({ length: 6 }, () => sendPhoneCode(db, me.viewer, sms, { now: t0 })));
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of burst) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(Conflict);
    expect(await smsCountTo(db, phone)).toBe(1);

    for (let i = 1; i < PHONE_CODE_RULES.perHour; i++) await sendPhoneCode(db, me.viewer, sms, { now: new Date(t0.getTime() + i * 61_000) });
    await expect(sendPhoneCode(db, me.viewer, sms, { now: new Date(t0.getTime() + PHONE_CODE_RULES.perHour * 61_000) })).rejects.toMatchObject({
      message: "settings.errors.tooManyCodes",
    });
    expect(await smsCountTo(db, phone)).toBe(PHONE_CODE_RULES.perHour);

    // Another account with the same number does not get a fresh allowance for it.
    const twin = await makeUser(db, { phone });
    await expect(sendPhoneCode(db, twin.viewer, sms, { now: new Date(t0.getTime() + 10 * 61_000) })).rejects.toMatchObject({
      message: "settings.errors.tooManyCodes",
    });
    // An hour later the number may get codes again.
    await expect(sendPhoneCode(db, twin.viewer, sms, { now: new Date(t0.getTime() + 3_700_000) })).resolves.toBeTruthy();
  });

  it("prunes a person's and a number's codes once they are a day old, keeping the recent ones", async () => {
    const db = await testDb();
    const phone = freshPhone();
    const me = await makeUser(db, { phone });
    const sms = devMailboxSms(db);
    const t0 = new Date("2026-12-02T09:00:00Z");
    await sendPhoneCode(db, me.viewer, sms, { now: t0 });
    await sendPhoneCode(db, me.viewer, sms, { now: new Date(t0.getTime() + 23 * 3_600_000) });
    const codesOf = async () =>
      (await db.select().from(phoneVerificationCodes).where(eq(phoneVerificationCodes.userId, me.id))).map((r) => r.createdAt.toISOString());
    expect(await codesOf()).toHaveLength(2);
    await sendPhoneCode(db, me.viewer, sms, { now: new Date(t0.getTime() + 25 * 3_600_000) });
    expect((await codesOf()).sort()).toEqual([new Date(t0.getTime() + 23 * 3_600_000).toISOString(), new Date(t0.getTime() + 25 * 3_600_000).toISOString()]);
  });

  it("refuses a signed-out caller and a person with no number", async () => {
    const db = await testDb();
    actAs(null);
    expect(await sendPhoneCodeAction({})).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await verifyPhoneAction({ code: "123456" })).toMatchObject({ ok: false, code: "unauthenticated" });
    const me = await makeUser(db);
    actAs(me.viewer);
    expect(await sendPhoneCodeAction({})).toMatchObject({ ok: false, code: "invalid", fieldErrors: { phone: [expect.any(String)] } });
  });
});
