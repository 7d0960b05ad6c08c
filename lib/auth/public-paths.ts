/**
 * Paths a signed-out visitor may open. Each one is a whole path segment: `/login` and
 * `/login/...` are public, `/loginanything` is not.
 */
const PUBLIC_PATHS = [
  "/login",
  "/forgot-password",
  "/reset-password",
  // An invitation's one-click answers: the signed link is the authority (lib/calendar/answer-link.ts).
  "/invitations",
  "/api/auth",
  "/api/health",
  "/api/inngest",
  // Resend's webhooks (replies to invitations): the svix signature is the authority (app/api/inbound/resend).
  "/api/inbound/resend",
  // iCal feeds that calendar clients fetch without a session: the secret token in the URL is the authority (lib/feeds/serve.ts).
  "/api/feeds",
  "/_next",
  "/fonts",
  "/icons",
  "/favicon.ico",
  "/sw.js",
  "/manifest.webmanifest",
];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
