import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { users } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/action/errors";
import { hashPassword } from "@/lib/auth/password";
import { runUnit } from "@/lib/effects/unit";
import { LANGUAGES, createUserInput } from "./schema";
import { isUniqueViolation } from "./unique-violation";

// Printed in the README (demo accounts, scale seed): the first passwords anyone would try.
const PUBLISHED_PASSWORDS = new Set([DEMO_PASSWORD, "Baton-scale-2026"].map((p) => p.toLowerCase()));

/** The same name, e-mail and password rules as the admin's user form, and no guessable password. */
export const adminAccountInput = createUserInput
  .pick({ name: true, email: true, password: true })
  .extend({ locale: z.enum(LANGUAGES).default("pl") })
  .superRefine((v, ctx) => {
    const lowered = v.password.toLowerCase();
    const localPart = v.email.split("@")[0] ?? "";
    if (PUBLISHED_PASSWORDS.has(lowered) || lowered.includes(v.email) || (localPart.length >= 4 && lowered.includes(localPart))) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "passwordTooGuessable" });
    }
    if (new Set(v.password).size < 5) ctx.addIssue({ code: "custom", path: ["password"], message: "passwordTooGuessable" });
  });
export type AdminAccountInput = z.input<typeof adminAccountInput>;

/**
 * Creates an administrator without anyone signed in: the first account of a production
 * deployment (`npm run admin:create`), or a way back in for an organisation locked out of its
 * admin accounts. The organisation needs no other rows to work: escalation policy, working
 * week and routing defaults apply until an admin saves their own.
 */
export async function createAdminAccount(db: Db, input: AdminAccountInput): Promise<{ id: string; email: string }> {
  const parsed = adminAccountInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "input")] ??= []).push(issue.message);
    throw new Invalid("invalidInput", fieldErrors);
  }
  const { name, email, password, locale } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    // A unit on nobody's behalf: the account is created before anyone can sign in.
    return await runUnit(db, null, async ({ tx, now }) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) throw new Conflict("emailTaken", { email: ["emailTaken"] });
      const [row] = await tx
        .insert(users)
        .values({ name, email, passwordHash, locale, role: "admin", createdAt: now, updatedAt: now })
        .returning({ id: users.id, email: users.email });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new Conflict("emailTaken", { email: ["emailTaken"] });
    throw error;
  }
}
