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
  it("takes extra push hosts and names an entry it does not understand", () => {
    expect(parseEnv({ PUSH_ALLOWED_HOSTS: "push.example.org, *.autopush.example.org,127.0.0.1:8443" }).PUSH_ALLOWED_HOSTS).toBe("push.example.org, *.autopush.example.org,127.0.0.1:8443");
    expect(() => parseEnv({ PUSH_ALLOWED_HOSTS: "push.example.org,https://evil.example/x" })).toThrow(/PUSH_ALLOWED_HOSTS .*https:\/\/evil\.example\/x/);
  });
});
