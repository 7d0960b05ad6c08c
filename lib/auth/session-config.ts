import type { AuthConfig } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { systemNow } from "@/lib/time/clock";
import type { Env } from "@/lib/config/env";

/**
 * The cookie and token part of the Auth.js configuration, apart from nextauth.ts so that it
 * can be tested without Next (next-auth itself does not load outside a Next server).
 */
export function sessionCookieConfig(e: Pick<Env, "APP_URL" | "SESSION_MAX_AGE_HOURS">): Pick<AuthConfig, "useSecureCookies" | "session" | "jwt"> {
  const idleSeconds = e.SESSION_MAX_AGE_HOURS * 3600;
  return {
    // From APP_URL, not from the request: behind a proxy that forgets X-Forwarded-Proto the
    // cookie must still be Secure (and __Secure- prefixed) on an https deployment.
    useSecureCookies: new URL(e.APP_URL).protocol === "https:",
    session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 15 * 60 },
    jwt: {
      // Renewal extends the idle lifetime, never past the session's absolute end (token.sxp).
      async encode(params) {
        const end = params.token?.sxp;
        const maxAge = params.maxAge ?? idleSeconds;
        const left = typeof end === "number" ? Math.max(0, end - Math.floor(systemNow().getTime() / 1000)) : maxAge;
        return encode({ ...params, maxAge: Math.min(maxAge, left) });
      },
    },
  };
}
