import { randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { notificationDeliveries, pushSubscriptions } from "@/db/schema";
import type { Db } from "@/db";
import { NotFound } from "@/lib/action/errors";
import { testDb } from "@/lib/testing/db";
import { startFakeProviders, type FakeProviders } from "@/lib/testing/fake-providers";
import { startFakePushService, type FakePushService } from "@/lib/testing/fake-push-service";
import { makeUser } from "@/lib/testing/factories";
import { sendDelivery, type DeliveryRuntime } from "./deliver";
import { writeOutbox } from "./outbox";
import { devMailboxEmail } from "./providers/dev-mailbox";
import { webPushSender, type PushSender } from "./providers/push";
import { twilioSender } from "./providers/sms";
import { pushHostRules } from "./push-endpoints";
import { notificationWithLog } from "./queries";
import { unitOf } from "@/lib/testing/perform";

let fake: FakeProviders;
let pushService: FakePushService;
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:it@test.example" };

beforeAll(async () => {
  fake = await startFakeProviders();
  pushService = await startFakePushService();
});
afterAll(async () => {
  await fake.close();
  await pushService.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  pushService.failNext(0);
});

function runtime(db: Db, overrides: Partial<DeliveryRuntime> = {}): DeliveryRuntime {
  return {
    db,
    appUrl: "https://baton.test",
    providers: {
      email: devMailboxEmail(db),
      sms: twilioSender({ accountSid: "AC00000000000000000000000000000000", authToken: "t", from: "+48221234567", baseUrl: fake.url }),
      push: webPushSender(vapid, { agent: pushService.agent }),
    },
    pushHosts: pushHostRules([new URL(pushService.url).host]),
    ...overrides,
  };
}

async function notify(db: Db, recipientId: string, actorId: string, priority: "normal" | "urgent" = "urgent") {
  const [id] = await db.transaction((tx) =>
    writeOutbox(unitOf(tx), [
      {
        recipientId,
        actorId,
        kind: "task.assigned",
        priority,
        title: "Nowe zadanie",
        body: "Przegląd pieca",
        link: "/tasks/abc",
        dedupeKey: `test:${randomUUID()}`,
      },
    ]),
  );
  return id!;
}

async function delivery(db: Db, notificationId: string, channel: "sms" | "push" | "email") {
  const [row] = await db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId))
    .then((rows) => rows.filter((r) => r.channel === channel));
  return row!;
}

/** Test files share one database, and a verified number belongs to one active user. */
function uniquePhone(): string {
  return `+486${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("push to a host that is not allowed", () => {
  it("never connects to an endpoint saved before the allowlist: records a permanent failure and forgets the subscription", async () => {
    const db = await testDb();
    const calls: string[] = [];
    const recording: PushSender = {
      async send(target) {
        calls.push(target.endpoint);
        return { statusCode: 201 };
      },
    };
    const user = await makeUser(db, { workingMode: "field" });
    const boss = await makeUser(db);
    await db.insert(pushSubscriptions).values({ userId: user.id, endpoint: "https://internal-admin.corp.example:8443/x", p256dh: "k", auth: "a" });
    const id = await notify(db, user.id, boss.id, "normal");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const rt = runtime(db, { providers: { ...runtime(db).providers, push: recording }, pushHosts: pushHostRules() });
    const push = await delivery(db, id, "push");
    expect(await sendDelivery(rt, push.id)).toMatchObject({ status: "failed", reason: "endpoint_not_allowed" });
    expect(calls).toEqual([]);
    expect(await delivery(db, id, "push")).toMatchObject({ status: "failed", reason: "endpoint_not_allowed" });
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toEqual([]);
  });
});

describe("what people see of a failed delivery", () => {
  it("shows a category for a push service on a closed port, never the connection error", async () => {
    const db = await testDb();
    const port = await closedPort();
    const user = await makeUser(db, { workingMode: "field" });
    const boss = await makeUser(db);
    await db
      .insert(pushSubscriptions)
      .values({ userId: user.id, endpoint: `https://127.0.0.1:${port}/device`, p256dh: pushService.subscription("x").p256dh, auth: "tBHItJI5svbpez7KI4CCXg" });
    const id = await notify(db, user.id, boss.id, "normal");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const push = await delivery(db, id, "push");
    await expect(sendDelivery(runtime(db, { pushHosts: pushHostRules([`127.0.0.1:${port}`]) }), push.id)).rejects.toThrow();

    const row = await delivery(db, id, "push");
    expect(row).toMatchObject({ status: "pending", reason: "unreachable", attempts: 1 });
    const seenByRecipient = JSON.stringify(await notificationWithLog(db, user.viewer, id));
    const seenByCauser = JSON.stringify(await notificationWithLog(db, boss.viewer, id));
    for (const seen of [JSON.stringify(row), seenByRecipient, seenByCauser]) {
      expect(seen).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1/);
      expect(seen).not.toContain(String(port));
    }
    // The detail is in the server log, with the notification and channel.
    expect(log.mock.calls.map((c) => c.join(" ")).join("\n")).toMatch(new RegExp(`notification ${id} push.*ECONNREFUSED`));
  });

  it("shows a category for a push service answering 500, never its response body", async () => {
    const db = await testDb();
    const marker = `MARKER-${randomUUID()}`;
    const user = await makeUser(db, { workingMode: "field" });
    const boss = await makeUser(db);
    await db.insert(pushSubscriptions).values({ userId: user.id, ...pushService.subscription(`device-${user.id}`) });
    const id = await notify(db, user.id, boss.id, "normal");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    pushService.failNext(1, `internal error at db-7.corp:5432 ${marker}`);
    const push = await delivery(db, id, "push");
    await expect(sendDelivery(runtime(db), push.id)).rejects.toThrow();
    const row = await delivery(db, id, "push");
    expect(row.reason).toBe("provider_error");
    for (const seen of [
      JSON.stringify(row),
      JSON.stringify(await notificationWithLog(db, user.viewer, id)),
      JSON.stringify(await notificationWithLog(db, boss.viewer, id)),
    ]) {
      expect(seen).not.toContain(marker);
    }
    expect(log.mock.calls.map((c) => c.join(" ")).join("\n")).toContain(marker);
  });

  it("records an opted-out number as a category, without the number or Twilio's words", async () => {
    const db = await testDb();
    const phone = uniquePhone();
    fake.optedOut.add(phone);
    const user = await makeUser(db, { phone, phoneVerifiedAt: new Date() });
    const boss = await makeUser(db);
    const id = await notify(db, user.id, boss.id);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const sms = await delivery(db, id, "sms");
    expect(await sendDelivery(runtime(db), sms.id)).toMatchObject({ status: "failed", reason: "opted_out" });
    const row = await delivery(db, id, "sms");
    expect(row).toMatchObject({ status: "failed", reason: "opted_out" });
    expect(JSON.stringify(row)).not.toMatch(/21610/);
    expect(JSON.stringify(row)).not.toContain(phone.slice(3));
  });
});

describe("the person who caused a notification and its recipient", () => {
  it("gives the causer whether it was delivered, and only the recipient the per-channel log; a stranger nothing", async () => {
    const db = await testDb();
    const phone = uniquePhone();
    const user = await makeUser(db, { phone, phoneVerifiedAt: new Date(), workingMode: "field" });
    const boss = await makeUser(db, { role: "admin" });
    const stranger = await makeUser(db);
    const sub = pushService.subscription(`device-${user.id}`);
    await db.insert(pushSubscriptions).values({ userId: user.id, ...sub });
    const id = await notify(db, user.id, boss.id);
    for (const channel of ["sms", "push"] as const) await sendDelivery(runtime(db), (await delivery(db, id, channel)).id);
    const sms = await delivery(db, id, "sms");
    expect(sms.providerId).toMatch(/^SM/);

    const causer = await notificationWithLog(db, boss.viewer, id);
    expect(causer.log).toBeNull();
    expect(causer.notification.recipientName).toBe(user.name);
    const causerJson = JSON.stringify(causer);
    for (const secret of [user.email, phone, sub.endpoint, sms.providerId!, "sms", "push"]) expect(causerJson).not.toContain(secret);

    const own = await notificationWithLog(db, user.viewer, id);
    expect(own.log?.map((d) => [d.channel, d.status])).toEqual(
      expect.arrayContaining([
        ["sms", "sent"],
        ["push", "sent"],
      ]),
    );
    expect(JSON.stringify(own)).not.toContain(sms.providerId!);

    await expect(notificationWithLog(db, stranger.viewer, id)).rejects.toBeInstanceOf(NotFound);
  });
});
