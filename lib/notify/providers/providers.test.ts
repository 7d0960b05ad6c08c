import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeProviders, type FakeProviders } from "@/lib/testing/fake-providers";
import { resendSender } from "./email";
import { PermanentDeliveryError } from "./errors";
import { twilioSender } from "./sms";

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake.close());

describe("Resend through the real SDK", () => {
  it("sends once per idempotency key and surfaces 5xx as retryable", async () => {
    const sender = resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url });
    const msg = { to: "jan@test.example", subject: "Zadanie", html: "<p>x</p>", text: "x" };
    fake.failNext("resend", 2);
    await expect(sender.send(msg, "n1:email")).rejects.toThrow(/Resend/);
    await expect(sender.send(msg, "n1:email")).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    const first = await sender.send(msg, "n1:email");
    const again = await sender.send(msg, "n1:email");
    expect(again.providerId).toBe(first.providerId);
    expect(fake.emails.filter((e) => e.idempotencyKey === "n1:email")).toHaveLength(1);
  });

  it("treats a validation error as permanent", async () => {
    const sender = resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url });
    const bad = { to: undefined as unknown as string, subject: "s", html: "h", text: "t" };
    await expect(sender.send(bad, "n2:email")).rejects.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe("Resend's rate limit", () => {
  it("is kept at the HTTP call by one pacer that every sender of the process shares, single and batch sends alike", async () => {
    fake.resendRateLimitPerSecond = 2;
    try {
      // Two runtimes, as two jobs of one process build them, sending at the same moment.
      const a = resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url });
      const b = resendSender({ apiKey: "re_test", from: "Baton <b@test.example>", baseUrl: fake.url });
      const msg = (n: number) => ({ to: `rate-${n}@test.example`, subject: `Zadanie ${n}`, html: "<p>x</p>", text: "x" });
      const before = { requests: fake.requests.resend, limited: fake.rateLimited };
      await Promise.all([
        a.send(msg(1), "rate:1"),
        b.send(msg(2), "rate:2"),
        a.sendBatch!([msg(3), msg(4)], "rate:batch:a"),
        b.sendBatch!([msg(5), msg(6)], "rate:batch:b"),
        b.send(msg(7), "rate:7"),
      ]);
      expect(fake.rateLimited - before.limited).toBe(0);
      expect(fake.requests.resend - before.requests).toBe(5);
      expect(fake.emails.filter((e) => e.to[0]!.startsWith("rate-"))).toHaveLength(7);
    } finally {
      fake.resendRateLimitPerSecond = 0;
    }
  });
});

describe("Twilio through the real SDK", () => {
  const config = { accountSid: "AC00000000000000000000000000000000", authToken: "token", from: "+48221234567" };
  it("sends and returns the message SID", async () => {
    const sender = twilioSender({ ...config, baseUrl: fake.url });
    const { providerId } = await sender.send("+48601234567", "Nowe zadanie", "n3:sms");
    expect(providerId).toMatch(/^SM/);
    expect(fake.sms.at(-1)).toMatchObject({ to: "+48601234567", from: "+48221234567", body: "Nowe zadanie" });
  });
  it("reports an opted-out number (21610) as permanent", async () => {
    fake.optedOut.add("+48600000000");
    const sender = twilioSender({ ...config, baseUrl: fake.url });
    const error = await sender.send("+48600000000", "x", "n4:sms").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as PermanentDeliveryError).reason).toBe("opted_out");
  });
  it("surfaces a 500 as retryable", async () => {
    fake.failNext("twilio", 1);
    const sender = twilioSender({ ...config, baseUrl: fake.url });
    const error = await sender.send("+48601234567", "x", "n5:sms").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
  });
});
