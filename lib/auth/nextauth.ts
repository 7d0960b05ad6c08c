import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { env } from "@/lib/config/env";
import { lineString } from "@/lib/action/fields";
import { authenticate } from "./authenticate";
import { authSecret } from "./secret";
import { clientAddress } from "./client-address";
import { sessionCookieConfig } from "./session-config";
import { liveSession, revokeSession, startSession, type SessionLifetime } from "./sessions";

class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

// A control character in the e-mail could never match an account and would reach Postgres as a NUL byte.
const credentialsInput = z.object({ email: lineString().trim().min(1).max(320), password: z.string().min(1).max(1024) });

declare module "next-auth" {
  interface Session {
    userId?: string;
    /** The person must replace the password an admin gave them before anything else (proxy.ts). */
    mustChangePassword?: boolean;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    /** The server-side session's id (lib/auth/sessions.ts); without a live row the cookie is worthless. */
    sid?: string;
    /** The session's absolute end (seconds since the epoch): no re-issued cookie may outlive it. */
    sxp?: number;
    /** Read from the session row on every request: the person must choose their own password first. */
    mcp?: boolean;
  }
}

async function activeUserByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row?.active ? row : undefined;
}

function buildConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        // A tripped account limit writes a notice to the owner in a unit of its own, delivered once committed.
        const result = await authenticate(await getDb(), { ...parsed.data, ip: clientAddress(request.headers) });
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledLogin() : new InvalidLogin();
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ];
  // Single sign-on switches on when its client id is configured; accounts are never created by
  // SSO: the e-mail must belong to an active Baton user an admin has set up.
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID) {
    providers.push(
      MicrosoftEntraID({
        clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
        // Presence is checked with the rest of the configuration (lib/config/env.ts).
        clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET ?? "",
        issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  if (e.AUTH_GOOGLE_ID) {
    providers.push(
      Google({
        clientId: e.AUTH_GOOGLE_ID,
        clientSecret: e.AUTH_GOOGLE_SECRET ?? "",
        authorization: e.AUTH_GOOGLE_HOSTED_DOMAIN ? { params: { hd: e.AUTH_GOOGLE_HOSTED_DOMAIN } } : undefined,
      }),
    );
  }

  const lifetime: SessionLifetime = { absoluteHours: e.SESSION_ABSOLUTE_HOURS, idleHours: e.SESSION_MAX_AGE_HOURS };
  return {
    secret: authSecret(),
    trustHost: true,
    ...sessionCookieConfig(e),
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      async signIn({ account, user, profile }) {
        if (account?.provider === "credentials") return true;
        const email = profile?.email ?? user.email;
        if (!email) return "/login?error=sso";
        if (account?.provider === "google" && profile?.email_verified === false) return "/login?error=sso";
        return (await activeUserByEmail(email)) ? true : "/login?error=sso";
      },
      // Returning null ends the session (Auth.js clears the cookie, auth() answers null).
      async jwt({ token, user, account }) {
        const db = await getDb();
        if (user && account) {
          const userId = account.provider === "credentials" ? user.id : user.email ? (await activeUserByEmail(user.email))?.id : undefined;
          const started = userId ? await startSession(db, userId, lifetime) : null;
          if (!userId || !started) return null;
          return { ...token, uid: userId, sid: started.id, sxp: Math.floor(started.expiresAt.getTime() / 1000) };
        }
        if (typeof token.sid !== "string" || typeof token.uid !== "string") return null;
        const live = await liveSession(db, token.sid);
        if (!live || live.userId !== token.uid) return null;
        return { ...token, mcp: live.mustChangePassword };
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.userId = token.uid;
        session.mustChangePassword = token.mcp === true;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeSession(await getDb(), sid);
      },
    },
  };
}

export const ssoProviders = () => {
  const e = env();
  return [
    ...(e.AUTH_MICROSOFT_ENTRA_ID_ID ? [{ id: "microsoft-entra-id", name: "Microsoft" }] : []),
    ...(e.AUTH_GOOGLE_ID ? [{ id: "google", name: "Google" }] : []),
  ];
};

// Lazy config: `next build` imports this module, and must not read secrets or open the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
