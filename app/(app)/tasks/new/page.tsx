import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { TaskForm } from "@/components/tasks/task-form";
import { getDb } from "@/db";
import { assignablePeople, caseChoices, clientChoices } from "@/lib/tasks/queries";

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
  const [people, clients, cases] = await Promise.all([assignablePeople(db), clientChoices(db), caseChoices(db, one(search.caseId) || null)]);
  const kase = cases.find((c) => c.id === one(search.caseId));
  const clientId = kase?.clientId ?? (clients.some((c) => c.id === one(search.clientId)) ? one(search.clientId) : "");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      <Card>
        <TaskForm
          mode="create"
          me={{ id: viewer.id, name: viewer.name }}
          timeZone={viewer.timeZone}
          choices={{ people, clients, cases }}
          initial={{
            title: "",
            description: "",
            priority: "normal",
            dueAt: "",
            assigneeId: viewer.id,
            clientId,
            caseId: kase?.id ?? "",
            needsAcceptance: false,
            progress: 0,
            reminders: [],
          }}
        />
      </Card>
    </div>
  );
}
