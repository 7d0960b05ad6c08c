import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakePushService, type FakePushService } from "@/lib/testing/fake-push-service";
import { PermanentDeliveryError } from "./errors";
import { encodePushPayload, webPushSender } from "./push";

let service: FakePushService;
const keys = { ...webpush.generateVAPIDKeys(), subject: "mailto:it@test.example" };
const payload = { title: "Nowe zadanie", body: "Przegląd pieca", url: "/tasks/1", tag: "task.assigned-1", notificationId: "n1" };

beforeAll(async () => {
  service = await startFakePushService();
});
afterAll(() => service.close());

describe("web push through the real web-push library", () => {
  it("delivers an encrypted, VAPID-signed message with urgency and topic", async () => {
    const sender = webPushSender(keys, { agent: service.agent });
    const sub = service.subscription("device-1");
    await expect(sender.send(sub, payload, { urgent: true })).resolves.toEqual({ statusCode: 201 });
    const got = service.received.at(-1)!;
    expect(got.path).toBe("/device-1");
    expect(got.headers.authorization).toMatch(/^vapid t=.+, k=/);
    expect(got.headers.urgency).toBe("high");
    expect(got.headers.topic).toBe("taskassigned-1");
    expect(got.headers["content-encoding"]).toBe("aes128gcm");
    expect(got.bytes).toBeGreaterThan(0);
  });

  it("reports an expired subscription (410) as permanent, a 500 as retryable", async () => {
    const sender = webPushSender(keys, { agent: service.agent });
    const gone = await sender.send(service.subscription("gone/device-2"), payload, { urgent: false }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(PermanentDeliveryError);
    expect((gone as PermanentDeliveryError).reason).toBe("subscription_gone");
    service.failNext(1);
    const flaky = await sender.send(service.subscription("device-3"), payload, { urgent: false }).catch((e: unknown) => e);
    expect(flaky).toBeInstanceOf(Error);
    expect(flaky).not.toBeInstanceOf(PermanentDeliveryError);
  });

  it("keeps payloads well under the 4 KB limit", () => {
    expect(encodePushPayload({ ...payload, body: "x".repeat(10_000) }).length).toBeLessThan(1000);
  });
});
