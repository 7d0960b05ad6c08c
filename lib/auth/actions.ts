"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "./nextauth";
import { safeCallbackUrl } from "./callback-url";

export interface LoginState {
  error?: "invalid" | "throttled";
  email?: string;
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallbackUrl(form.get("callbackUrl")),
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
