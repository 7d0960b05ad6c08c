import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { FirstPasswordForm } from "@/components/auth/first-password-form";
import { signedInAccount } from "@/lib/auth/current-user";
import { PASSWORD_CHANGE_PATH } from "@/lib/auth/password-change-gate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.firstLogin");
  return { title: t("title") };
}

/** Where proxy.ts sends a person whose password an admin typed, until they have chosen their own. */
export default async function ChangePasswordPage() {
  const account = await signedInAccount();
  if (!account) redirect(`/login?callbackUrl=${encodeURIComponent(PASSWORD_CHANGE_PATH)}`);
  if (!account.mustChangePassword) redirect("/");
  const t = await getTranslations("auth.firstLogin");
  return (
    <AuthFrame title={t("title")} intro={t("intro")}>
      <FirstPasswordForm />
    </AuthFrame>
  );
}
