import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/nextauth";

const PUBLIC_PREFIXES = ["/login", "/api/auth", "/api/health", "/api/inngest", "/_next", "/favicon", "/fonts", "/sw.js", "/manifest.webmanifest", "/icons"];

/**
 * Sends signed-out visitors to the login page, remembering where they were going so a deep
 * link (an e-mail's "open task" button) lands on its page after sign-in. Pages still check the
 * user in the database: a deactivated account is refused there.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(prefix))) {
    return NextResponse.next();
  }
  const session = await auth();
  if (!session?.userId) {
    if (pathname.startsWith("/api/")) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
    const login = new URL("/login", request.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set("x-baton-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webmanifest|woff2?)$).*)"],
};
