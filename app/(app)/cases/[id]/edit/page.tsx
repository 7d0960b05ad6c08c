import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BackLink } from "@/components/crm/back-link";
import { CaseForm } from "@/components/crm/case-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { instantToWallClock } from "@/lib/time/wall-clock";
import { getCase } from "@/lib/crm/queries";
import { now } from "@/lib/time/clock";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.case");
  return { title: t("edit") };
}

export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer();
  const db = await getDb();
  const c = await getCase(db, viewer, id, now());
  if (!c) notFound();
  if (!c.canEdit) forbidden();
  const t = await getTranslations("crm");
  const number = t("caseNumber", { number: c.number });
  // Only the chosen client and owner reach the form; a deactivated owner stays named until changed.
  const choices = {
    client: { id: c.clientId, label: c.clientName },
    owner: { id: c.ownerId, label: c.ownerActive ? c.ownerName : t("case.inactiveOwner", { name: c.ownerName }) },
  };

  return (
    <>
      <BackLink href={`/cases/${id}`}>{`${number} ${c.title}`}</BackLink>
      <PageHeader title={t("case.editTitle", { number })} />
      <Card className="max-w-3xl">
        <CaseForm
          timeZone={viewer.timeZone}
          cancelHref={`/cases/${id}`}
          choices={choices}
          initial={{
            id,
            kind: c.kind,
            title: c.title,
            description: c.description ?? "",
            status: c.status,
            priority: c.priority,
            ownerId: c.ownerId,
            clientId: c.clientId,
            dueAt: c.dueAt ? instantToWallClock(c.dueAt, viewer.timeZone) : "",
          }}
        />
      </Card>
    </>
  );
}
