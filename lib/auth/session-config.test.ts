import { describe, expect, it } from "vitest";
import { Auth, type AuthConfig } from "@auth/core";
import { decode } from "@auth/core/jwt";
import Credentials from "@auth/core/providers/credentials";
import { sessionCookieConfig } from "./session-config";

const secret = "unit-secret-unit-secret-unit-secret-0123456789";

function configFor(appUrl: string): AuthConfig {
  return {
    ...sessionCookieConfig({ APP_URL: appUrl, SESSION_MAX_AGE_HOURS: 12 }),
    secret,
    trustHost: true,
    basePath: "/api/auth",
    providers: [Credentials({ credentials: {}, authorize: () => null })],
  };
}

/** Set-Cookie lines of an answer to a plain-http request, as a TLS-terminating proxy that drops X-Forwarded-Proto would forward it. */
async function cookiesOverPlainHttp(appUrl: string): Promise<string[]> {
  const response = await Auth(new Request("http://10.0.0.5:3000/api/auth/csrf"), configFor(appUrl));
  return response.headers.getSetCookie();
}

describe("session cookies", () => {
  it("are Secure with the __Host-/__Secure- prefix when APP_URL is https, whatever the request's scheme", async () => {
    const cookies = await cookiesOverPlainHttp("https://baton.example.com");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-authjs\./);
      expect(cookie).toMatch(/;\s*Secure/i);
    }
  });

  it("stay plain on an http APP_URL (a laptop), so signing in works without TLS", async () => {
    const cookies = await cookiesOverPlainHttp("http://localhost:3000");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^authjs\./);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    }
  });

  it("never carry a token that outlives the session's absolute end", async () => {
    const { jwt } = configFor("http://localhost:3000");
    const nowSeconds = Math.floor(Date.now() / 1000);
    const salt = "authjs.session-token";
    const nearEnd = await jwt!.encode!({ token: { uid: "u", sid: "s", sxp: nowSeconds + 60 }, secret, salt, maxAge: 12 * 3600 });
    expect((await decode({ token: nearEnd, secret, salt }))?.exp).toBeLessThanOrEqual(nowSeconds + 61);

    const fresh = await jwt!.encode!({ token: { uid: "u", sid: "s", sxp: nowSeconds + 7 * 24 * 3600 }, secret, salt, maxAge: 12 * 3600 });
    expect((await decode({ token: fresh, secret, salt }))?.exp).toBeGreaterThanOrEqual(nowSeconds + 12 * 3600);
  });
});
