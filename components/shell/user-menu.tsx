"use client";

import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { LazyMenu } from "@/components/ui/lazy-menu";

const load = () => import("./user-menu-dropdown");
const UserMenuDropdown = lazy(load);

export function UserMenu({ name, email, role, devMailbox }: { name: string; email: string; role: string; devMailbox: boolean }) {
  const t = useTranslations("nav");
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    // The name comes from the visible text (no aria-label over it), so speech control can say what it shows.
    <LazyMenu
      load={load}
      menu={UserMenuDropdown}
      props={{ email, devMailbox }}
      className="flex items-center gap-2 rounded-md px-1.5 py-1 text-left hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-200"
    >
      <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white">
        {initials}
      </span>
      <span className="sr-only">{t("account")}: </span>
      <span className="hidden leading-tight sm:block">
        <span className="block text-sm font-medium text-slate-800">{name}</span>
        <span className="block text-xs text-slate-500">{role}</span>
      </span>
      <ChevronDown aria-hidden className="h-3.5 w-3.5 text-slate-500" />
    </LazyMenu>
  );
}
