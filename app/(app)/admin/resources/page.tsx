import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { ResourceForm } from "@/components/resources/resource-form";
import { RetireButton } from "@/components/resources/retire-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
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
          <Table caption={t("admin.title")}>
            <thead>
              <tr>
                <Th>{t("list.name")}</Th>
                <Th>{t("list.kind")}</Th>
                <Th>{t("list.location")}</Th>
                <Th>{t("admin.state")}</Th>
                <Th>
                  <span className="sr-only">{t("admin.actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <Link
                      href={`/resources/${r.id}`}
                      className="font-medium text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                    >
                      {r.name}
                    </Link>
                  </Td>
                  <Td>{t(`kind.${r.kind}`)}</Td>
                  <Td>{r.location ?? "—"}</Td>
                  <Td>{r.retiredAt ? t("admin.retired") : t("admin.active")}</Td>
                  <Td>{r.retiredAt ? null : <RetireButton resourceId={r.id} name={r.name} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
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
