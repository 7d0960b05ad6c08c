"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { currentUser } from "@/lib/auth/current-user";
import { runUnit } from "@/lib/effects/unit";
import { LOCALE_COOKIE, isLocale } from "./locale";

/**
 * The language switch. Signed in, it changes the user's own language (so e-mails and SMS follow);
 * signed out, it is remembered in a cookie for the login page.
 */
export async function setLanguageAction(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const user = await currentUser();
  if (user) {
    await runUnit(await getDb(), user, ({ tx, viewer, now }) => tx.update(users).set({ locale, updatedAt: now }).where(eq(users.id, viewer.id)));
  }
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
  return { ok: true };
}
