import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { clsx } from "clsx";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { EntryAnswer } from "@/components/calendar/entry-answer";
import { MarkAllReadButton } from "@/components/notify/mark-all-read-button";
import { SnoozeControl } from "@/components/reminders/snooze-control";
import { Badge } from "@/components/ui/badge";
import { PriorityLabel } from "@/components/ui/priority-label";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { invitationAnswersFor } from "@/lib/calendar/invitations";
import { notificationsCausedBy, notificationsOf } from "@/lib/notify/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const viewer = await requireViewer();
  const { tab } = await searchParams;
  const sent = tab === "sent";
  const t = await getTranslations("inbox");
  const formatInstant = await getInstantFormat();
  const db = await getDb();

  const tabs = (
    <nav aria-label={t("title")} className="mb-3 flex gap-1 border-b border-slate-200">
      {[
        { href: "/notifications", label: t("tabReceived"), active: !sent },
        { href: "/notifications?tab=sent", label: t("tabSent"), active: sent },
      ].map((x) => (
        <Link
          key={x.href}
          href={x.href}
          aria-current={x.active ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-1.5 text-sm font-medium",
            x.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
          )}
        >
          {x.label}
        </Link>
      ))}
    </nav>
  );

  if (sent) {
    const rows = await notificationsCausedBy(db, viewer, 100);
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        {tabs}
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <Table caption={t("tabSent")}>
            <thead>
              <tr>
                <Th>{t("col.title")}</Th>
                <Th>{t("col.recipient")}</Th>
                <Th>{t("col.status")}</Th>
                <Th>{t("col.read")}</Th>
                <Th>{t("col.time")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/notifications/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                  </Td>
                  <Td>{r.recipientName}</Td>
                  <Td>
                    <Badge tone={r.status === "sent" ? "green" : r.status === "failed" ? "red" : "slate"}>{t(`status.${r.status}`)}</Badge>
                  </Td>
                  <Td className="text-xs text-slate-500">{r.readAt ? t("readAt", { time: formatInstant(r.readAt) }) : t("notRead")}</Td>
                  <Td className="text-xs whitespace-nowrap text-slate-500">{formatInstant(r.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </>
    );
  }

  const items = await notificationsOf(db, viewer, { limit: 100 });
  const answers = await invitationAnswersFor(
    db,
    viewer,
    items.map((i) => i.id),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={items.some((i) => !i.readAt) ? <MarkAllReadButton /> : null} />
      {tabs}
      {items.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
          {items.map((item) => (
            <li
              key={item.id}
              data-unread={!item.readAt || undefined}
              className={clsx("flex items-start gap-3 border-l-4 px-4 py-2.5", item.readAt ? "border-l-transparent" : "border-l-brand-600 bg-brand-50/40")}
            >
              {/* Unread is a dot and a word, not only a tint: it must show in grey scale and be read out. */}
              <span aria-hidden className={clsx("mt-1.5 h-2 w-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : "bg-brand-600")} />
              <PriorityLabel priority={item.priority} className="mt-0.5 w-20 shrink-0 text-xs" />
              <div className="min-w-0 flex-1">
                <Link
                  href={item.link ?? `/notifications/${item.id}`}
                  className={clsx("block text-sm hover:underline", item.readAt ? "text-slate-700" : "font-semibold text-slate-900")}
                >
                  {item.readAt ? null : <span className="sr-only">{t("unreadMark")}: </span>}
                  {item.title}
                </Link>
                {item.body ? <p className="text-xs text-slate-500">{item.body}</p> : null}
                {item.kind.startsWith("reminder") ? <SnoozeControl notificationId={item.id} /> : null}
                {answers.has(item.id) ? <EntryAnswer className="mt-1" about={item.title} {...answers.get(item.id)!} /> : null}
                <p className="mt-0.5 text-[11px] text-muted">
                  {item.readAt ? null : (
                    <span aria-hidden className="mr-1.5 font-semibold text-brand-700 uppercase">
                      {t("unreadMark")}
                    </span>
                  )}
                  {formatInstant(item.createdAt)}
                  {item.actorName ? ` · ${t("from", { name: item.actorName })}` : ""}
                </p>
                {/* On a phone the link sits under the text, which then keeps the row's width. */}
                <Link href={`/notifications/${item.id}`} className="mt-0.5 inline-block text-xs text-slate-500 hover:text-brand-700 hover:underline sm:hidden">
                  {t("details")}
                </Link>
              </div>
              <Link href={`/notifications/${item.id}`} className="hidden shrink-0 text-xs text-slate-500 hover:text-brand-700 hover:underline sm:block">
                {t("details")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
