import { WebPushError } from "web-push";
import { describe, expect, it } from "vitest";
import { deliveryReasonOf } from "./delivery-reasons";
import { PermanentDeliveryError } from "./providers/errors";

describe("delivery reasons", () => {
  it("sort provider errors into categories without their text", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:6379"), { code: "ECONNREFUSED" });
    expect(deliveryReasonOf(refused)).toBe("unreachable");
    expect(deliveryReasonOf(new Error("fetch failed", { cause: Object.assign(new Error("x"), { code: "ENOTFOUND" }) }))).toBe("unreachable");
    expect(deliveryReasonOf(Object.assign(new Error("self-signed"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }))).toBe("unreachable");
    expect(deliveryReasonOf(new WebPushError("Received unexpected response code", 429, {}, "slow down", "https://fcm.googleapis.com/x"))).toBe("rate_limited");
    expect(deliveryReasonOf(new WebPushError("Received unexpected response code", 500, {}, "stack trace", "https://fcm.googleapis.com/x"))).toBe(
      "provider_error",
    );
    expect(deliveryReasonOf(Object.assign(new Error("Too many requests"), { status: 429, code: 20429 }))).toBe("rate_limited");
    expect(deliveryReasonOf(new PermanentDeliveryError("opted_out", "Twilio 21610: +48601..."))).toBe("opted_out");
    expect(deliveryReasonOf(new PermanentDeliveryError("invalid_recipient", "Resend: jan@x"))).toBe("invalid_address");
    expect(deliveryReasonOf(new PermanentDeliveryError("rejected", "push endpoint answered 400: body"))).toBe("rejected");
    expect(deliveryReasonOf("weird")).toBe("provider_error");
  });
});
