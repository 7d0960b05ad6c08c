"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { Bell, ChevronDown, Inbox, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/auth/actions";

export function UserMenu({ name, email, role, devMailbox }: { name: string; email: string; role: string; devMailbox: boolean }) {
  const t = useTranslations("nav");
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      {/* The name comes from the visible text (no aria-label over it), so speech control can say what it shows. */}
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-1.5 py-1 text-left hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-200">
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white">
          {initials}
        </span>
        <span className="sr-only">{t("account")}: </span>
        <span className="hidden leading-tight sm:block">
          <span className="block text-sm font-medium text-slate-800">{name}</span>
          <span className="block text-xs text-slate-500">{role}</span>
        </span>
        <ChevronDown aria-hidden className="h-3.5 w-3.5 text-slate-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-2.5 py-1.5 text-xs text-slate-500">{email}</div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item asChild>
            <Link
              href="/settings/profile"
              className="flex items-center gap-2 rounded px-2.5 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
            >
              <UserRound aria-hidden className="h-4 w-4" /> {t("profile")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link
              href="/notifications"
              className="flex items-center gap-2 rounded px-2.5 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
            >
              <Bell aria-hidden className="h-4 w-4" /> {t("notifications")}
            </Link>
          </DropdownMenu.Item>
          {devMailbox ? (
            <DropdownMenu.Item asChild>
              <Link
                href="/dev/mailbox"
                className="flex items-center gap-2 rounded px-2.5 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
              >
                <Inbox aria-hidden className="h-4 w-4" /> {t("devMailbox")}
              </Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item
            onSelect={() => {
              void signOutAction();
            }}
            className="flex cursor-pointer items-center gap-2 rounded px-2.5 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100"
          >
            <LogOut aria-hidden className="h-4 w-4" /> {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
