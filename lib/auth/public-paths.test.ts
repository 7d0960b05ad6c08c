import { describe, expect, it } from "vitest";
import { isPublicPath } from "./public-paths";

describe("public paths", () => {
  it.each([
    "/login",
    "/login/",
    "/api/auth",
    "/api/auth/session",
    "/api/auth/callback/google",
    "/api/health",
    "/api/inngest",
    "/api/inbound/resend",
    "/api/feeds/abcDEF_123-xyz.ics",
    "/_next/static/chunks/a.js",
    "/icons/icon-192.png",
    "/sw.js",
    "/manifest.webmanifest",
    "/favicon.ico",
    "/forgot-password",
    "/reset-password/abc_DEF-123",
  ])("%s is open to signed-out visitors", (path) => expect(isPublicPath(path)).toBe(true));

  it.each([
    "/loginx",
    "/loginanything",
    "/api/authx",
    "/api/auth-admin",
    "/api/healthz",
    "/api/inngestion",
    "/api/inbound",
    "/api/inbound/resendx",
    "/api/feedsx",
    "/api/feeds-admin",
    "/iconsx",
    "/iconsfoo/a.png",
    "/sw.jsx",
    "/_nextx",
    "/favicon",
    "/tasks",
    "/",
    "/api/notifications",
    "/forgot-passwordx",
    "/reset-passwords",
    "/change-password",
  ])("%s needs a signed-in user", (path) => expect(isPublicPath(path)).toBe(false));
});
