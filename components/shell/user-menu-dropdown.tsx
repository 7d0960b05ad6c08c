"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "@/components/ui/link";
import { Bell, Inbox, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";

/** The account menu itself, loaded on first use (user-menu.tsx draws the button until then). */
export default function UserMenuDropdown({
  email,
  devMailbox,
  trigger,
  className,
}: {
  email: string;
  devMailbox: boolean;
  trigger: ReactNode;
  className?: string;
}) {
  const t = useTranslations("nav");
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger className={className}>{trigger}</DropdownMenu.Trigger>
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
