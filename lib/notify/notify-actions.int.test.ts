import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { devMessages, notificationDeliveries, notificationPreferences, notifications, organizationSettings, pushSubscriptions, users } from "@/db/schema";
import { createCaseAction } from "@/lib/crm/actions";
import { actAs, recordedEvents } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import type { Db } from "@/db";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
  saveNotificationPreferencesAction,
  saveOrganizationDefaultsAction,
  saveSmsSettingsAction,
  subscribeToPushAction,
  unsubscribeFromPushAction,
} from "./actions";
import { sendDelivery } from "./deliver";
import { notice } from "./notice";
import { writeOutbox } from "./outbox";
import { devMailboxEmail, devMailboxSms } from "./providers/dev-mailbox";
import { smsSize } from "./sms/segments";
import { DEFAULT_MATRIX } from "./routing";
import { unitOf } from "@/lib/testing/perform";

async function notificationFor(db: Db, recipientId: string) {
  const [id] = await db.transaction((tx) =>
    writeOutbox(unitOf(tx), [{ recipientId, kind: "task.assigned", title: "Test", body: "", link: "/tasks/x", dedupeKey: `t:${randomUUID()}` }]),
  );
  return id!;
}

async function waitForEvents(predicate: () => boolean) {
  for (let i = 0; i < 50 && !predicate(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe("a case assigned to someone", () => {
  it("notifies the new owner with a link to the case, routes it, and announces it after commit", async () => {
    const db = await testDb();
    const manager = await makeUser(db, { role: "manager" });
    const owner = await makeUser(db, { locale: "en", phone: "+48601999111" });
    const client = await makeClient(db, { name: "Hotel Testowy" });
    actAs(manager.viewer);
    const r = await createCaseAction({
      kind: "service_request",
      title: "Awaria zmywarki",
      description: "",
      status: "new",
      priority: "high",
      ownerId: owner.id,
      clientId: client.id,
      dueAt: "2026-12-01T10:00",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = await db.select().from(notifications).where(eq(notifications.recipientId, owner.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "case.assigned", link: `/cases/${r.data.id}`, actorId: manager.id, priority: "high" });
    expect(rows[0]!.title).toMatch(/^New case #\d+: Awaria zmywarki$/);
    const channels = (await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, rows[0]!.id))).map((d) => d.channel);
    expect(channels.sort()).toEqual(["email", "push", "sms"]);
    await waitForEvents(() => recordedEvents().some((e) => e.data.notificationId === rows[0]!.id));
    expect(recordedEvents().find((e) => e.data.notificationId === rows[0]!.id)).toMatchObject({
      name: "baton/notification.created",
      id: `notification-${rows[0]!.id}`,
    });
  });

  it("does not notify people who take a case themselves", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const client = await makeClient(db);
    actAs(me.viewer);
    const r = await createCaseAction({
      kind: "quote_request",
      title: "Oferta",
      description: "",
      status: "new",
      priority: "normal",
      ownerId: me.id,
      clientId: client.id,
      dueAt: null,
    });
    expect(r.ok).toBe(true);
    expect(await db.select().from(notifications).where(eq(notifications.recipientId, me.id))).toEqual([]);
  });
});

describe("notification actions refuse other people", () => {
  it("marks only the viewer's own notifications read", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const id = await notificationFor(db, owner.id);
    actAs(stranger.viewer);
    expect(await markNotificationReadAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: 0 });
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
    expect(row!.readAt).toBeNull();
    actAs(owner.viewer);
    expect(await markNotificationReadAction({ id })).toMatchObject({ ok: true });
    const [after] = await db.select().from(notifications).where(eq(notifications.id, id));
    expect(after!.readAt).not.toBeNull();
  });

  it("lets only admins change the organisation's defaults", async () => {
    const db = await testDb();
    const manager = await makeUser(db, { role: "manager" });
    const admin = await makeUser(db, { role: "admin" });
    const matrix = structuredClone(DEFAULT_MATRIX);
    // A cell no other test relies on: files share the Postgres database and run in parallel.
    matrix.away.low = ["email"];
    actAs(manager.viewer);
    expect(await saveOrganizationDefaultsAction({ matrix })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.select().from(organizationSettings)).toEqual([]);
    actAs(admin.viewer);
    expect(await saveOrganizationDefaultsAction({ matrix })).toMatchObject({ ok: true });
    const [row] = await db.select().from(organizationSettings);
    expect(row!.notificationMatrix).toEqual({ away: { low: ["email"] } });
    await db.delete(organizationSettings);
  });

  it("lets only admins send SMS without Polish letters, and the SMS then goes as one GSM-7 segment with a short link", async () => {
    const db = await testDb();
    const manager = await makeUser(db, { role: "manager" });
    const admin = await makeUser(db, { role: "admin" });
    const phone = `+4860${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const reader = await makeUser(db, { phone, phoneVerifiedAt: new Date("2026-01-01T00:00:00Z") });
    const rt = { db, appUrl: "https://baton.test", providers: { email: devMailboxEmail(db), sms: devMailboxSms(db), push: null } };
    const title = "Przegląd pieców konwekcyjno–parowych „Rational” w restauracji Pod Wierzbą, Łódź ".repeat(3);
    const sendOne = async () => {
      const row = notice(
        "task.assigned",
        { taskId: randomUUID(), taskNumber: 4242, title, priority: "urgent", version: 1, actor: "Marta Woźniak", dueAt: "2026-12-03T08:00:00.000Z" },
        { id: reader.id, locale: "pl", timeZone: "Europe/Warsaw" },
      );
      const [id] = await db.transaction((tx) => writeOutbox(unitOf(tx), [row]));
      const [delivery] = await db
        .select({ id: notificationDeliveries.id })
        .from(notificationDeliveries)
        .where(and(eq(notificationDeliveries.notificationId, id!), eq(notificationDeliveries.channel, "sms")));
      expect(await sendDelivery(rt, delivery!.id)).toMatchObject({ status: "sent" });
      const [sent] = await db
        .select()
        .from(devMessages)
        .where(and(eq(devMessages.recipient, phone), eq(devMessages.idempotencyKey, `baton:${id}:sms`)));
      return sent!.text;
    };
    try {
      actAs(manager.viewer);
      expect(await saveSmsSettingsAction({ gsm7: true })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await db.select().from(organizationSettings)).toEqual([]);
      const kept = await sendOne();
      expect(smsSize(kept)).toEqual({ encoding: "GSM-7", segments: 1 });
      expect(kept).toBe("Baton: nowe zadanie #4242, termin 03.12 09:00 https://baton.test/t/4242");

      actAs(admin.viewer);
      expect(await saveSmsSettingsAction({ gsm7: true })).toMatchObject({ ok: true });
      const [row] = await db.select().from(organizationSettings);
      expect(row).toMatchObject({ smsGsm7: true, notificationMatrix: {} });
      const plain = await sendOne();
      expect(smsSize(plain)).toEqual({ encoding: "GSM-7", segments: 1 });
      expect(plain).toMatch(
        /^Baton: nowe zadanie #4242 od M\. Wozniak, termin 03\.12 09:00: Przeglad piecow konwekcyjno-parowych "Rational" w .*\.\.\. https:\/\/baton\.test\/t\/4242$/,
      );
    } finally {
      await db.delete(organizationSettings);
    }
  });

  it("saves a person's own preferences and refuses bad quiet hours without writing", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    actAs(user.viewer);
    const matrix = structuredClone(DEFAULT_MATRIX);
    const bad = await saveNotificationPreferencesAction({ workingMode: "field", matrix, quietHours: { start: "25:00", end: "07:00" } });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id))).toEqual([]);
    matrix.field.low = ["push"];
    expect(await saveNotificationPreferencesAction({ workingMode: "field", matrix, quietHours: { start: "22:00", end: "06:30" } })).toMatchObject({ ok: true });
    const [prefs] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    expect(prefs).toMatchObject({ quietStart: "22:00", quietEnd: "06:30", matrix: { field: { low: ["push"] } } });
    const [u] = await db.select({ mode: users.workingMode }).from(users).where(eq(users.id, user.id));
    expect(u!.mode).toBe("field");
  });

  it("never lets a person remove someone else's push device", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`;
    actAs(owner.viewer);
    expect(
      await subscribeToPushAction({
        endpoint,
        keys: { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" },
      }),
    ).toMatchObject({ ok: true });
    actAs(stranger.viewer);
    expect(await unsubscribeFromPushAction({ endpoint })).toMatchObject({ ok: true });
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint))).toHaveLength(1);
    expect(await subscribeToPushAction({ endpoint: "http://insecure.example/x", keys: { p256dh: "x".repeat(20), auth: "y".repeat(10) } })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    actAs(null);
    expect(await unsubscribeFromPushAction({ endpoint })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("accepts only the browsers' push services as endpoints, refusing others with a field error and writing nothing", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    actAs(user.viewer);
    const keys = { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" };
    const hostile = [
      "https://127.0.0.1:6379/",
      "https://10.0.0.5/admin",
      "https://169.254.169.254/latest/meta-data/",
      "https://[::1]:8443/x",
      "https://localhost/x",
      "https://fcm.googleapis.com.evil.example/fcm/send/x",
      "https://evil.example/fcm.googleapis.com",
      "https://fcm.googleapis.com@evil.example/x",
      "https://fcm.googleapis.com:8443/fcm/send/x",
    ];
    for (const endpoint of hostile) {
      const r = await subscribeToPushAction({ endpoint, keys });
      expect(r, endpoint).toMatchObject({ ok: false, code: "invalid", fieldErrors: { endpoint: [expect.stringMatching(/push service/)] } });
    }
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toEqual([]);
    const good = `https://updates.push.services.mozilla.com/wpush/v2/${randomUUID()}`;
    expect(await subscribeToPushAction({ endpoint: good, keys })).toMatchObject({ ok: true });
    expect((await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).map((s) => s.endpoint)).toEqual([good]);
  });
});
