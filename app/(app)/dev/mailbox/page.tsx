import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { devMailboxEnabled, devMailboxOf } from "@/lib/notify/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("mailbox.title") };
}

export default async function DevMailboxPage() {
  const viewer = await requireViewer();
  if (!devMailboxEnabled()) notFound();
  const t = await getTranslations("inbox");
  const formatInstant = await getInstantFormat();
  const messages = await devMailboxOf(await getDb(), viewer);
  return (
    <>
      <PageHeader title={t("mailbox.title")} description={t("mailbox.description")} />
      {messages.length === 0 ? (
        <EmptyState title={t("mailbox.empty")} />
      ) : (
        <Table caption={t("mailbox.title")}>
          <thead>
            <tr>
              <Th className="w-20">{t("col.channel")}</Th>
              <Th>{t("mailbox.to")}</Th>
              <Th>{t("mailbox.subject")}</Th>
              <Th className="w-40">{t("mailbox.sent")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {messages.map((m) => (
              <tr key={m.id} className="hover:bg-slate-50">
                <Td>
                  <Badge tone={m.channel === "sms" ? "violet" : "blue"}>{t(`mailbox.${m.channel}`)}</Badge>
                </Td>
                <Td className="font-mono text-xs">{m.recipient}</Td>
                <Td>
                  <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {m.subject ?? m.text.slice(0, 90)}
                  </Link>
                </Td>
                <Td className="text-xs whitespace-nowrap text-slate-500">{formatInstant(m.createdAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
