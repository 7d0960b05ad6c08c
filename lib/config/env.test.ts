import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with nothing set (embedded mode)", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
  });
  it("follows PORT outside production when APP_URL is unset, so links point at this server", () => {
    expect(parseEnv({ PORT: "3360" }).APP_URL).toBe("http://localhost:3360");
    expect(parseEnv({ NODE_ENV: "development", PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ PORT: "3360", APP_URL: "https://baton.example.com" }).APP_URL).toBe("https://baton.example.com");
    expect(() => parseEnv({ PORT: "port" })).toThrow(/PORT/);
  });
  it("requires APP_URL in production, whatever PORT says", () => {
    const keys = { RESEND_API_KEY: "re_live", TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "token", TWILIO_FROM_NUMBER: "+48221234567" };
    expect(() => parseEnv({ NODE_ENV: "production", PORT: "3000", ...keys })).toThrow(/APP_URL is required in production/);
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://baton.example.com", ...keys }).APP_URL).toBe("https://baton.example.com");
  });
  it("names the variable and its purpose when production lacks a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/baton" })).toThrow(/AUTH_SECRET .*signs session cookies/);
  });
  it("refuses a malformed DATABASE_URL and half-configured SSO", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => parseEnv({ AUTH_GOOGLE_ID: "abc" })).toThrow(/AUTH_GOOGLE_SECRET/);
  });
  it("takes extra push hosts and names an entry it does not understand", () => {
    expect(parseEnv({ PUSH_ALLOWED_HOSTS: "push.example.org, *.autopush.example.org,127.0.0.1:8443" }).PUSH_ALLOWED_HOSTS).toBe(
      "push.example.org, *.autopush.example.org,127.0.0.1:8443",
    );
    expect(() => parseEnv({ PUSH_ALLOWED_HOSTS: "push.example.org,https://evil.example/x" })).toThrow(/PUSH_ALLOWED_HOSTS .*https:\/\/evil\.example\/x/);
  });

  const keys = {
    APP_URL: "https://baton.example.com",
    RESEND_API_KEY: "re_live",
    TWILIO_ACCOUNT_SID: "AC123",
    TWILIO_AUTH_TOKEN: "token",
    TWILIO_FROM_NUMBER: "+48221234567",
  };

  it("stops a production start without a Resend key or a Twilio account, naming the variables", () => {
    const noEmail = { NODE_ENV: "production", ...keys, RESEND_API_KEY: undefined };
    expect(() => parseEnv(noEmail)).toThrow(ConfigError);
    expect(() => parseEnv(noEmail)).toThrow(/RESEND_API_KEY is required in production.*EMAIL_DELIVERY=disabled/);
    const noSms = { NODE_ENV: "production", ...keys, TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined };
    expect(() => parseEnv(noSms)).toThrow(/TWILIO_ACCOUNT_SID is required in production, with TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER.*SMS_DELIVERY=disabled/);
    expect(parseEnv({ NODE_ENV: "production", ...keys }).NODE_ENV).toBe("production");
  });
  it("lets production run without e-mail or SMS only when the channel is switched off explicitly", () => {
    const env = parseEnv({ NODE_ENV: "production", APP_URL: "https://baton.example.com", EMAIL_DELIVERY: "disabled", SMS_DELIVERY: "disabled" });
    expect(env).toMatchObject({ EMAIL_DELIVERY: "disabled", SMS_DELIVERY: "disabled" });
    expect(() => parseEnv({ NODE_ENV: "production", ...keys, EMAIL_DELIVERY: "off" })).toThrow(/EMAIL_DELIVERY must be auto or disabled/);
    // Outside production a missing key means the development mailbox.
    expect(parseEnv({}).EMAIL_DELIVERY).toBe("auto");
  });
  it("takes Resend's webhook signing secret only as whsec_… and only with an API key to read the mail", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    expect(parseEnv({ RESEND_WEBHOOK_SECRET: secret, RESEND_API_KEY: "re_live" }).RESEND_WEBHOOK_SECRET).toBe(secret);
    expect(parseEnv({ RESEND_WEBHOOK_SECRET: "" }).RESEND_WEBHOOK_SECRET).toBeUndefined();
    expect(() => parseEnv({ RESEND_WEBHOOK_SECRET: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", RESEND_API_KEY: "re_live" })).toThrow(/RESEND_WEBHOOK_SECRET .*whsec_/);
    expect(() => parseEnv({ RESEND_WEBHOOK_SECRET: secret })).toThrow(/RESEND_API_KEY is required when RESEND_WEBHOOK_SECRET is set/);
  });
  it("refuses an Inngest event key without its signing key, in any mode", () => {
    expect(() => parseEnv({ INNGEST_EVENT_KEY: "evt" })).toThrow(/INNGEST_SIGNING_KEY is required when INNGEST_EVENT_KEY is set/);
    expect(parseEnv({ INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: "signkey-prod-1" }).INNGEST_EVENT_KEY).toBe("evt");
  });
  it("refuses INNGEST_DEV in production, but not its explicit cloud-mode values", () => {
    expect(() => parseEnv({ NODE_ENV: "production", ...keys, INNGEST_DEV: "1" })).toThrow(/INNGEST_DEV must not be set in production/);
    expect(() => parseEnv({ NODE_ENV: "production", ...keys, INNGEST_DEV: "http://127.0.0.1:8288" })).toThrow(/INNGEST_DEV/);
    expect(parseEnv({ NODE_ENV: "production", ...keys, INNGEST_DEV: "0" }).INNGEST_DEV).toBe("0");
    expect(parseEnv({ INNGEST_DEV: "1" }).INNGEST_DEV).toBe("1");
  });
  it("knows the demo seeding settings and refuses anything else", () => {
    expect(parseEnv({}).SEED_DEMO).toBe("auto");
    expect(parseEnv({ SEED_DEMO: "always" }).SEED_DEMO).toBe("always");
    expect(() => parseEnv({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO must be auto, always or never/);
  });
  it("trusts no proxy unless told how many stand in front", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXIES: "yes" })).toThrow(/TRUSTED_PROXIES must be a whole number/);
  });
});
