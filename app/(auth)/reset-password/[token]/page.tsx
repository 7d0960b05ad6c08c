import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { resetLinkState } from "@/lib/auth/password-reset";
import { systemNow } from "@/lib/time/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * The page an e-mailed reset link opens. Opening it uses nothing up (mail scanners open links
 * first); a used, expired, superseded or unknown link gets a page that says so and offers a new one.
 */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.reset");
  const valid = token.length <= 100 && (await resetLinkState(await getDb(), token, systemNow())) === "valid";
  if (!valid) {
    return (
      <AuthFrame title={t("linkInvalidTitle")} intro={t("linkInvalid")}>
        <Link href="/forgot-password" className={buttonClass("primary", "md", "w-full")}>
          {t("requestNew")}
        </Link>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t("title")} intro={t("intro")}>
      <ResetPasswordForm token={token} />
    </AuthFrame>
  );
}
