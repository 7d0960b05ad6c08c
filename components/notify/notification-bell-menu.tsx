"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { clsx } from "clsx";
import type { ReactNode } from "react";
import type { FeedItem } from "./notification-bell";

const DOT: Record<FeedItem["priority"], string> = { low: "bg-slate-400", normal: "bg-blue-500", high: "bg-amber-500", urgent: "bg-red-600" };

/** The bell's menu of latest notices, loaded on first use (notification-bell.tsx draws the button and polls until then). */
export default function NotificationBellMenu({
  items,
  unread,
  onRead,
  onReadAll,
  trigger,
  className,
  label,
}: {
  items: FeedItem[] | undefined;
  unread: number;
  onRead: (id: string) => void;
  onReadAll: () => void;
  trigger: ReactNode;
  className?: string;
  label?: string;
}) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  // relativeTime needs a now: without one next-intl logs an error on every render (and a poll renders every 4 s).
  const now = useNow({ updateInterval: 30_000 });
  const router = useRouter();
  const data = items ? { items } : undefined;
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger aria-label={label} className={className}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-96 rounded-md border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-semibold text-slate-800">{t("bell")}</p>
            {unread > 0 ? (
              <button type="button" onClick={onReadAll} className="text-xs font-medium text-brand-600 hover:underline">
                {t("markAllRead")}
              </button>
            ) : null}
          </div>
          <div className="max-h-96 overflow-y-auto py-1">
            {!data?.items.length ? (
              <p className="px-3 py-4 text-sm text-slate-500">{t("empty")}</p>
            ) : (
              data.items.map((item) => (
                <DropdownMenu.Item
                  key={item.id}
                  onSelect={() => {
                    if (!item.readAt) onRead(item.id);
                    router.push(item.link ?? "/notifications");
                  }}
                  className={clsx("flex cursor-pointer gap-2.5 px-3 py-2 outline-none data-[highlighted]:bg-slate-50", !item.readAt && "bg-brand-50/40")}
                >
                  <span aria-hidden className={clsx("mt-1.5 h-2 w-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : DOT[item.priority])} />
                  <span className="min-w-0 flex-1">
                    <span className={clsx("block truncate text-sm", item.readAt ? "text-slate-600" : "font-medium text-slate-900")}>{item.title}</span>
                    {item.body ? <span className="block truncate text-xs text-slate-500">{item.body}</span> : null}
                    <time dateTime={item.createdAt} title={item.at} className="block text-[11px] text-muted">
                      {format.relativeTime(new Date(item.createdAt), now)}
                    </time>
                  </span>
                </DropdownMenu.Item>
              ))
            )}
          </div>
          <div className="border-t border-slate-100 px-3 py-2">
            <DropdownMenu.Item asChild>
              <Link href="/notifications" className="text-xs font-medium text-brand-600 outline-none hover:underline data-[highlighted]:underline">
                {t("showAll")}
              </Link>
            </DropdownMenu.Item>
          </div>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
