"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setLanguageAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/locale";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className={className}>
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            await setLanguageAction(next);
            router.refresh();
          });
        }}
        className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-200"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`languageNames.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
