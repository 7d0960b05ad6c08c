import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { TemplateForm } from "@/components/tasks/template-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { NotFound } from "@/lib/action/errors";
import { viewerDepartmentName } from "@/lib/tasks/template-page";
import { templateFor } from "@/lib/tasks/templates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.templates");
  return { title: t("editTitle") };
}

/** Editing a template the viewer keeps; anyone else's is "not found", a department's read-only one too. */
export default async function Page({ params }: { params: Promise<{ templateId: string }> }) {
  const viewer = await requireViewer();
  const { templateId } = await params;
  const t = await getTranslations("tasks.templates");
  const db = await getDb();
  const template = /^[0-9a-f-]{36}$/i.test(templateId)
    ? await templateFor(db, viewer, templateId).catch((error: unknown) => {
        if (error instanceof NotFound) return null;
        throw error;
      })
    : null;
  if (!template || !template.canManage) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle")} />
      <Card>
        <TemplateForm
          templateId={template.id}
          department={template.department?.name ?? (await viewerDepartmentName(db, viewer))}
          initial={{
            title: template.title,
            description: template.description ?? "",
            priority: template.priority,
            dueInWorkingDays: template.dueInWorkingDays === null ? "" : String(template.dueInWorkingDays),
            offsets: template.reminders.map((r) => r.offsetMinutes),
            checklist: template.checklist.join("\n"),
            forDepartment: template.department !== null,
          }}
        />
      </Card>
    </div>
  );
}
