import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { devMessages, notificationDeliveries, notifications } from "@/db/schema";
import { parseEnv } from "@/lib/config/env";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import type { Db } from "@/db";
import { sendDelivery, sendEmailBatch } from "./deliver";
import { disabledChannels } from "./deployment-channels";
import { planDeliveries } from "./plan";
import { configuredProviders } from "./runtime";

const vapid = webpush.generateVAPIDKeys();
const base = { NODE_ENV: "production", APP_URL: "https://baton.example.com", VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey };
const keys = { RESEND_API_KEY: "re_live", TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "token", TWILIO_FROM_NUMBER: "+48221234567" };
const switchedOff = parseEnv({ ...base, EMAIL_DELIVERY: "disabled", SMS_DELIVERY: "disabled" });

async function notification(db: Db, recipientId: string) {
  const [row] = await db
    .insert(notifications)
    .values({
      recipientId,
      kind: "task.assigned",
      priority: "urgent",
      title: "Awaria maszyny do lodu",
      link: "/tasks/abc",
      dedupeKey: `test:${randomUUID()}`,
      payload: { dueAt: "2026-12-01T15:00:00.000Z" },
    })
    .returning({ id: notifications.id });
  return row!.id;
}

async function mailboxCount(db: Db) {
  const [row] = await db.select({ n: count() }).from(devMessages);
  return row?.n ?? 0;
}

describe("providers in production", () => {
  it("are never the development mailbox, whatever is configured", async () => {
    const db = await testDb();
    const configurations = [
      parseEnv({ ...base, ...keys }),
      parseEnv({ ...base, ...keys, EMAIL_DELIVERY: "disabled" }),
      parseEnv({ ...base, RESEND_API_KEY: "re_live", SMS_DELIVERY: "disabled" }),
      switchedOff,
    ];
    for (const env of configurations) {
      const providers = configuredProviders(db, env);
      expect(providers.email.name).not.toBe("dev-mailbox");
      expect(providers.sms.name).not.toBe("dev-mailbox");
    }
    expect(configuredProviders(db, parseEnv({ ...base, ...keys }))).toMatchObject({ email: { name: "resend" }, sms: { name: "twilio" } });
    // The laptop default, for contrast.
    expect(configuredProviders(db, parseEnv({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey }))).toMatchObject({
      email: { name: "dev-mailbox" },
      sms: { name: "dev-mailbox" },
    });
  });

  it("queue nothing on a switched-off channel", async () => {
    const db = await testDb();
    const user = await makeUser(db, { phone: "+48601000111" });
    const id = await notification(db, user.id);
    await planDeliveries(db, [id], new Date(), disabledChannels(switchedOff));
    const rows = await db.select({ channel: notificationDeliveries.channel }).from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, id));
    expect(rows.map((r) => r.channel)).toEqual(["push"]);
  });

  it("record a delivery queued before the switch-off as skipped, with the reason, and capture nothing", async () => {
    const db = await testDb();
    const user = await makeUser(db, { phone: "+48601000112", phoneVerifiedAt: new Date() });
    const id = await notification(db, user.id);
    await planDeliveries(db, [id], new Date(), []);
    const before = await mailboxCount(db);
    const rt = { db, appUrl: "https://baton.test", providers: configuredProviders(db, switchedOff) };
    const pending = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, id));
    const sms = pending.find((d) => d.channel === "sms")!;
    const email = pending.find((d) => d.channel === "email")!;
    expect(await sendDelivery(rt, sms.id)).toMatchObject({ status: "skipped", reason: "channel_disabled" });
    expect(await sendEmailBatch(rt, [email.id])).toEqual({ sent: 0, skipped: 1, failed: 0 });
    const after = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, id));
    expect(after.find((d) => d.id === sms.id)).toMatchObject({ status: "skipped", reason: "channel_disabled" });
    expect(after.find((d) => d.id === email.id)).toMatchObject({ status: "skipped", reason: "channel_disabled" });
    expect(await mailboxCount(db)).toBe(before);
  });
});
