import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { channelDelivery, disabledChannels } from "./deployment-channels";
import { devMailboxEnabled } from "./mailbox";

const keys = {
  APP_URL: "https://baton.example.com",
  RESEND_API_KEY: "re_live",
  TWILIO_ACCOUNT_SID: "AC123",
  TWILIO_AUTH_TOKEN: "token",
  TWILIO_FROM_NUMBER: "+48221234567",
};

describe("channelDelivery", () => {
  it("uses the development mailbox on a laptop without keys", () => {
    const env = parseEnv({});
    expect(channelDelivery(env)).toEqual({ email: "mailbox", sms: "mailbox" });
    expect(devMailboxEnabled(env)).toBe(true);
    expect(disabledChannels(env)).toEqual([]);
  });
  it("never uses the mailbox in production: providers, or a channel switched off", () => {
    const withKeys = parseEnv({ NODE_ENV: "production", ...keys });
    expect(channelDelivery(withKeys)).toEqual({ email: "provider", sms: "provider" });
    expect(devMailboxEnabled(withKeys)).toBe(false);
    const withoutSms = parseEnv({ NODE_ENV: "production", APP_URL: "https://baton.example.com", RESEND_API_KEY: "re_live", SMS_DELIVERY: "disabled" });
    expect(channelDelivery(withoutSms)).toEqual({ email: "provider", sms: "disabled" });
    expect(devMailboxEnabled(withoutSms)).toBe(false);
    expect(disabledChannels(withoutSms)).toEqual(["sms"]);
  });
  it("switches a channel off wherever the setting says so, keys or not", () => {
    const env = parseEnv({ ...keys, EMAIL_DELIVERY: "disabled" });
    expect(channelDelivery(env)).toEqual({ email: "disabled", sms: "provider" });
    expect(disabledChannels(env)).toEqual(["email"]);
  });
});
