import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { devMailboxEnabled, devMessageOf } from "@/lib/notify/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("mailbox.title") };
}

export default async function DevMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  if (!devMailboxEnabled() || !/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const message = await devMessageOf(await getDb(), viewer, id);
  if (!message) notFound();
  const t = await getTranslations("inbox");
  const formatInstant = await getInstantFormat();
  return (
    <>
      <PageHeader
        title={message.subject ?? t("mailbox.sms")}
        description={`${t("mailbox.to")}: ${message.recipient} · ${formatInstant(message.createdAt)}`}
        actions={
          <Link href="/dev/mailbox" className="text-sm text-brand-700 hover:underline">
            {t("mailbox.title")}
          </Link>
        }
      />
      {message.channel === "email" && message.html ? (
        <div className="grid gap-4">
          <Card>
            <dl className="grid grid-cols-[10rem_1fr] gap-y-1 text-xs">
              {Object.entries(message.headers).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="font-mono break-all text-slate-700">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {/* The e-mail's own HTML, isolated from the app (no scripts); links open in a new tab, as from a mail client. */}
          <iframe
            title={t("mailbox.preview")}
            srcDoc={message.html.replace(/<head[^>]*>/i, (head) => `${head}<base target="_blank">`)}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="h-[640px] w-full rounded-lg border border-slate-200 bg-white"
          />
          <Card title="text/plain">
            <pre className="text-xs whitespace-pre-wrap text-slate-700">{message.text}</pre>
          </Card>
          {message.calendar ? (
            // An invitation's iCalendar part, as the text/calendar alternative and invite.ics carry it.
            <Card title="text/calendar">
              <pre className="text-xs whitespace-pre-wrap text-slate-700">{message.calendar}</pre>
            </Card>
          ) : null}
        </div>
      ) : (
        <Card>
          <p className="max-w-md rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap text-slate-800">{message.text}</p>
        </Card>
      )}
    </>
  );
}
