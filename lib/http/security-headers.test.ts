import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, signInOrigins } from "./security-headers";

const base = { nonce: "abc123", https: false, development: false, signInOrigins: [] };

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(" ")]),
  );
}

describe("security headers", () => {
  it("allow only scripts carrying this request's nonce (and what they load), and no framing", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("worker-src")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allow eval only in development", () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(base)).not.toContain("unsafe-eval");
  });

  it("send HSTS and upgrade requests only over https", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ ...base, https: true });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(directives(https["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("always send the framing, sniffing and referrer headers", () => {
    expect(securityHeaders(base)).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("let sign-in forms go to the configured single sign-on providers only", () => {
    expect(signInOrigins({})).toEqual([]);
    const origins = signInOrigins({
      AUTH_MICROSOFT_ENTRA_ID_ID: "x",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
      AUTH_GOOGLE_ID: "y",
    });
    expect(origins).toEqual(["https://login.microsoftonline.com", "https://accounts.google.com"]);
    expect(directives(contentSecurityPolicy({ ...base, signInOrigins: origins })).get("form-action")).toBe(
      "'self' https://login.microsoftonline.com https://accounts.google.com",
    );
  });

  it("make a different nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
