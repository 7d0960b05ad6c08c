import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Pencil } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { z } from "zod";
import { RelatedEntries } from "@/components/calendar/related-entries";
import { BackLink } from "@/components/crm/back-link";
import { PriorityLabel } from "@/components/ui/priority-label";
import { KindBadge, OverdueBadge, StatusBadge } from "@/components/crm/case-badges";
import { CaseHistory } from "@/components/crm/case-history";
import { CaseReassignControl } from "@/components/crm/case-reassign-control";
import { CaseStatusControl } from "@/components/crm/case-status-control";
import { DetailList } from "@/components/crm/detail-list";
import { DueDate } from "@/components/crm/due-date";
import { RelatedTasks } from "@/components/tasks/related-tasks";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AttachmentsPanel } from "@/components/files/attachments-panel";
import { getDb } from "@/db";
import { attachmentsOfCase } from "@/lib/files/queries";
import { caseHistory, getCase } from "@/lib/crm/queries";
import { now } from "@/lib/time/clock";
import { requireViewer } from "@/app/require-viewer";

type Props = { params: Promise<{ id: string }> };

// Metadata and page both need the record: read it once per request.
const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer();
  const found = await getCase(await getDb(), viewer, id, now());
  if (!found) notFound();
  return { c: found, viewer };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { c } = await load((await params).id);
  return { title: `#${c.number} ${c.title}` };
}

export default async function CasePage({ params }: Props) {
  const { id } = await params;
  const { c, viewer } = await load(id);
  const db = await getDb();
  const [history, files] = await Promise.all([caseHistory(db, viewer, id), attachmentsOfCase(db, viewer, id)]);
  const t = await getTranslations("crm");
  const tf = await getTranslations("files");
  const formatInstant = await getInstantFormat();

  return (
    <>
      <BackLink href="/cases">{t("cases.title")}</BackLink>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1>
            <span className="mr-2 text-base font-medium text-slate-500 tabular-nums">{t("caseNumber", { number: c.number })}</span>
            {c.title}
          </h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
            <KindBadge kind={c.kind} />
            <StatusBadge status={c.status} />
            <PriorityLabel priority={c.priority} />
            {c.overdue ? <OverdueBadge /> : null}
            {/* A phone gives the client a line of its own rather than leaving the dot at a line's end. */}
            <span aria-hidden className="hidden text-slate-300 sm:inline">
              ·
            </span>
            <Link href={`/clients/${c.clientId}`} className="w-full font-medium text-brand-700 hover:underline sm:w-auto">
              {c.clientName}
            </Link>
          </div>
        </div>
        {c.canEdit ? (
          <Link href={`/cases/${id}/edit`} className={buttonClass("secondary")}>
            <Pencil aria-hidden className="h-3.5 w-3.5" />
            {t("case.edit")}
          </Link>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("case.description")}>
            {c.description ? (
              <p className="text-sm leading-relaxed whitespace-pre-line text-slate-800">{c.description}</p>
            ) : (
              <p className="text-sm text-muted">{t("case.noDescription")}</p>
            )}
          </Card>
          <Card title={tf("heading")}>
            <AttachmentsPanel
              target={{ item: "case", id }}
              files={files.map((f) => ({ ...f, when: formatInstant(new Date(f.createdAt)) }))}
              canAttach={c.canEdit}
            />
          </Card>
          <RelatedTasks db={db} caseId={id} />
          <RelatedEntries db={db} viewer={viewer} clientId={c.clientId} caseId={id} />
          <Card title={t("case.history")}>
            <CaseHistory entries={history ?? []} />
          </Card>
        </div>
        {/* As on the task page, a phone shows who owns it and when it is due before the long sections. */}
        <Card title={t("case.details")} className="order-first h-fit lg:order-none">
          <DetailList
            items={[
              {
                label: t("case.status"),
                value: c.canEdit ? <CaseStatusControl caseId={id} kind={c.kind} status={c.status} /> : <StatusBadge status={c.status} />,
                wide: true,
              },
              { label: t("case.due"), value: <DueDate dueAt={c.dueAt} overdue={c.overdue} />, wide: true },
              {
                label: t("case.owner"),
                value: (
                  <>
                    {c.ownerActive ? c.ownerName : t("case.inactiveOwner", { name: c.ownerName })}
                    {c.canReassign ? <CaseReassignControl caseId={id} ownerId={c.ownerId} /> : null}
                  </>
                ),
                wide: c.canReassign,
              },
              { label: t("case.priority"), value: <PriorityLabel priority={c.priority} /> },
              {
                label: t("case.client"),
                value: (
                  <Link href={`/clients/${c.clientId}`} className="text-brand-700 hover:underline">
                    {c.clientName}
                  </Link>
                ),
                wide: true,
              },
              { label: t("case.kind"), value: t(`kind.${c.kind}`) },
              { label: t("case.createdBy"), value: c.createdByName ?? t("notSet") },
              { label: t("case.createdAt"), value: <span className="tabular-nums">{formatInstant(c.createdAt)}</span> },
              { label: t("case.updatedAt"), value: <span className="tabular-nums">{formatInstant(c.updatedAt)}</span> },
            ]}
          />
          {!c.canEdit ? <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">{t("case.readOnly")}</p> : null}
        </Card>
      </div>
    </>
  );
}
