import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { env } from "@/lib/config/env";
import { authenticate } from "./authenticate";
import { authSecret } from "./secret";
import { clientAddress } from "./client-address";
import { announceNotifications, collectingNotifications } from "@/lib/notify/announce";

class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

const credentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
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
        // A tripped account limit writes a notice to the owner; announce it once written.
        const { result, notificationIds } = await collectingNotifications(async () =>
          authenticate(await getDb(), { ...parsed.data, ip: clientAddress(request.headers) }),
        );
        if (notificationIds.length) void announceNotifications(notificationIds);
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

  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
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
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === "credentials") {
            token.uid = user.id;
            token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          } else {
            const row = user.email ? await activeUserByEmail(user.email) : undefined;
            token.uid = row?.id;
            token.sv = row?.sessionVersion ?? 0;
          }
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.userId = token.uid;
        session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
        return session;
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
