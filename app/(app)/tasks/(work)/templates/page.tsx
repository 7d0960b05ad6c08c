import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { TemplateDelete } from "@/components/tasks/template-delete";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { PriorityLabel } from "@/components/ui/priority-label";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { templatesOf } from "@/lib/tasks/templates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.templates");
  return { title: t("title") };
}

/** The templates the viewer starts tasks from: their own, and their department's (kept by its managers). */
export default async function Page() {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks.templates");
  const templates = await templatesOf(await getDb(), viewer);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/tasks/templates/new" className={buttonClass("primary")}>
            <Plus aria-hidden className="h-4 w-4" />
            {t("new")}
          </Link>
        }
      />
      {templates.length ? (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("columns.title")}</Th>
              <Th>{t("columns.priority")}</Th>
              <Th>{t("columns.due")}</Th>
              <Th>{t("columns.checklist")}</Th>
              <Th>{t("columns.keptBy")}</Th>
              <Th>
                <span className="sr-only">{t("columns.actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {templates.map((template) => (
              <tr key={template.id} data-template={template.title}>
                <Td className="font-medium">{template.title}</Td>
                <Td>
                  <PriorityLabel priority={template.priority} />
                </Td>
                <Td>{template.dueInWorkingDays === null ? t("noDue") : t("dueIn", { days: template.dueInWorkingDays })}</Td>
                <Td className="tabular-nums">{template.checklist.length}</Td>
                <Td>{template.department ? t("department", { name: template.department.name }) : t("personal")}</Td>
                <Td className="text-right whitespace-nowrap">
                  <Link
                    href={`/tasks/new?template=${template.id}`}
                    className={buttonClass("secondary", "sm")}
                    aria-label={t("useTemplate", { title: template.title })}
                  >
                    {t("use")}
                  </Link>
                  {template.canManage ? (
                    <>
                      <Link
                        href={`/tasks/templates/${template.id}`}
                        className={buttonClass("secondary", "sm", "ml-1")}
                        aria-label={t("editTemplate", { title: template.title })}
                      >
                        {t("edit")}
                      </Link>
                      <span className="ml-1">
                        <TemplateDelete templateId={template.id} title={template.title} />
                      </span>
                    </>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      )}
    </>
  );
}
