import { Plus } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { Db } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { relatedTasks, type RelatedTask } from "@/lib/tasks/queries";
import { now } from "@/lib/time/clock";
import { DueLabel } from "./due-label";
import { PriorityLabel, StatusBadge } from "./task-labels";

/**
 * Open and recent tasks tied to a client or a case, shown on their pages. Only tasks the viewer
 * may open are listed (the same rule as the task page).
 */
export async function RelatedTasks({ db, clientId, caseId }: { db: Db; clientId?: string; caseId?: string }) {
  const t = await getTranslations("tasks.related");
  const viewer = await currentUser();
  if (!viewer) return null;
  const { open, recent } = await relatedTasks(db, viewer, { clientId, caseId }, now());
  const query = new URLSearchParams();
  if (clientId) query.set("clientId", clientId);
  if (caseId) query.set("caseId", caseId);
  return (
    <Card
      title={t("title")}
      actions={
        <Link href={`/tasks/new?${query}`} className={buttonClass("secondary", "sm")}>
          <Plus aria-hidden className="h-3.5 w-3.5" />
          {t("newTask")}
        </Link>
      }
    >
      {open.length || recent.length ? (
        <div className="space-y-3">
          {open.length ? <TaskGroup label={t("open")} tasks={open} /> : null}
          {recent.length ? <TaskGroup label={t("recent")} tasks={recent} /> : null}
        </div>
      ) : (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      )}
    </Card>
  );
}

function TaskGroup({ label, tasks }: { label: string; tasks: RelatedTask[] }) {
  return (
    <section>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</h3>
      <ul className="divide-y divide-slate-100">
        {tasks.map((task) => (
          <li key={task.id} className="py-2">
            <div className="flex items-center gap-2 text-sm">
              <span className="w-10 shrink-0 text-xs text-slate-500 tabular-nums">#{task.number}</span>
              <Link
                href={`/tasks/${task.id}`}
                title={task.title}
                className="min-w-0 flex-1 truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
              >
                {task.title}
              </Link>
              <StatusBadge status={task.status} />
            </div>
            <div className="mt-0.5 flex flex-wrap items-start gap-x-4 gap-y-1 pl-12 text-xs text-slate-600">
              <PriorityLabel priority={task.priority} />
              <span>{task.assignee}</span>
              <DueLabel dueAt={task.dueAt} overdue={task.overdue} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
