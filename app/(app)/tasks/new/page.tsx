import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { TaskForm } from "@/components/tasks/task-form";
import { NO_REPEAT } from "@/components/tasks/task-repeat-fields";
import { getDb } from "@/db";
import { chosenCase, chosenClient } from "@/lib/pickers/clients";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.form");
  return { title: t("createTitle") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** /tasks/new, optionally prefilled from a client's or a case's page (?clientId=…&caseId=…). */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks.form");
  const search = await searchParams;
  const db = await getDb();
  // Only the prefilled client and case reach the form; its pickers search the rest as one types.
  const [kase, chosen] = await Promise.all([chosenCase(db, viewer, one(search.caseId)), chosenClient(db, viewer, one(search.clientId))]);
  const client = kase?.client ?? chosen;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      <Card>
        <TaskForm
          mode="create"
          me={{ id: viewer.id, name: viewer.name }}
          timeZone={viewer.timeZone}
          choices={{ assignee: { id: viewer.id, label: viewer.name }, client, case: kase }}
          initial={{
            title: "",
            description: "",
            priority: "normal",
            dueAt: "",
            assigneeId: viewer.id,
            clientId: client?.id ?? "",
            caseId: kase?.id ?? "",
            needsAcceptance: false,
            progress: 0,
            reminders: [],
            repeat: NO_REPEAT,
          }}
        />
      </Card>
    </div>
  );
}
