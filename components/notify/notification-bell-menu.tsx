"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { clsx } from "clsx";
import { useState, type ReactNode } from "react";
import { EntryAnswer, type AnswerChoice } from "@/components/calendar/entry-answer";
import type { FeedItem } from "./notification-bell";

const DOT: Record<FeedItem["priority"], string> = { low: "bg-slate-400", normal: "bg-blue-500", high: "bg-amber-500", urgent: "bg-red-600" };

/**
 * An answer inside the menu: a menu radio item (only menu items take focus in a menu, and a
 * toggle button is no menu item). Choosing keeps the menu open, so the new answer is seen.
 */
function menuChoice({ pressed, choose, label }: AnswerChoice) {
  return (
    <DropdownMenu.Item
      role="menuitemradio"
      aria-checked={pressed}
      onSelect={(event) => {
        event.preventDefault();
        choose();
      }}
      className={clsx(
        "cursor-pointer rounded border px-2 py-0.5 text-xs font-medium outline-none data-[highlighted]:ring-2 data-[highlighted]:ring-brand-200",
        pressed ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-300",
      )}
    >
      {label}
    </DropdownMenu.Item>
  );
}

/**
 * The bell's menu of latest notices, loaded on first use (notification-bell.tsx draws the button
 * and polls until then). An invitation that can still be answered offers accept / tentative /
 * decline right under it; answering marks the notice read.
 */
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
  // What an answer given here says, read out from outside the menu (a menu holds menu items only).
  const [said, setSaid] = useState({ status: "", error: "" });
  return (
    // Not modal: a modal menu hides the rest of the page from assistive technology, the live
    // regions next to the button included, and the answer's result would go unheard.
    <DropdownMenu.Root defaultOpen modal={false}>
      <DropdownMenu.Trigger aria-label={label} className={className}>
        {trigger}
      </DropdownMenu.Trigger>
      <span role="status" className="sr-only">
        {said.status}
      </span>
      <span role="alert" className="sr-only">
        {said.error}
      </span>
      {/* No portal: in the status bar (a landmark) the menu's content is where a screen reader's landmark list finds it. */}
      <DropdownMenu.Content align="end" sideOffset={6} className="z-50 w-96 rounded-md border border-slate-200 bg-white shadow-lg">
        <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
          <p className="text-sm font-semibold text-slate-800">{t("bell")}</p>
          {unread > 0 ? (
            <DropdownMenu.Item
              onSelect={(event) => {
                event.preventDefault();
                onReadAll();
              }}
              className="cursor-pointer rounded text-xs font-medium text-brand-600 outline-none hover:underline data-[highlighted]:underline"
            >
              {t("markAllRead")}
            </DropdownMenu.Item>
          ) : null}
        </div>
        <div className="max-h-96 overflow-y-auto py-1">
          {!data?.items.length ? (
            <p className="px-3 py-4 text-sm text-slate-500">{t("empty")}</p>
          ) : (
            data.items.map((item) => (
              <div key={item.id} className={clsx(!item.readAt && "bg-brand-50/40")}>
                <DropdownMenu.Item
                  onSelect={() => {
                    if (!item.readAt) onRead(item.id);
                    router.push(item.link ?? "/notifications");
                  }}
                  className="flex cursor-pointer gap-2.5 px-3 py-2 outline-none data-[highlighted]:bg-slate-50"
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
                {item.answer ? (
                  <EntryAnswer
                    {...item.answer}
                    about={item.title}
                    renderChoice={menuChoice}
                    announce={(message, tone) => setSaid(tone === "error" ? { status: "", error: message } : { status: message, error: "" })}
                    onAnswered={() => {
                      if (!item.readAt) onRead(item.id);
                    }}
                    className="pr-3 pb-2 pl-7"
                  />
                ) : null}
              </div>
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
    </DropdownMenu.Root>
  );
}
