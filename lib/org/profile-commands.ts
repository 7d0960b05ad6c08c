import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_CHANGE_RULE, clearKey, countAttempt, passwordChangeKey } from "@/lib/auth/throttle";
import { refuseAfterCommit, type Work } from "@/lib/effects/unit";
import { assertPhoneFree } from "./phone-verification";
import { SELF_EDITABLE_FIELDS, type SelfEditableField } from "./policy";
import type { ChangePasswordInput, ProfileInput } from "./schema";

/**
 * A person's own settings. Only the self-editable fields are written, whatever else arrives.
 * A new phone number is unverified until its SMS code is entered; a number another active
 * person has verified is refused.
 */
export async function updateOwnProfile({ tx, viewer, now }: Work, input: ProfileInput): Promise<{ locale: "pl" | "en" }> {
  const changes = Object.fromEntries(SELF_EDITABLE_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]])) as Pick<
    ProfileInput,
    SelfEditableField
  >;
  const [current] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, viewer.id)).for("update");
  if (!current) throw new NotFound("notFound");
  const phoneChanged = changes.phone !== current.phone;
  if (phoneChanged) await assertPhoneFree(tx, changes.phone, viewer.id);
  const [updated] = await tx
    .update(users)
    .set({ ...changes, ...(phoneChanged ? { phoneVerifiedAt: null } : {}), updatedAt: now })
    .where(eq(users.id, viewer.id))
    .returning({ locale: users.locale });
  return { locale: updated!.locale };
}

/**
 * Changes the person's own password after checking the current one. Each try is counted
 * before the check (atomically, like sign-in), so a borrowed session cannot be used to guess
 * the password. The session version is bumped: every session, this one included, ends.
 * The counted try stays counted when the answer is a refusal: those refusals commit the unit.
 * It is also how a person replaces a password an admin typed (users.must_change_password).
 */
export async function changeOwnPassword({ tx, viewer, now }: Work, input: ChangePasswordInput): Promise<{ signedOut: true }> {
  const key = passwordChangeKey(viewer.id);
  if (!(await countAttempt(tx, key, PASSWORD_CHANGE_RULE, now)).allowed) refuseAfterCommit(new Conflict("settings.errors.tooManyAttempts"));
  const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (!row) throw new NotFound("notFound");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    refuseAfterCommit(new Invalid("settings.errors.wrongPassword", { currentPassword: ["settings.errors.wrongPassword"] }));
  }
  const passwordHash = await hashPassword(input.newPassword);
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, viewer.id));
  await clearKey(tx, key);
  return { signedOut: true };
}
