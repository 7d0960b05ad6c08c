"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { subscribeLinks } from "@/lib/feeds/clients";

/** A feed's address, shown once after it is made: copy it, or subscribe in one click, with how often each app refreshes. */
export function FeedAddress({ url, name, message }: { url: string; name: string; message: string }) {
  const t = useTranslations("feeds");
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  const links = subscribeLinks(url, name);
  const subscriptions = [
    { href: links.outlookWeb, label: t("outlookWeb"), note: t("outlookWebNote"), external: true },
    { href: links.webcal, label: t("webcal"), note: t("webcalNote"), external: false },
    { href: links.google, label: t("google"), note: t("googleNote"), external: true },
  ];
  return (
    <section className="mt-3 grid gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
      <p role="status" className="text-emerald-800">
        {message}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 grow space-y-1">
          <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
            {t("url")}
          </label>
          <Input id={inputId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        </div>
        <Button
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {t("copy")}
        </Button>
      </div>
      <p role="status" className="text-xs text-emerald-800">
        {copied ? t("copied") : null}
      </p>
      <h3 className="text-xs font-semibold text-slate-700">{t("subscribe")}</h3>
      <ul className="grid gap-1.5">
        {subscriptions.map((s) => (
          <li key={s.label}>
            <a href={s.href} className="font-medium text-brand-700 underline" {...(s.external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
              {s.label}
            </a>
            <span className="block text-xs text-slate-600">{s.note}</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600">{t("secretNote")}</p>
    </section>
  );
}
