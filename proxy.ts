import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { PASSWORD_CHANGE_PATH, passwordChangeGate } from "@/lib/auth/password-change-gate";
import { isPublicPath } from "@/lib/auth/public-paths";
import { authSecret } from "@/lib/auth/secret";
import { handOffSession, SESSION_HANDOFF_HEADER } from "@/lib/auth/session-handoff";
import { sessionCookieName, sessionOfToken, sessionTokenOf } from "@/lib/auth/session-token";
import { env } from "@/lib/config/env";
import { ATTACHMENT_CSP, attachmentOrigins } from "@/lib/files/serving";
import { newNonce, securityHeaders, signInOrigins } from "@/lib/http/security-headers";

/**
 * Sends signed-out visitors to the login page, remembering where they were going so a deep
 * link (an e-mail's "open task" button) lands on its page after sign-in. The session row read
 * here is handed to the page behind it in this process's memory (lib/auth/session-handoff.ts), not
 * in anything the client could send; a page that finds nothing there reads the row itself.
 *
 * Every answer it passes or makes carries the security headers; the CSP also goes on the
 * request, where Next finds the nonce for the scripts it renders.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const e = env();
  const headers = securityHeaders({
    nonce: newNonce(),
    https: new URL(e.APP_URL).protocol === "https:",
    development: process.env.NODE_ENV === "development",
    signInOrigins: signInOrigins(e),
    imageOrigins: attachmentOrigins(e),
  });
  // An uploaded file is never a page of the app: it gets a sandbox that lets nothing in it run.
  if (pathname.startsWith("/api/attachments/")) headers["Content-Security-Policy"] = ATTACHMENT_CSP;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // Only the proxy names a handed-off session; whatever a client sent under that name is dropped.
  requestHeaders.delete(SESSION_HANDOFF_HEADER);

  if (!isPublicPath(pathname)) {
    const cookie = sessionCookieName(e.APP_URL);
    const token = sessionTokenOf(request.cookies.getAll(), cookie);
    const session = token ? await sessionOfToken(await getDb(), token, authSecret(), cookie) : null;
    if (!session || !token) {
      if (pathname.startsWith("/api/")) return withHeaders(NextResponse.json({ error: "unauthenticated" }, { status: 401 }), headers);
      const login = new URL("/login", request.nextUrl.origin);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withHeaders(NextResponse.redirect(login), headers);
    }
    if (session.mustChangePassword) {
      // An admin typed this password: nothing else until the person has chosen their own.
      const gate = passwordChangeGate(pathname, request.method);
      if (gate === "refuse") return withHeaders(NextResponse.json({ error: "password_change_required" }, { status: 403 }), headers);
      if (gate === "redirect") return withHeaders(NextResponse.redirect(new URL(PASSWORD_CHANGE_PATH, request.nextUrl.origin)), headers);
    }
    requestHeaders.set("x-baton-path", `${pathname}${search}`);
    requestHeaders.set(SESSION_HANDOFF_HEADER, handOffSession(token, session));
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files skip the proxy; next.config.ts gives them the headers that need no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webmanifest|woff2?)$).*)"],
};
