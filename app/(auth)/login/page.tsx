import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current-user";
import { ssoSignInAction } from "@/lib/auth/actions";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ssoProviders } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const providers = ssoProviders();
  const notice = params.error === "sso" ? t("sso") : params.passwordChanged ? t("passwordChanged") : params.signedOut ? t("signedOut") : null;

  return (
    <AuthFrame title={t("title")} intro={t("subtitle")}>
      {notice ? (
        <p role="status" className="mb-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {notice}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      <p className="mt-3 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          {t("forgotLink")}
        </Link>
      </p>
      {providers.length ? (
        <div className="mt-4 space-y-2">
          <p className="text-center text-xs text-muted">{t("or")}</p>
          {providers.map((p) => (
            <form key={p.id} action={ssoSignInAction}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className={buttonClass("secondary", "md", "w-full")}>
                {t("continueWith", { provider: p.name })}
              </button>
            </form>
          ))}
        </div>
      ) : null}
    </AuthFrame>
  );
}
