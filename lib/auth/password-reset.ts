import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import { runUnit } from "@/lib/effects/unit";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { renderNotificationEmail } from "@/lib/notify/email/email-template";
import { notice } from "@/lib/notify/notice";
import { writeOutbox } from "@/lib/notify/outbox";
import type { EmailSender } from "@/lib/notify/providers/email";
import { oneLine } from "@/lib/text/clean-text";
import { hashPassword } from "./password";
import { RESET_ACCOUNT_RULE, RESET_ADDRESS_RULE, countAttempt, resetAccountKey, resetAddressKey } from "./throttle";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 45;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a reset link opens; the token is a path segment so the form can post it back. */
export function resetPath(token: string): string {
  return `/reset-password/${token}`;
}

/**
 * Counts a reset request against the requested address and the client's address, before
 * anything about the account is looked at, so the answer ("sent" or "throttled") depends only
 * on what the requester typed and where from, never on whether the account exists.
 */
export async function admitResetRequest(db: Db, email: string, ip: string | null, now: Date): Promise<boolean> {
  if (!(await countAttempt(db, resetAccountKey(email), RESET_ACCOUNT_RULE, now)).allowed) return false;
  if (ip && !(await countAttempt(db, resetAddressKey(ip), RESET_ADDRESS_RULE, now)).allowed) return false;
  return true;
}

/**
 * Sends an active person a reset link by e-mail, in their language; an unknown, inactive or
 * password-less (single sign-on only) address gets nothing, and the caller answers the same.
 * The token leaves this function only inside the e-mail: the row keeps its hash, the idempotency
 * key names the row, and nothing is logged. Older unused links of the person stop working.
 */
export async function sendPasswordReset(db: Db, input: { email: string; appUrl: string; sender: EmailSender }, now: Date): Promise<{ sent: boolean }> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  if (!user?.active || !user.passwordHash) return { sent: false };
  const token = randomBytes(32).toString("base64url");
  const row = await db.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    const [inserted] = await tx
      .insert(passwordResetTokens)
      .values({ userId: user.id, tokenHash: hashResetToken(token), createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) })
      .returning({ id: passwordResetTokens.id });
    return inserted!;
  });
  const message = await resetEmail(user, new URL(resetPath(token), input.appUrl).toString(), new URL("/login", input.appUrl).toString());
  await input.sender.send(message, `password-reset-${row.id}`);
  return { sent: true };
}

async function resetEmail(user: { email: string; name: string; locale: Locale }, url: string, loginUrl: string) {
  const t = createTranslator({ locale: user.locale, messages: messages[user.locale], namespace: "auth.reset.email" });
  const heading = t("heading");
  const { html, text } = await renderNotificationEmail({
    lang: user.locale,
    heading,
    body: t("body", { name: user.name, minutes: RESET_LINK_MINUTES }),
    eyebrow: t("eyebrow"),
    buttonLabel: t("button"),
    buttonUrl: url,
    footer: t("footer"),
    preferencesLabel: t("signIn"),
    preferencesUrl: loginUrl,
    accent: "#3b82f6",
  });
  return { to: user.email, subject: oneLine(t("subject")), html, text };
}

export type ResetLinkState = "valid" | "invalid";

/** Whether a link still works, without using it up (mail scanners open links before people do). */
export async function resetLinkState(db: Db, token: string, now: Date): Promise<ResetLinkState> {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashResetToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ? "valid" : "invalid";
}

/**
 * Sets a new password through a reset link: once, before it expires, for an active person. Every
 * session of theirs ends (the session version moves), every other link of theirs stops working,
 * an admin's "change at first sign-in" is satisfied, and the person gets a notice (in the app and
 * by e-mail) that their password was reset. A used, expired or unknown link is `Invalid` ("linkInvalid").
 */
export async function resetPasswordWithLink(db: Db, input: { token: string; password: string }, now: Date): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return runUnit(
    db,
    null,
    async (work) => {
      const { tx } = work;
      // The row is locked: two submissions of one link cannot both succeed.
      const [link] = await tx
        .select({
          id: passwordResetTokens.id,
          userId: passwordResetTokens.userId,
          usedAt: passwordResetTokens.usedAt,
          expiresAt: passwordResetTokens.expiresAt,
        })
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.tokenHash, hashResetToken(input.token)))
        .for("update");
      if (!link || link.usedAt || link.expiresAt <= now) throw new Invalid("auth.reset.linkInvalid");
      const [user] = await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(and(eq(users.id, link.userId), eq(users.active, true)))
        .returning({ id: users.id, locale: users.locale, timeZone: users.timeZone });
      if (!user) throw new Invalid("auth.reset.linkInvalid");
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
      await writeOutbox(work, [notice("auth.passwordReset", { at: now.toISOString() }, user)]);
      return { userId: user.id };
    },
    { now },
  );
}
