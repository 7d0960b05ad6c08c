"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { AuthError, CredentialsSignin } from "next-auth";
import { Conflict } from "@/lib/action/errors";
import { defineActionAs, definePublicAction } from "@/lib/action/define";
import { env } from "@/lib/config/env";
import { configuredProviders } from "@/lib/notify/runtime";
import { changeOwnPassword } from "@/lib/org/profile-commands";
import { changePasswordInput } from "@/lib/org/schema";
import { systemNow } from "@/lib/time/clock";
import { getDb } from "@/db";
import { clientAddress } from "./client-address";
import { PASSWORD_CHANGE_PATH } from "./password-change-gate";
import { viewerAwaitingPasswordChange } from "./current-user";
import { signIn, signOut } from "./nextauth";
import { safeCallbackUrl } from "./callback-url";
import { admitResetRequest, resetPasswordWithLink, sendPasswordReset } from "./password-reset";
import { forgotPasswordInput, resetPasswordInput } from "./schema";
import { mustChangePasswordOf } from "./viewer";

export interface LoginState {
  error?: "invalid" | "throttled";
  email?: string;
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    // Only followed when the password was right: then a person who must replace an admin's password goes there first.
    const mustChange = await mustChangePasswordOf(await getDb(), email);
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: mustChange ? PASSWORD_CHANGE_PATH : safeCallbackUrl(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // A successful sign-in ends in a redirect, which must propagate.
    if (error instanceof CredentialsSignin) return { error: error.code === "throttled" ? "throttled" : "invalid", email };
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error;
  }
}

export async function ssoSignInAction(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  if (provider !== "microsoft-entra-id" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}

/**
 * "Forgot password?". The request only counts the attempt (per address asked for and per client
 * address) and answers; looking the account up and sending the e-mail happen after the answer
 * has gone, so neither the answer nor its timing tells whether the address has an account.
 * Whatever goes wrong while sending is logged without the link.
 */
export const requestPasswordResetAction = definePublicAction(forgotPasswordInput, async ({ email }, db) => {
  const now = systemNow();
  if (!(await admitResetRequest(db, email, clientAddress(await headers()), now))) throw new Conflict("auth.forgot.throttled");
  const appUrl = env().APP_URL;
  after(async () => {
    try {
      await sendPasswordReset(db, { email, appUrl, sender: configuredProviders(db).email }, now);
    } catch (error) {
      console.error("[password-reset] sending the link failed:", error instanceof Error ? error.name : "unknown error");
    }
  });
  return { requested: true as const };
});

/** Sets a new password through an e-mailed link; every session of the person ends. */
export const resetPasswordAction = definePublicAction(resetPasswordInput, async ({ token, newPassword }, db) => {
  await resetPasswordWithLink(db, { token, password: newPassword }, systemNow());
  return { changed: true as const };
});

/** The first sign-in of a person whose password an admin typed: they choose their own (the old one is asked for). */
export const changeFirstPasswordAction = defineActionAs(viewerAwaitingPasswordChange, changePasswordInput, (input, work) => changeOwnPassword(work, input));

/** After a password change every session has ended: the cookie goes, and the login page says why. */
export async function signOutAfterPasswordChangeAction(): Promise<void> {
  await signOut({ redirectTo: "/login?passwordChanged=1" });
}
