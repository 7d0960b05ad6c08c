import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ChevronLeft, Pencil } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { NavSection } from "@/components/shell/nav-section";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TaskTimelineCard } from "@/components/reminders/task-timeline-card";
import { CommentForm } from "@/components/tasks/comment-form";
import { offsetLabel } from "@/components/tasks/reminder-drafts";
import { MarkTaskNoticesRead } from "@/components/tasks/mark-task-notices-read";
import { TaskActionStatusProvider } from "@/components/tasks/task-action-status";
import { TaskChecklist } from "@/components/tasks/task-checklist";
import { TaskDecisionPanel } from "@/components/tasks/task-decision-panel";
import { TaskHistory } from "@/components/tasks/task-history";
import { DueLabel } from "@/components/tasks/due-label";
import { PriorityLabel, ProgressBar, StatusBadge } from "@/components/tasks/task-labels";
import { TaskManagePanel } from "@/components/tasks/task-manage-panel";
import { TaskRepetitionLine } from "@/components/tasks/task-repetition";
import { SubtaskParent, TaskSubtasks } from "@/components/tasks/task-subtasks";
import { TaskWorkPanel } from "@/components/tasks/task-work-panel";
import { TaskWatchers } from "@/components/tasks/task-watchers";
import { AttachmentsPanel } from "@/components/files/attachments-panel";
import { getDb } from "@/db";
import { attachmentsOfTask } from "@/lib/files/queries";
import { timelineOfTask } from "@/lib/reminders/queries";
import { checklistOf } from "@/lib/tasks/checklist";
import { isClosed, requiresAcceptance } from "@/lib/tasks/policy";
import { historyOfTask } from "@/lib/tasks/queries";
import { mentionedIds } from "@/lib/tasks/mention-text";
import { hasUnreadNoticesAbout } from "@/lib/tasks/read-notices";
import { watchersOf } from "@/lib/tasks/watch";
import { readersById } from "@/lib/tasks/watch-access";
import { parentOf, subtasksOf } from "@/lib/tasks/subtasks";
import { now } from "@/lib/time/clock";
import { orRefuse, taskDetailFor } from "../load-task";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("tasks.detail");
  const detail = await taskDetailFor((await params).id).catch(() => null);
  return { title: detail ? `#${detail.task.number} ${detail.task.title}` : t("heading", { number: "" }) };
}

export default async function Page({ params }: Params) {
  const viewer = await requireViewer();
  const t = await getTranslations("tasks");
  const tf = await getTranslations("files");
  const formatInstant = await getInstantFormat();
  const db = await getDb();
  const { id } = await params;
  const detail = await orRefuse(id, taskDetailFor);
  const [history, timeline, unread, checklist, watchers, subtasks, parent, files] = await Promise.all([
    historyOfTask(db, detail.task),
    timelineOfTask(db, detail.task),
    hasUnreadNoticesAbout(db, viewer, detail.task.id),
    checklistOf(db, detail.task.id),
    watchersOf(db, detail.task),
    subtasksOf(db, viewer, detail.task.id, now()),
    parentOf(db, viewer, detail.task),
    attachmentsOfTask(db, viewer, detail.task.id),
  ]);
  const mentioned = await readersById(
    db,
    history.flatMap((e) => (e.kind === "comment" && e.comment ? mentionedIds(e.comment) : [])),
  );
  const listed = files.map((f) => ({ ...f, when: formatInstant(new Date(f.createdAt)) }));
  const commentFiles = new Map<number, typeof listed>();
  for (const f of listed) if (f.commentId !== null) commentFiles.set(f.commentId, [...(commentFiles.get(f.commentId) ?? []), f]);
  const mentionNames = new Map([...mentioned.values()].map((p) => [p.id, p.name]));
  const { task, permissions: can } = detail;
  // Subtasks are one level deep: a subtask's page shows its parent instead of a list of its own.
  const addSubtasks = !task.parentTaskId && can.addSubtask;
  const canEdit = can.editDetails || can.editReminders || can.reassign;
  const waiting = task.status === "awaiting_acceptance";
  // The delegator checks the result next to the note that came with it (the latest submission's).
  const resultNote = waiting ? (history.findLast((e) => e.kind === "status" && e.newValue === "awaiting_acceptance")?.comment ?? null) : null;
  const backHref = task.assigneeId === viewer.id ? "/tasks" : task.createdById === viewer.id ? "/tasks/delegated" : "/tasks/team";

  return (
    <TaskActionStatusProvider>
      <article aria-labelledby="task-title">
        {unread ? <MarkTaskNoticesRead taskId={task.id} /> : null}
        {task.assigneeId !== viewer.id && task.createdById === viewer.id ? <NavSection section="delegated" /> : null}
        <Link href={backHref} className="mb-2 inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-slate-800">
          <ChevronLeft aria-hidden className="h-3.5 w-3.5" />
          {t("detail.backToList")}
        </Link>
        <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            {parent ? <SubtaskParent parent={parent} /> : null}
            <p className="text-xs font-medium text-slate-500 tabular-nums">{t("detail.heading", { number: task.number })}</p>
            <h1 id="task-title" className="mt-0.5 text-xl">
              {task.title}
            </h1>
            <div className="mt-1.5 flex flex-wrap items-center gap-3 text-sm">
              <StatusBadge status={task.status} />
              <PriorityLabel priority={task.priority} />
              <ProgressBar value={task.progress} label={t("detail.progress")} />
              {detail.overdue ? <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("list.overdue")}</span> : null}
            </div>
          </div>
          {canEdit ? (
            <Link href={`/tasks/${task.id}/edit`} className={buttonClass("secondary")}>
              <Pencil aria-hidden className="h-3.5 w-3.5" />
              {t("detail.edit")}
            </Link>
          ) : null}
        </header>

        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <div className="space-y-4 lg:col-span-2">
            <Card title={t("detail.description")}>
              {task.description ? (
                <p className="text-sm whitespace-pre-line text-slate-800">{task.description}</p>
              ) : (
                <p className="text-sm text-slate-500">{t("detail.noDescription")}</p>
              )}
            </Card>
            {checklist.length || can.checklist ? (
              <Card title={t("checklist.heading")}>
                <TaskChecklist
                  initial={{ taskId: task.id, items: checklist, progress: task.progress, follows: task.progressFollowsChecklist }}
                  canEdit={can.checklist}
                  closed={isClosed(task.status)}
                />
              </Card>
            ) : null}
            <Card title={tf("heading")}>
              <AttachmentsPanel target={{ item: "task", id: task.id }} files={listed.filter((f) => f.commentId === null)} canAttach={can.comment} />
            </Card>
            {subtasks.rows.length || subtasks.hidden || addSubtasks ? (
              <Card title={t("subtasks.heading")}>
                <TaskSubtasks parent={task} subtasks={subtasks} canAdd={addSubtasks} timeZone={viewer.timeZone} />
              </Card>
            ) : null}
            <TaskTimelineCard view={timeline} awaitingAcceptanceBy={waiting ? detail.delegator.name : undefined} />
            <Card title={t("comments.heading")}>
              <TaskHistory entries={history} mentionNames={mentionNames} commentFiles={commentFiles} />
              {can.comment ? (
                <div className="mt-4 border-t border-slate-200 pt-3">
                  <CommentForm taskId={task.id} />
                </div>
              ) : null}
            </Card>
          </div>

          {/* On a phone the actions (progress, done) come first: that is what a technician opens the task for. */}
          <aside className="order-first space-y-4 lg:order-none">
            {can.work ? (
              <Card title={t("work.heading")}>
                <TaskWorkPanel
                  taskId={task.id}
                  status={task.status}
                  progress={task.progress}
                  needsAcceptance={requiresAcceptance(task)}
                  delegatorName={detail.delegator.name}
                  openSubtasks={subtasks.open}
                />
              </Card>
            ) : null}
            {waiting && task.assigneeId === viewer.id ? (
              <p className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-800">
                {t("work.awaitingInfo", { name: detail.delegator.name })}
              </p>
            ) : null}
            {can.decide ? (
              <Card title={t("work.decisionHeading")} className="border-violet-300">
                <TaskDecisionPanel taskId={task.id} assigneeName={detail.assignee.name} resultNote={resultNote} openSubtasks={subtasks.open} />
              </Card>
            ) : null}
            {can.reassign || can.cancel || can.reopen ? (
              <Card title={t("work.manageHeading")}>
                <TaskManagePanel
                  taskId={task.id}
                  assigneeId={task.assigneeId}
                  can={{ reassign: can.reassign, cancel: can.cancel, reopen: can.reopen }}
                  openSubtasks={subtasks.open}
                />
              </Card>
            ) : null}

            <Card title={t("watch.heading")}>
              <TaskWatchers
                taskId={task.id}
                watchers={watchers}
                viewerId={viewer.id}
                hearsAnyway={task.assigneeId === viewer.id || task.createdById === viewer.id}
              />
            </Card>

            <Card title={t("detail.details")}>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <Term>{t("detail.assignee")}</Term>
                <dd>
                  <span className="font-medium text-slate-900">{detail.assignee.name}</span>
                  {detail.assignee.title ? <span className="block text-xs text-slate-500">{detail.assignee.title}</span> : null}
                </dd>
                <Term>{t("detail.delegator")}</Term>
                <dd>
                  <span className="text-slate-900">{detail.delegator.name}</span>
                  {detail.delegator.title ? <span className="block text-xs text-slate-500">{detail.delegator.title}</span> : null}
                </dd>
                <Term>{t("detail.due")}</Term>
                <dd>
                  <DueLabel dueAt={task.dueAt} overdue={detail.overdue} />
                </dd>
                <Term>{t("detail.client")}</Term>
                <dd>
                  {detail.client ? (
                    <Link href={`/clients/${detail.client.id}`} className="text-brand-700 hover:underline">
                      {detail.client.name}
                    </Link>
                  ) : (
                    <span className="text-muted">{t("detail.none")}</span>
                  )}
                </dd>
                <Term>{t("detail.case")}</Term>
                <dd>
                  {detail.case ? (
                    <Link href={`/cases/${detail.case.id}`} className="text-brand-700 hover:underline">
                      #{detail.case.number} {detail.case.title}
                    </Link>
                  ) : (
                    <span className="text-muted">{t("detail.none")}</span>
                  )}
                </dd>
                <Term>{t("detail.needsAcceptance")}</Term>
                <dd className="text-slate-800">{task.needsAcceptance ? t("detail.required") : t("detail.notRequired")}</dd>
                <Term>{t("detail.reminders")}</Term>
                <dd>
                  {detail.reminders.length ? (
                    <ul className="space-y-0.5">
                      {detail.reminders.map((r) => {
                        const when =
                          r.offsetMinutes !== null ? t("detail.reminderBefore", { offset: offsetLabel(t, r.offsetMinutes) }) : formatInstant(r.fireAt!);
                        return <li key={r.id}>{r.channel ? t("detail.reminderVia", { when, channel: t(`channels.${r.channel}`) }) : when}</li>;
                      })}
                    </ul>
                  ) : (
                    <span className="text-muted">{t("detail.noReminders")}</span>
                  )}
                </dd>
                {detail.repetition ? <TaskRepetitionLine repetition={detail.repetition} /> : null}
                <Term>{t("detail.created")}</Term>
                <dd className="text-slate-700 tabular-nums">{formatInstant(task.createdAt)}</dd>
                <Term>{t("detail.lastActivity")}</Term>
                <dd className="text-slate-700 tabular-nums">{formatInstant(task.lastActivityAt)}</dd>
                {task.completedAt ? (
                  <>
                    <Term>{t("detail.completed")}</Term>
                    <dd className="text-slate-700 tabular-nums">{formatInstant(task.completedAt)}</dd>
                  </>
                ) : null}
              </dl>
            </Card>
          </aside>
        </div>
      </article>
    </TaskActionStatusProvider>
  );
}

function Term({ children }: { children: React.ReactNode }) {
  return <dt className="text-xs font-medium text-slate-500">{children}</dt>;
}
