import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { NavSection } from "@/components/shell/nav-section";
import { Card, PageHeader } from "@/components/ui/card";
import { TaskForm } from "@/components/tasks/task-form";
import { NO_REPEAT } from "@/components/tasks/task-repeat-fields";
import { caseLabel } from "@/lib/pickers/clients";
import { instantToWallClock } from "@/lib/time/zoned";
import { orRefuse, taskDetailFor } from "../../load-task";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.detail");
  return { title: t("edit") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks.form");
  const detail = await orRefuse((await params).id, taskDetailFor);
  const { task, permissions } = detail;
  const can = { details: permissions.editDetails, reminders: permissions.editReminders, reassign: permissions.reassign };
  if (!can.details && !can.reminders && !can.reassign) forbidden();
  // Only the current assignee, client and case reach the form; its pickers search the rest as one types.
  const client = detail.client ? { id: detail.client.id, label: detail.client.name } : null;
  const choices = {
    assignee: { id: detail.assignee.id, label: detail.assignee.name, detail: detail.assignee.title },
    client,
    case: detail.case && client ? { id: detail.case.id, label: caseLabel(detail.case), client } : null,
  };
  return (
    <div className="mx-auto max-w-3xl">
      {task.assigneeId !== viewer.id && task.createdById === viewer.id ? <NavSection section="delegated" /> : null}
      <PageHeader title={t("editTitle", { number: task.number })} description={task.title} />
      <Card>
        <TaskForm
          mode="edit"
          taskId={task.id}
          number={task.number}
          version={task.version}
          can={can}
          acceptance={{
            delegatorName: detail.delegator.name,
            viewerIs: task.createdById === viewer.id ? "delegator" : task.assigneeId === viewer.id ? "assignee" : "other",
          }}
          me={{ id: viewer.id, name: viewer.name }}
          timeZone={viewer.timeZone}
          choices={choices}
          initial={{
            title: task.title,
            description: task.description ?? "",
            priority: task.priority,
            dueAt: task.dueAt ? instantToWallClock(task.dueAt, viewer.timeZone) : "",
            assigneeId: task.assigneeId,
            clientId: task.clientId ?? "",
            caseId: task.caseId ?? "",
            needsAcceptance: task.needsAcceptance,
            progress: task.progress,
            reminders: detail.reminders.map((r, i) => ({
              key: `saved-${i}`,
              type: r.offsetMinutes !== null ? ("before" as const) : ("at" as const),
              offsetMinutes: r.offsetMinutes ?? 60,
              fireAt: r.fireAt ? instantToWallClock(r.fireAt, viewer.timeZone) : "",
              channel: r.channel ?? "",
            })),
            repeat: detail.repetition?.active ? { ...NO_REPEAT, ...definedOf(detail.repetition.repeat), dueDays: detail.repetition.dueDays ?? 0 } : NO_REPEAT,
          }}
        />
      </Card>
    </div>
  );
}

/** A stored rule's fields without its empty ones, so the form keeps its defaults for the others. */
function definedOf<T extends object>(value: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;
}
