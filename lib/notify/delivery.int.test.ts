import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { devMessages, notificationDeliveries, notificationPreferences, pushSubscriptions } from "@/db/schema";
import { deliverNotification } from "@/inngest/functions/deliver-notification";
import { sendEmailBatchFn } from "@/inngest/functions/send-email-batch";
import { setFunctionRuntime } from "@/inngest/runtime";
import { testDb } from "@/lib/testing/db";
import { startFakeProviders, type FakeProviders } from "@/lib/testing/fake-providers";
import { fakeDeliveryRuntime } from "@/lib/testing/function-runtime";
import { makeUser } from "@/lib/testing/factories";
import { instantToWallClock } from "@/lib/time/zoned";
import type { Db } from "@/db";
import { deliveryPlan, type DeliveryRuntime } from "./deliver";
import { writeOutbox } from "./outbox";
import type { PushSender } from "./providers/push";
import { PermanentDeliveryError } from "./providers/errors";
import { devMailboxEmail } from "./providers/dev-mailbox";
import { randomUUID } from "node:crypto";
import webpush from "web-push";
import { startFakePushService } from "@/lib/testing/fake-push-service";
import { webPushSender } from "./providers/push";
import { pushHostRules } from "./push-endpoints";
import { unitOf } from "@/lib/testing/perform";

let fake: FakeProviders;
const pushCalls: string[] = [];
const goneEndpoints = new Set<string>();
const pushSender: PushSender = {
  async send(target) {
    pushCalls.push(target.endpoint);
    if (goneEndpoints.has(target.endpoint)) throw new PermanentDeliveryError("subscription_gone", "push endpoint answered 410");
    return { statusCode: 201 };
  },
};

function runtime(db: Db): DeliveryRuntime {
  return fakeDeliveryRuntime(db, fake, { push: pushSender, pushHosts: pushHostRules(["push.test"]) });
}

beforeAll(async () => {
  fake = await startFakeProviders();
  const db = await testDb();
  setFunctionRuntime(async () => runtime(db));
});
afterAll(async () => {
  setFunctionRuntime(undefined);
  await fake.close();
});
afterEach(() => {
  fake.failNext("resend", 0);
  fake.failNext("twilio", 0);
});

async function notify(db: Db, recipientId: string, priority: "low" | "normal" | "high" | "urgent", extra: Partial<typeof notifications.$inferInsert> = {}) {
  const ids = await db.transaction((tx) =>
    writeOutbox(unitOf(tx), [
      {
        recipientId,
        kind: "task.assigned",
        priority,
        title: "Nowe zadanie: wymiana uszczelki",
        body: "Marek Woźniak przydzielił Ci zadanie.",
        link: "/tasks/abc",
        dedupeKey: `test:${randomUUID()}`,
        payload: { dueAt: "2026-12-01T15:00:00.000Z" },
        ...extra,
      },
    ]),
  );
  return ids[0]!;
}

function deliveryEngine(notificationId: string) {
  return new InngestTestEngine({
    function: deliverNotification,
    events: [{ name: "baton/notification.created", data: { notificationId } }],
    steps: [{ id: "request-email", handler: () => ({ ids: ["mocked"] }) }],
  });
}

async function deliveries(db: Db, notificationId: string) {
  return db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
}

describe("routing writes deliveries with the notification", () => {
  it("plans e-mail, SMS and push for a high item in the office; e-mail only for a normal one", async () => {
    const db = await testDb();
    const user = await makeUser(db, { phone: "+48601000001", phoneVerifiedAt: new Date() });
    const high = await notify(db, user.id, "high");
    const normal = await notify(db, user.id, "normal");
    expect((await deliveryPlan(db, high)).map((d) => d.channel)).toEqual(["email", "sms", "push"]);
    expect((await deliveryPlan(db, normal)).map((d) => d.channel)).toEqual(["email"]);
  });

  it("holds SMS and push until the end of the recipient's quiet hours", async () => {
    const db = await testDb();
    const user = await makeUser(db, { phone: "+48601000002", phoneVerifiedAt: new Date(), timeZone: "Asia/Tokyo" });
    // Quiet all day except a minute: whatever the clock, now is inside.
    await db.insert(notificationPreferences).values({ userId: user.id, quietStart: "00:00", quietEnd: "23:59" });
    const id = await notify(db, user.id, "high");
    const plan = await deliveryPlan(db, id);
    expect(plan.find((d) => d.channel === "email")?.deliverAfter).toBeNull();
    expect(plan.find((d) => d.channel === "sms")?.deliverAfter).not.toBeNull();
  });
});

describe("deliver-notification (Inngest)", () => {
  it("sends each channel exactly once although Twilio answers 500 twice first", async () => {
    const db = await testDb();
    const phone = "+48601000003";
    const user = await makeUser(db, { phone, phoneVerifiedAt: new Date() });
    await db.insert(pushSubscriptions).values({ userId: user.id, endpoint: `https://push.test/${user.id}`, p256dh: "k", auth: "a" });
    const id = await notify(db, user.id, "urgent");
    fake.failNext("twilio", 2);

    const first = await deliveryEngine(id).execute();
    expect(first.error).toBeTruthy();
    const second = await deliveryEngine(id).execute();
    expect(second.error).toBeTruthy();
    const third = await deliveryEngine(id).execute();
    expect(third.error).toBeFalsy();
    // A duplicate event after success changes nothing.
    await deliveryEngine(id).execute();

    expect(fake.sms.filter((s) => s.to === phone)).toHaveLength(1);
    expect(pushCalls.filter((e) => e.endsWith(user.id))).toHaveLength(1);
    const rows = await deliveries(db, id);
    const sms = rows.find((r) => r.channel === "sms")!;
    expect(sms).toMatchObject({ status: "sent", attempts: 3 });
    expect(sms.providerId).toMatch(/^SM/);
    expect(rows.find((r) => r.channel === "push")?.status).toBe("sent");
  });

  it("records an opted-out number (21610) as failed and does not retry", async () => {
    const db = await testDb();
    const phone = "+48601000004";
    fake.optedOut.add(phone);
    const user = await makeUser(db, { phone, phoneVerifiedAt: new Date() });
    const id = await notify(db, user.id, "high");
    const before = fake.requests.twilio;
    const run = await deliveryEngine(id).execute();
    expect(run.error).toBeFalsy();
    await deliveryEngine(id).execute();
    expect(fake.requests.twilio - before).toBe(1);
    const sms = (await deliveries(db, id)).find((r) => r.channel === "sms")!;
    expect(sms.status).toBe("failed");
    expect(sms.reason).toBe("opted_out");
  });

  it("deletes a push subscription whose endpoint answers 410", async () => {
    const db = await testDb();
    const user = await makeUser(db, { workingMode: "field" });
    const endpoint = `https://push.test/gone-${user.id}`;
    goneEndpoints.add(endpoint);
    await db.insert(pushSubscriptions).values({ userId: user.id, endpoint, p256dh: "k", auth: "a" });
    const id = await notify(db, user.id, "normal");
    await deliveryEngine(id).execute();
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toEqual([]);
    expect((await deliveries(db, id)).find((r) => r.channel === "push")?.status).toBe("skipped");
  });

  it("waits for quiet hours with step.sleepUntil", async () => {
    const db = await testDb();
    const user = await makeUser(db, { phone: "+48601000005", phoneVerifiedAt: new Date() });
    // Quiet from an hour ago to two hours ahead on the user's own clock (across midnight too): "00:00–23:59" left the
    // last minute of every day outside, and the test failed when it ran then.
    const wall = (offsetMinutes: number) => instantToWallClock(new Date(Date.now() + offsetMinutes * 60_000), user.viewer.timeZone).slice(11, 16);
    await db.insert(notificationPreferences).values({ userId: user.id, quietStart: wall(-60), quietEnd: wall(120) });
    const id = await notify(db, user.id, "high");
    const engine = new InngestTestEngine({
      function: deliverNotification,
      events: [{ name: "baton/notification.created", data: { notificationId: id } }],
      steps: [
        { id: "request-email", handler: () => ({ ids: ["mocked"] }) },
        { id: "quiet-hours-sms", handler: () => undefined },
        { id: "quiet-hours-push", handler: () => undefined },
      ],
    });
    const { ctx } = await engine.execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("quiet-hours-sms", expect.any(String));
  });

  it("pushes exactly once through web-push although the push service answers 500 twice first", async () => {
    const db = await testDb();
    const service = await startFakePushService();
    try {
      const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:it@test.example" };
      setFunctionRuntime(async () => ({
        ...runtime(db),
        providers: { ...runtime(db).providers, push: webPushSender(vapid, { agent: service.agent }) },
        pushHosts: pushHostRules([new URL(service.url).host]),
      }));
      const user = await makeUser(db, { workingMode: "field" });
      const sub = service.subscription(`device-${user.id}`);
      await db.insert(pushSubscriptions).values({ userId: user.id, ...sub });
      const id = await notify(db, user.id, "normal");
      service.failNext(2);
      for (let attempt = 0; attempt < 3; attempt++) await deliveryEngine(id).execute();
      await deliveryEngine(id).execute();
      expect(service.received.filter((r) => r.path === `/device-${user.id}`)).toHaveLength(1);
      const push = (await deliveries(db, id)).find((r) => r.channel === "push")!;
      expect(push).toMatchObject({ status: "sent", attempts: 3 });
    } finally {
      setFunctionRuntime(async () => runtime(db));
      await service.close();
    }
  });

  it("declares one run at a time per notification", () => {
    expect(deliverNotification.opts.concurrency).toEqual([{ key: "event.data.notificationId", limit: 1 }]);
  });
});

describe("send-email-batch (Inngest)", () => {
  it("sends a batch once through Resend's batch endpoint, even when retried after two 500s", async () => {
    const db = await testDb();
    const users = await Promise.all([0, 1, 2].map(() => makeUser(db)));
    const ids = await Promise.all(users.map((u) => notify(db, u.id, "normal")));
    const emailDeliveries = (await Promise.all(ids.map((id) => deliveries(db, id)))).flat().filter((d) => d.channel === "email");
    const events = emailDeliveries.map((d) => ({ name: "baton/email.requested", data: { deliveryId: d.id } })) as [
      { name: string; data: { deliveryId: string } },
      ...{ name: string; data: { deliveryId: string } }[],
    ];
    fake.failNext("resend", 2);
    const before = fake.emails.length;
    for (let attempt = 0; attempt < 3; attempt++) await new InngestTestEngine({ function: sendEmailBatchFn, events }).execute();
    await new InngestTestEngine({ function: sendEmailBatchFn, events }).execute();
    const received = fake.emails.slice(before);
    expect(received.map((e) => e.to[0]).sort()).toEqual(users.map((u) => u.email).sort());
    const rows = (await Promise.all(ids.map((id) => deliveries(db, id)))).flat().filter((d) => d.channel === "email");
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const [n] = await db.select().from(notifications).where(eq(notifications.id, ids[0]!));
    expect(n?.status).toBe("sent");
  });

  it("records each e-mail of a batch with its own provider id and settles every notification of the batch", async () => {
    const db = await testDb();
    const users = await Promise.all([0, 1, 2].map(() => makeUser(db)));
    const ids = await Promise.all(users.map((u) => notify(db, u.id, "normal")));
    const emailDeliveries = (await Promise.all(ids.map((id) => deliveries(db, id)))).flat().filter((d) => d.channel === "email");
    const events = emailDeliveries.map((d) => ({ name: "baton/email.requested", data: { deliveryId: d.id } })) as [
      { name: string; data: { deliveryId: string } },
      ...{ name: string; data: { deliveryId: string } }[],
    ];
    await new InngestTestEngine({ function: sendEmailBatchFn, events }).execute();
    for (const [i, id] of ids.entries()) {
      const [row] = (await deliveries(db, id)).filter((d) => d.channel === "email");
      const mail = fake.emails.find((e) => e.to[0] === users[i]!.email);
      expect(row).toMatchObject({ status: "sent", providerId: mail!.id });
      const [n] = await db.select().from(notifications).where(eq(notifications.id, id));
      expect(n?.status).toBe("sent");
    }
  });

  it("puts e-mails in the development mailbox when no Resend key is configured", async () => {
    const db = await testDb();
    const user = await makeUser(db);
    const id = await notify(db, user.id, "low");
    const [delivery] = (await deliveries(db, id)).filter((d) => d.channel === "email");
    setFunctionRuntime(async () => ({ ...runtime(db), providers: { ...runtime(db).providers, email: devMailboxEmail(db) } }));
    try {
      await new InngestTestEngine({ function: sendEmailBatchFn, events: [{ name: "baton/email.requested", data: { deliveryId: delivery!.id } }] }).execute();
    } finally {
      setFunctionRuntime(async () => runtime(db));
    }
    const mail = await db.select().from(devMessages).where(eq(devMessages.recipient, user.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.html).toContain("https://baton.test/tasks/abc");
  });
});
