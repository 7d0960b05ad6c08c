import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_RULE, accountKey, blockedUntil, clearKey, recordFailure } from "@/lib/auth/throttle";
import type { Viewer } from "@/lib/auth/viewer";
import { assertPhoneFree } from "./phone-verification";
import { SELF_EDITABLE_FIELDS, type SelfEditableField } from "./policy";
import type { ChangePasswordInput, ProfileInput } from "./schema";

/**
 * A person's own settings. Only the self-editable fields are written, whatever else arrives.
 * A new phone number is unverified until its SMS code is entered; a number another active
 * person has verified is refused.
 */
export async function updateOwnProfile(db: Db, viewer: Viewer, input: ProfileInput): Promise<{ locale: "pl" | "en" }> {
  const changes = Object.fromEntries(SELF_EDITABLE_FIELDS.map((field) => [field, input[field]])) as Pick<ProfileInput, SelfEditableField>;
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, viewer.id)).for("update");
    if (!current) throw new NotFound("notFound");
    const phoneChanged = changes.phone !== current.phone;
    if (phoneChanged) await assertPhoneFree(tx, changes.phone, viewer.id);
    const [updated] = await tx
      .update(users)
      .set({ ...changes, ...(phoneChanged ? { phoneVerifiedAt: null } : {}), updatedAt: new Date() })
      .where(eq(users.id, viewer.id))
      .returning({ locale: users.locale });
    return updated!;
  });
  return { locale: row.locale };
}

/**
 * Changes the person's own password after checking the current one. Wrong guesses count
 * against the account's sign-in limit, so a borrowed session cannot be used to find the
 * password. The session version is bumped: every session, this one included, ends.
 */
export async function changeOwnPassword(db: Db, viewer: Viewer, input: ChangePasswordInput, now: Date = new Date()): Promise<{ signedOut: true }> {
  const key = accountKey(viewer.email);
  if (await blockedUntil(db, key, now)) throw new Conflict("settings.errors.tooManyAttempts");
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (!row) throw new NotFound("notFound");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordFailure(db, key, ACCOUNT_RULE, now);
    throw new Invalid("settings.errors.wrongPassword", { currentPassword: ["settings.errors.wrongPassword"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, viewer.id));
  await clearKey(db, key);
  return { signedOut: true };
}
