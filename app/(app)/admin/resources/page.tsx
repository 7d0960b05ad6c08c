import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { ResourceForm } from "@/components/resources/resource-form";
import { ResourceTable } from "@/components/resources/resource-table";
import { RetireButton } from "@/components/resources/retire-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { organisationTree } from "@/lib/org/queries";
import { allResources } from "@/lib/resources/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.admin");
  return { title: t("title") };
}

/** /admin/resources: every resource with its state, a form for a new one, and retiring. */
export default async function Page() {
  const viewer = await requireAdmin();
  const db = await getDb();
  const [list, departments] = await Promise.all([allResources(db), organisationTree(db, viewer)]);
  const t = await getTranslations("resources");
  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <div className="grid items-start gap-4 lg:grid-cols-[3fr_2fr]">
        {list.length ? (
          <ResourceTable
            caption={t("admin.title")}
            resources={list}
            columns={[
              { key: "state", header: t("admin.state"), cell: (r) => (r.retiredAt ? t("admin.retired") : t("admin.active")) },
              {
                key: "actions",
                header: <span className="sr-only">{t("admin.actions")}</span>,
                cell: (r) => (r.retiredAt ? null : <RetireButton resourceId={r.id} name={r.name} />),
              },
            ]}
          />
        ) : (
          <EmptyState title={t("admin.emptyTitle")}>{t("admin.emptyBody")}</EmptyState>
        )}
        <Card>
          <ResourceForm departments={departments.map((d) => ({ id: d.id, name: d.name }))} />
        </Card>
      </div>
    </>
  );
}
