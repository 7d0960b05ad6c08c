import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { EntryAnswer } from "@/components/calendar/entry-answer";
import { Badge } from "@/components/ui/badge";
import { PriorityLabel } from "@/components/ui/priority-label";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { NotFound } from "@/lib/action/errors";
import { invitationAnswersFor } from "@/lib/calendar/invitations";
import { notificationWithLog } from "@/lib/notify/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("details") };
}

const STATUS_TONE = { pending: "slate", sent: "green", failed: "red", skipped: "amber" } as const;

export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = await getDb();
  const found = await notificationWithLog(db, viewer, id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const { notification: n, log } = found;
  const answer = (await invitationAnswersFor(db, viewer, [n.id])).get(n.id);
  const t = await getTranslations("inbox");
  const formatInstant = await getInstantFormat();

  return (
    <>
      <PageHeader
        title={n.title}
        description={`${formatInstant(n.createdAt)}${n.actorName ? ` · ${t("from", { name: n.actorName })}` : ""} · ${t("to", { name: n.recipientName })}`}
        actions={
          n.link ? (
            <Link href={n.link} className={buttonClass("primary")}>
              {t("open")}
            </Link>
          ) : null
        }
      />
      <div className="grid gap-4">
        <Card>
          <div className="flex flex-wrap items-center gap-2">
            <PriorityLabel priority={n.priority} className="text-xs" />
            <Badge tone={n.status === "sent" ? "green" : n.status === "failed" ? "red" : "slate"}>{t(`status.${n.status}`)}</Badge>
            <span className="text-xs text-slate-500">{n.readAt ? t("readAt", { time: formatInstant(n.readAt) }) : t("notRead")}</span>
          </div>
          {n.body ? <p className="mt-2 text-sm text-slate-700">{n.body}</p> : null}
          {answer ? <EntryAnswer className="mt-2" {...answer} /> : null}
        </Card>
        {log === null ? (
          // The status badge above is all the causer learns: channels and addresses are the recipient's.
          <Card title={t("delivery")}>
            <p className="text-sm text-slate-600">{t("deliverySummary", { name: n.recipientName })}</p>
          </Card>
        ) : (
          <section aria-labelledby="log">
            <h2 id="log" className="mb-2">
              {t("log")}
            </h2>
            {log.length === 0 ? (
              <EmptyState title={t("logEmpty")} />
            ) : (
              <Table caption={t("log")}>
                <thead>
                  <tr>
                    <Th>{t("col.channel")}</Th>
                    <Th>{t("col.status")}</Th>
                    <Th>{t("col.time")}</Th>
                    <Th>{t("col.attempts")}</Th>
                    <Th>{t("col.reason")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {log.map((d) => (
                    <tr key={d.channel}>
                      <Td className="font-medium">{t(`channel.${d.channel}`)}</Td>
                      <Td>
                        <Badge tone={STATUS_TONE[d.status]}>{t(`deliveryStatus.${d.status}`)}</Badge>
                        {d.status === "pending" && d.deliverAfter ? (
                          <span className="ml-2 text-xs text-slate-500">{t("heldUntil", { time: formatInstant(d.deliverAfter) })}</span>
                        ) : null}
                      </Td>
                      <Td className="text-xs whitespace-nowrap text-slate-500">{formatInstant(d.sentAt ?? d.updatedAt)}</Td>
                      <Td className="tabular-nums">{d.attempts}</Td>
                      <Td className="max-w-md text-xs break-words text-slate-600">{d.reason && d.status !== "sent" ? t(`reason.${d.reason}`) : ""}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        )}
      </div>
    </>
  );
}
