import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Pencil, Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { RelatedEntries } from "@/components/calendar/related-entries";
import { BackLink } from "@/components/crm/back-link";
import { CaseTable } from "@/components/crm/case-table";
import { ContactsSection } from "@/components/crm/contacts-section";
import { DetailList } from "@/components/crm/detail-list";
import { RelatedTasks } from "@/components/tasks/related-tasks";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { displayPhone } from "@/lib/phone/display";
import { casesOfClient, getClient } from "@/lib/crm/queries";
import { now } from "@/lib/time/clock";
import { requireViewer } from "@/app/require-viewer";

type Props = { params: Promise<{ id: string }> };

// Metadata and page both need the record: read it once per request.
const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer();
  const db = await getDb();
  const client = await getClient(db, viewer, id);
  if (!client) notFound();
  return { viewer, db, client };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { client } = await load((await params).id);
  return { title: client.name };
}

export default async function ClientPage({ params }: Props) {
  const { id } = await params;
  const { viewer, db, client } = await load(id);
  const clientCases = await casesOfClient(db, viewer, id, now());
  const t = await getTranslations("crm");
  const dash = <span className="text-muted">{t("notSet")}</span>;

  return (
    <>
      <BackLink href="/clients">{t("clients.title")}</BackLink>
      <PageHeader
        title={client.name}
        description={[client.city, client.taxId ? `${t("client.taxId")} ${client.taxId}` : null, t("client.openCount", { count: clientCases.openCount })]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <>
            {client.canEdit ? (
              <Link href={`/clients/${id}/edit`} className={buttonClass("secondary")}>
                <Pencil aria-hidden className="h-3.5 w-3.5" />
                {t("client.edit")}
              </Link>
            ) : null}
            <Link href={`/cases/new?clientId=${id}`} className={buttonClass("primary")}>
              <Plus aria-hidden className="h-4 w-4" />
              {t("client.newCase")}
            </Link>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title={t("client.details")} className="lg:col-span-1">
          <DetailList
            items={[
              { label: t("client.taxId"), value: client.taxId ? <span className="font-mono text-[13px] tabular-nums">{client.taxId}</span> : dash },
              { label: t("client.accountManager"), value: client.accountManagerName ?? dash },
              { label: t("client.address"), value: client.address ?? dash, wide: true },
              { label: t("client.city"), value: client.city ?? dash },
              {
                label: t("client.phone"),
                value: client.phone ? (
                  <a href={`tel:${client.phone}`} className="tabular-nums hover:underline">
                    {displayPhone(client.phone)}
                  </a>
                ) : (
                  dash
                ),
              },
              {
                label: t("client.email"),
                value: client.email ? (
                  <a href={`mailto:${client.email}`} className="text-brand-700 hover:underline">
                    {client.email}
                  </a>
                ) : (
                  dash
                ),
                wide: true,
              },
              { label: t("client.notes"), value: client.notes ? <span className="whitespace-pre-line">{client.notes}</span> : dash, wide: true },
            ]}
          />
          {!client.canEdit ? <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">{t("client.readOnly")}</p> : null}
        </Card>
        <div className="lg:col-span-2">
          <ContactsSection clientId={id} canEdit={client.canEdit} contacts={client.contacts.map((c) => ({ ...c, phone: displayPhone(c.phone) }))} />
        </div>
      </div>

      <section aria-labelledby="client-cases" className="mt-4">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="client-cases">{t("client.cases")}</h2>
          {clientCases.rows.length ? (
            <Link href={`/cases?client=${id}&status=all`} className="text-xs font-medium text-brand-700 hover:underline">
              {t("client.allCases")}
            </Link>
          ) : null}
        </div>
        {clientCases.rows.length ? (
          <CaseTable rows={clientCases.rows} showClient={false} />
        ) : (
          <EmptyState title={t("client.noCases")}>{t("client.noCasesHint")}</EmptyState>
        )}
      </section>

      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <RelatedTasks db={await getDb()} clientId={id} />
        </div>
        <RelatedEntries db={await getDb()} viewer={viewer} clientId={id} />
      </div>
    </>
  );
}
