import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DepartmentCard } from "@/components/admin/department-card";
import { AddByName } from "@/components/admin/structure-controls";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { createDepartmentAction } from "@/lib/org/actions";
import { organisationTree } from "@/lib/org/queries";
import { requireAdmin } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.departments");
  return { title: t("title") };
}

export default async function DepartmentsPage() {
  const viewer = await requireAdmin();
  const departments = await organisationTree(await getDb(), viewer);
  const t = await getTranslations("admin.departments");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <h2 className="mb-2">{t("newDepartment")}</h2>
        <AddByName action={createDepartmentAction} extra={{}} label={t("newDepartmentName")} submitLabel={t("addDepartment")} />
      </div>
      {departments.length ? (
        <div className="grid items-start gap-4 lg:grid-cols-2">
          {departments.map((d) => (
            <DepartmentCard key={d.id} department={d} />
          ))}
        </div>
      ) : (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      )}
    </>
  );
}
