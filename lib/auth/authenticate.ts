import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { notifyFailedSignIns } from "./failed-sign-ins-notice";
import { verifyPassword } from "./password";
import { systemNow } from "@/lib/time/clock";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  PAIR_RULE,
  accountKey,
  addressKey,
  clearKey,
  countAttempt,
  isKnownPair,
  pairKey,
  releaseAttempt,
  rememberKnownPair,
} from "./throttle";
import { pruneLoginThrottleWhenDue } from "./throttle-prune";

export type AuthenticateResult =
  { ok: true; user: { id: string; email: string; name: string; sessionVersion: number; locale: "pl" | "en" } } | { ok: false; reason: "invalid" | "throttled" };

async function findUser(db: Db, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.email, email));
  return user;
}

/**
 * Checks an e-mail and password. An unknown e-mail, an inactive account and a wrong password
 * all answer "invalid" after the same amount of work, and are throttled alike. Every attempt
 * is counted before the password is checked, per (account, address) pair, per address and per
 * account; one over any limit answers "throttled" without checking the password at all. The
 * account-wide limit spares addresses the owner signed in from, so a guesser cannot lock the
 * owner out, and its first trip tells the owner. `address` null means unknown: the pair is then
 * shared by everyone trying that account.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string | null },
  now: Date = systemNow(),
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const address = input.ip;
  await pruneLoginThrottleWhenDue(db, now);
  const throttled = { ok: false, reason: "throttled" } as const;

  const pair = pairKey(email, address);
  if (!(await countAttempt(db, pair, PAIR_RULE, now)).allowed) return throttled;
  const charged = [pair];
  const refuse = async () => {
    // Keys already counted give the attempt back: it never reached the password.
    for (const key of charged) await releaseAttempt(db, key);
    return throttled;
  };

  if (address) {
    if (!(await countAttempt(db, addressKey(address), ADDRESS_RULE, now)).allowed) return refuse();
    charged.push(addressKey(address));
  }

  const user = await findUser(db, email);
  const known = address ? await isKnownPair(db, email, address, now) : false;
  if (!known) {
    const account = await countAttempt(db, accountKey(email), ACCOUNT_RULE, now);
    if (!account.allowed) {
      if (account.tripped && user?.active && account.blockedUntil) {
        await notifyFailedSignIns(db, user, {
          failures: ACCOUNT_RULE.maxAttempts,
          windowStartedAt: account.windowStartedAt,
          at: now,
          blockedUntil: account.blockedUntil,
        });
      }
      return refuse();
    }
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !user.active || !passwordOk) return { ok: false, reason: "invalid" };

  await clearKey(db, pair);
  if (address) {
    await releaseAttempt(db, addressKey(address));
    await rememberKnownPair(db, email, address, now);
  }
  if (!known) await releaseAttempt(db, accountKey(email));
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, locale: user.locale },
  };
}
