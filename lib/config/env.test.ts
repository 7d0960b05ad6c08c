import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with nothing set (embedded mode)", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
  });
  it("names the variable and its purpose when production lacks a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/baton" })).toThrow(/AUTH_SECRET .*signs session cookies/);
  });
  it("refuses a malformed DATABASE_URL and half-configured SSO", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
    expect(() => parseEnv({ AUTH_GOOGLE_ID: "abc" })).toThrow(/AUTH_GOOGLE_SECRET/);
  });
  it("trusts no proxy unless told how many stand in front", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXIES: "yes" })).toThrow(/TRUSTED_PROXIES must be a whole number/);
  });
});
