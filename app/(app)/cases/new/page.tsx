import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BackLink } from "@/components/crm/back-link";
import { CaseForm } from "@/components/crm/case-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { chosenClient } from "@/lib/pickers/clients";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.case");
  return { title: t("newTitle") };
}

export default async function NewCasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const wanted = z.uuid().safeParse((await searchParams).clientId);
  const preselected = wanted.success ? await chosenClient(db, viewer, wanted.data) : null;
  const t = await getTranslations("crm");

  return (
    <>
      {preselected ? <BackLink href={`/clients/${preselected.id}`}>{preselected.label}</BackLink> : <BackLink href="/cases">{t("cases.title")}</BackLink>}
      <PageHeader title={t("case.newTitle")} description={t("case.newDescription")} />
      <Card className="max-w-3xl">
        <CaseForm
          timeZone={viewer.timeZone}
          cancelHref={preselected ? `/clients/${preselected.id}` : "/cases"}
          choices={{ client: preselected, owner: { id: viewer.id, label: viewer.name } }}
          initial={{
            kind: "sales_opportunity",
            title: "",
            description: "",
            status: "new",
            priority: "normal",
            ownerId: viewer.id,
            clientId: preselected?.id ?? "",
            dueAt: "",
          }}
        />
      </Card>
    </>
  );
}
