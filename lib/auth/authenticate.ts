import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, addressKey, blockedUntil, clearKey, recordFailure } from "./throttle";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number; locale: "pl" | "en" } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks an e-mail and password. An unknown e-mail, an inactive account and a wrong password
 * all answer "invalid" after the same amount of work; too many failures answer "throttled"
 * without checking the password at all.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  now: Date = new Date(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [accountKey(email), ...(input.ip ? [addressKey(input.ip)] : [])];
  for (const key of keys) {
    if (await blockedUntil(db, key, now)) return { ok: false, reason: "throttled" };
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.email, email));

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !user.active || !passwordOk) {
    await recordFailure(db, accountKey(email), ACCOUNT_RULE, now);
    if (input.ip) await recordFailure(db, addressKey(input.ip), ADDRESS_RULE, now);
    return { ok: false, reason: "invalid" };
  }
  await clearKey(db, accountKey(email));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, locale: user.locale },
  };
}
