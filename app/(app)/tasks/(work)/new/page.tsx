import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { TaskForm } from "@/components/tasks/task-form";
import { NO_REPEAT } from "@/components/tasks/task-repeat-fields";
import { getDb } from "@/db";
import { TemplatePicker } from "@/components/tasks/template-picker";
import { NotFound } from "@/lib/action/errors";
import { chosenCase, chosenClient } from "@/lib/pickers/clients";
import { templateDraft, templatesOf, type TemplateDraft } from "@/lib/tasks/templates";
import { now } from "@/lib/time/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.form");
  return { title: t("createTitle") };
}

async function pickerText() {
  const t = await getTranslations("tasks.templates");
  return { fromTemplate: t("fromTemplate"), noTemplate: t("noTemplate"), apply: t("apply"), manage: t("manage") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /tasks/new, optionally prefilled from a client's or a case's page (?clientId=…&caseId=…) and
 * from a template (?template=…: its due date worked out now, in the viewer's zone).
 */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks.form");
  const search = await searchParams;
  const db = await getDb();
  // Only the prefilled client and case reach the form; its pickers search the rest as one types.
  const [kase, chosen] = await Promise.all([chosenCase(db, viewer, one(search.caseId)), chosenClient(db, viewer, one(search.clientId))]);
  const client = kase?.client ?? chosen;
  const templates = await templatesOf(db, viewer);
  const templateId = one(search.template);
  // A template the viewer may not use (or a hand-edited id) leaves the form empty, as no template does.
  const draft: TemplateDraft | null = UUID.test(templateId)
    ? await templateDraft(db, viewer, templateId, now()).catch((error: unknown) => {
        if (error instanceof NotFound) return null;
        throw error;
      })
    : null;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      {templates.length ? (
        <TemplatePicker templates={templates.map((x) => ({ id: x.id, title: x.title }))} chosen={draft?.templateId ?? null} text={await pickerText()} />
      ) : null}
      <Card>
        <TaskForm
          key={draft?.templateId ?? "blank"}
          mode="create"
          me={{ id: viewer.id, name: viewer.name }}
          timeZone={viewer.timeZone}
          choices={{ assignee: { id: viewer.id, label: viewer.name }, client, case: kase }}
          initial={{
            title: draft?.title ?? "",
            description: draft?.description ?? "",
            priority: draft?.priority ?? "normal",
            dueAt: draft?.dueAt ?? "",
            assigneeId: viewer.id,
            clientId: client?.id ?? "",
            caseId: kase?.id ?? "",
            needsAcceptance: false,
            progress: 0,
            reminders: (draft?.reminders ?? []).map((r, i) => ({
              key: `template-${i}`,
              type: "before",
              offsetMinutes: r.offsetMinutes,
              fireAt: "",
              channel: r.channel ?? "",
            })),
            repeat: NO_REPEAT,
            checklist: draft?.checklist.join("\n") ?? "",
          }}
        />
      </Card>
    </div>
  );
}
