"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";

/** The status-bar bell. The notifications work fills it with the unread feed. */
export function NotificationBell() {
  const t = useTranslations("nav");
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t("notifications")}
        className="relative flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-200"
      >
        <Bell aria-hidden className="h-4.5 w-4.5" strokeWidth={1.75} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-80 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          <p className="text-sm font-semibold text-slate-800">{t("notifications")}</p>
          <p className="mt-2 text-sm text-slate-500">{t("noNotifications")}</p>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
