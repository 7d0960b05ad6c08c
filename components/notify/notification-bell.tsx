"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notify/actions";
import type { InvitationAnswer } from "@/lib/calendar/invitations";
import type { Priority } from "@/lib/org/vocabulary";

export interface FeedItem {
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
  /** An invitation the viewer can still answer: its entry and their answer now (app/api/notifications). */
  answer: InvitationAnswer | null;
}

const load = () => import("./notification-bell-menu");
const NotificationBellMenu = lazy(load);

async function fetchFeed(): Promise<{ unread: number; items: FeedItem[] }> {
  // "no-cache": the browser keeps the last answer and asks with its ETag; an unchanged feed comes back 304, with no body.
  const res = await fetch("/api/notifications", { cache: "no-cache" });
  if (!res.ok) throw new Error(`feed ${res.status}`);
  return res.json() as Promise<{ unread: number; items: FeedItem[] }>;
}

/** The status-bar bell: unread count refreshed every few seconds, the latest items in a menu (loaded on first use). */
export function NotificationBell() {
  const t = useTranslations("inbox");
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
    <LazyMenu
      load={load}
      menu={NotificationBellMenu}
      props={{ items: data?.items, unread, onRead: (id: string) => markRead.mutate(id), onReadAll: () => markAll.mutate() }}
      label={`${t("bell")}: ${t("unread", { count: unread })}`}
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
    </LazyMenu>
  );
}
