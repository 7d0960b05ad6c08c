import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { TemplateForm } from "@/components/tasks/template-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { viewerDepartmentName } from "@/lib/tasks/template-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.templates");
  return { title: t("newTitle") };
}

export default async function Page() {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks.templates");
  const department = await viewerDepartmentName(await getDb(), viewer);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <TemplateForm
          department={department}
          initial={{ title: "", description: "", priority: "normal", dueInWorkingDays: "", offsets: [], checklist: "", forDepartment: false }}
        />
      </Card>
    </div>
  );
}
