import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db, DbOrTx } from "@/db";
import { phoneVerificationCodes, users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import { authSecret } from "@/lib/auth/secret";
import type { Viewer } from "@/lib/auth/viewer";
import { refuseAfterCommit, runUnit, type Work } from "@/lib/effects/unit";
import { messages } from "@/lib/i18n/messages";
import type { SmsSender } from "@/lib/notify/providers/sms";
import { toGsm7 } from "@/lib/notify/sms/gsm7";
import { smsOptions } from "@/lib/notify/sms/settings";
import { isUniqueViolation } from "./unique-violation";

/**
 * Sending a code costs money and lands on someone's phone, so it is limited per person and per
 * number; a code is short, so it expires soon and takes few guesses.
 */
export const PHONE_CODE_RULES = {
  validForMs: 10 * 60_000,
  minGapMs: 60_000,
  perHour: 5,
  wrongGuesses: 5,
} as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The code is stored as an HMAC keyed with the server's secret and bound to the person and the
 * number, so a database dump does not reveal codes and a code proves this number for this person only.
 */
function codeHash(userId: string, phone: string, code: string): string {
  return createHmac("sha256", `baton.phone-code:${authSecret()}`).update(`${userId}\n${phone}\n${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Another active person who has verified this number, if any. */
async function verifiedOwnerOf(tx: DbOrTx, phone: string, exceptUserId?: string): Promise<string | null> {
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.phone, phone), eq(users.active, true), isNotNull(users.phoneVerifiedAt), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  return owner?.id ?? null;
}

/** Refuses a number another active person has verified: it is theirs, and SMS for this person would reach them. */
export async function assertPhoneFree(tx: DbOrTx, phone: string | null, exceptUserId?: string): Promise<void> {
  if (phone && (await verifiedOwnerOf(tx, phone, exceptUserId))) throw new Conflict("phoneTaken", { phone: ["phoneTaken"] });
}

/** Two people verifying one number at once: the partial unique index decides, the loser sees the same message. */
export function phoneConflictOr(error: unknown): unknown {
  return isUniqueViolation(error, "users_verified_phone_key") ? new Conflict("phoneTaken", { phone: ["phoneTaken"] }) : error;
}

/**
 * Sends a six-digit code by SMS to the number on the viewer's profile, through the normal SMS
 * provider (the development mailbox on a laptop). The limits are checked and the code row
 * written under locks on the person and the number, so a burst of requests sends one code.
 * The SMS goes out after that unit has committed: no transaction is held open across the
 * provider's answer, and a failed send still counts against the limits.
 */
export async function sendPhoneCode(db: Db, viewer: Viewer, sms: SmsSender, options: { now?: Date } = {}): Promise<{ expiresAt: Date }> {
  const issued = await runUnit(db, viewer, issuePhoneCode, options);
  const t = createTranslator({ locale: issued.locale, messages: messages[issued.locale], namespace: "settings.phoneVerification" });
  const text = t("sms", { code: issued.code, minutes: PHONE_CODE_RULES.validForMs / 60_000 });
  try {
    await sms.send(issued.phone, (await smsOptions(db)).gsm7 ? toGsm7(text) : text, `baton:phone-code:${issued.id}`);
  } catch (error) {
    // The code still counts against the limits: a failing provider must not become a way around them.
    console.error(`[phone-code] sending a verification code for user ${viewer.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new Conflict("settings.errors.codeNotSent");
  }
  return { expiresAt: issued.expiresAt };
}

interface IssuedCode {
  id: string;
  phone: string;
  code: string;
  expiresAt: Date;
  locale: "pl" | "en";
}

/** Checks the limits and stores a new code for the viewer's number (the unit before the SMS). */
async function issuePhoneCode({ tx, viewer, now }: Work): Promise<IssuedCode> {
  const [me] = await tx
    .select({ phone: users.phone, verifiedAt: users.phoneVerifiedAt, locale: users.locale })
    .from(users)
    .where(eq(users.id, viewer.id))
    .for("update");
  if (!me) throw new NotFound("notFound");
  if (!me.phone) throw new Invalid("settings.errors.noPhone", { phone: ["settings.errors.noPhone"] });
  if (me.verifiedAt) throw new Conflict("settings.errors.phoneAlreadyVerified");
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton.phone-code:${me.phone}`}))`);
  await assertPhoneFree(tx, me.phone, viewer.id);

  const recent = await tx
    .select({ userId: phoneVerificationCodes.userId, phone: phoneVerificationCodes.phone, createdAt: phoneVerificationCodes.createdAt })
    .from(phoneVerificationCodes)
    .where(
      and(
        or(eq(phoneVerificationCodes.userId, viewer.id), eq(phoneVerificationCodes.phone, me.phone)),
        gt(phoneVerificationCodes.createdAt, new Date(now.getTime() - HOUR_MS)),
      ),
    );
  if (recent.some((r) => r.createdAt.getTime() > now.getTime() - PHONE_CODE_RULES.minGapMs)) throw new Conflict("settings.errors.codeTooSoon");
  const byUser = recent.filter((r) => r.userId === viewer.id).length;
  const byPhone = recent.filter((r) => r.phone === me.phone).length;
  if (byUser >= PHONE_CODE_RULES.perHour || byPhone >= PHONE_CODE_RULES.perHour) throw new Conflict("settings.errors.tooManyCodes");

  // Codes older than a day count for no limit and verify nothing: this person's and this
  // number's go here, so the table holds no more than a day of requests per person.
  await tx
    .delete(phoneVerificationCodes)
    .where(
      and(
        or(eq(phoneVerificationCodes.userId, viewer.id), eq(phoneVerificationCodes.phone, me.phone)),
        lt(phoneVerificationCodes.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    );

  // Only the newest code works: an older one that is still in an SMS somewhere stops counting.
  await tx
    .update(phoneVerificationCodes)
    .set({ expiresAt: now })
    .where(and(eq(phoneVerificationCodes.userId, viewer.id), isNull(phoneVerificationCodes.usedAt), gt(phoneVerificationCodes.expiresAt, now)));
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + PHONE_CODE_RULES.validForMs);
  const [row] = await tx
    .insert(phoneVerificationCodes)
    .values({ userId: viewer.id, phone: me.phone, codeHash: codeHash(viewer.id, me.phone, code), createdAt: now, expiresAt })
    .returning({ id: phoneVerificationCodes.id });
  return { id: row!.id, phone: me.phone, code, expiresAt, locale: me.locale };
}

type Check = { outcome: "verified" } | { outcome: "wrong" } | { outcome: "locked" };

/**
 * Marks the viewer's number verified when the code matches the newest unexpired code sent to
 * that same number. A wrong guess is counted (and kept, although the attempt fails); after
 * `wrongGuesses` the code is dead and a new one must be sent. A code works once. The counted
 * guess commits although the person is refused.
 */
export async function verifyPhone(work: Work, { code }: { code: string }): Promise<{ verified: true }> {
  let result: Check;
  try {
    result = await checkCode(work, code);
  } catch (error) {
    throw phoneConflictOr(error);
  }
  if (result.outcome === "wrong") refuseAfterCommit(new Invalid("settings.errors.wrongCode", { code: ["settings.errors.wrongCode"] }));
  if (result.outcome === "locked") refuseAfterCommit(new Invalid("settings.errors.codeLocked", { code: ["settings.errors.codeLocked"] }));
  return { verified: true };
}

async function checkCode({ tx, viewer, now }: Work, code: string): Promise<Check> {
  const [me] = await tx.select({ phone: users.phone, verifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.id, viewer.id)).for("update");
  if (!me) throw new NotFound("notFound");
  if (!me.phone) throw new Invalid("settings.errors.noPhone", { phone: ["settings.errors.noPhone"] });
  if (me.verifiedAt) return { outcome: "verified" };
  const [latest] = await tx
    .select()
    .from(phoneVerificationCodes)
    .where(
      and(
        eq(phoneVerificationCodes.userId, viewer.id),
        eq(phoneVerificationCodes.phone, me.phone),
        isNull(phoneVerificationCodes.usedAt),
        gt(phoneVerificationCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(phoneVerificationCodes.createdAt))
    .limit(1)
    .for("update");
  if (!latest) throw new Invalid("settings.errors.codeExpired", { code: ["settings.errors.codeExpired"] });
  if (latest.failedAttempts >= PHONE_CODE_RULES.wrongGuesses) return { outcome: "locked" };
  if (!sameHash(codeHash(viewer.id, me.phone, code), latest.codeHash)) {
    await tx
      .update(phoneVerificationCodes)
      .set({ failedAttempts: sql`${phoneVerificationCodes.failedAttempts} + 1` })
      .where(eq(phoneVerificationCodes.id, latest.id));
    return { outcome: latest.failedAttempts + 1 >= PHONE_CODE_RULES.wrongGuesses ? "locked" : "wrong" };
  }
  await assertPhoneFree(tx, me.phone, viewer.id);
  await tx.update(phoneVerificationCodes).set({ usedAt: now }).where(eq(phoneVerificationCodes.id, latest.id));
  await tx.update(users).set({ phoneVerifiedAt: now, updatedAt: now }).where(eq(users.id, viewer.id));
  return { outcome: "verified" };
}
