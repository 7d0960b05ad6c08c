"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { clsx } from "clsx";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notify/actions";
import type { Priority } from "@/lib/org/vocabulary";

interface FeedItem {
  id: string;
  kind: string;
  priority: Priority;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  /** The time in the viewer's date format, written by the server. */
  at: string;
  readAt: string | null;
  actorName: string | null;
}

const DOT: Record<FeedItem["priority"], string> = { low: "bg-slate-400", normal: "bg-blue-500", high: "bg-amber-500", urgent: "bg-red-600" };

async function fetchFeed(): Promise<{ unread: number; items: FeedItem[] }> {
  // "no-cache": the browser keeps the last answer and asks with its ETag; an unchanged feed comes back 304, with no body.
  const res = await fetch("/api/notifications", { cache: "no-cache" });
  if (!res.ok) throw new Error(`feed ${res.status}`);
  return res.json() as Promise<{ unread: number; items: FeedItem[] }>;
}

/** The status-bar bell: unread count refreshed every few seconds, the latest items in a menu. */
export function NotificationBell() {
  const t = useTranslations("inbox");
  const format = useFormatter();
  // relativeTime needs a now: without one next-intl logs an error on every render (and a poll renders every 4 s).
  const now = useNow({ updateInterval: 30_000 });
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["notifications"],
    queryFn: fetchFeed,
    refetchInterval: 4_000,
    // A hidden tab does not poll; it asks once when it comes back.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
  const unread = data?.unread ?? 0;

  const markRead = useMutation({
    mutationFn: (id: string) => markNotificationReadAction({ id }),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: ["notifications"] });
      queryClient.setQueryData<{ unread: number; items: FeedItem[] }>(["notifications"], (old) =>
        old
          ? {
              unread: Math.max(0, old.unread - (old.items.find((i) => i.id === id && !i.readAt) ? 1 : 0)),
              // An optimistic mark in the browser; the server's readAt (its unit's now) replaces it on refetch.
              // eslint-disable-next-line no-restricted-syntax
              items: old.items.map((i) => (i.id === id ? { ...i, readAt: new Date().toISOString() } : i)),
            }
          : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const markAll = useMutation({
    mutationFn: () => markAllNotificationsReadAction({}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`${t("bell")}: ${t("unread", { count: unread })}`}
        className="relative flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-200"
      >
        <Bell aria-hidden className="h-4.5 w-4.5" strokeWidth={1.75} />
        {unread > 0 ? (
          <span
            data-testid="unread-count"
            className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-96 rounded-md border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-semibold text-slate-800">{t("bell")}</p>
            {unread > 0 ? (
              <button type="button" onClick={() => markAll.mutate()} className="text-xs font-medium text-brand-600 hover:underline">
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
                    if (!item.readAt) markRead.mutate(item.id);
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
