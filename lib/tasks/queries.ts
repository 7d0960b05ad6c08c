import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { cases, clients, taskActivity, taskReminders, tasks, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { withReferenceNames } from "@/lib/history/names";
import { loadVisibleTask, visibleTo, type TaskRow } from "./access";
import { isOverdue } from "./due-window";
import type { ActivityKind } from "./history";
import { permissionsFor, type TaskPermissions } from "./policy";
import { repetitionOfTask, type TaskRepetition } from "./repeat-queries";
import { ACTIVE_STATUSES, type Channel, type Priority, type TaskStatus } from "./schema";

export interface PersonRef {
  id: string;
  name: string;
  title: string | null;
}

export interface TaskDetail {
  task: TaskRow;
  overdue: boolean;
  assignee: PersonRef;
  delegator: PersonRef;
  client: { id: string; name: string } | null;
  case: { id: string; number: number; title: string; clientId: string } | null;
  reminders: { id: string; offsetMinutes: number | null; fireAt: Date | null; channel: Channel | null }[];
  permissions: TaskPermissions;
  /** The series the task is an instance of, if it repeats (or did). */
  repetition: TaskRepetition | null;
}

/** A task as its page shows it; refused (403) for anyone who may not see it. */
export async function taskForViewer(db: DbOrTx, viewer: Viewer, taskId: string, now: Date): Promise<TaskDetail> {
  const { task, relation } = await loadVisibleTask(db, viewer, taskId);
  const people = await db
    .select({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .where(inArray(users.id, [task.assigneeId, task.createdById]));
  const person = (id: string) => people.find((p) => p.id === id)!;
  const [client] = task.clientId ? await db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, task.clientId)) : [];
  const [kase] = task.caseId
    ? await db.select({ id: cases.id, number: cases.number, title: cases.title, clientId: cases.clientId }).from(cases).where(eq(cases.id, task.caseId))
    : [];
  const reminders = await db
    .select({ id: taskReminders.id, offsetMinutes: taskReminders.offsetMinutes, fireAt: taskReminders.fireAt, channel: taskReminders.channel })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, task.id))
    .orderBy(taskReminders.createdAt, taskReminders.id);
  const repetition = await repetitionOfTask(db, viewer, task);
  return {
    task,
    overdue: isOverdue(task, now),
    assignee: person(task.assigneeId),
    delegator: person(task.createdById),
    client: client ?? null,
    case: kase ?? null,
    reminders,
    permissions: permissionsFor(relation, task),
    repetition,
  };
}

export interface HistoryEntry {
  id: number;
  kind: ActivityKind;
  actor: string | null;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  comment: string | null;
  createdAt: Date;
}

/**
 * The task's full history and comments, oldest first. Ids of people, clients and cases in old
 * and new values come back as their names, so the page never shows a bare id.
 */
export async function taskHistory(db: DbOrTx, viewer: Viewer, taskId: string): Promise<HistoryEntry[]> {
  const { task } = await loadVisibleTask(db, viewer, taskId);
  return historyOfTask(db, task);
}

/** The same for a task its caller already loaded through `loadVisibleTask`, so a page reads it once. */
export async function historyOfTask(db: DbOrTx, task: Pick<TaskRow, "id">): Promise<HistoryEntry[]> {
  const taskId = task.id;
  const actor = alias(users, "actor");
  const rows = await db
    .select({
      id: taskActivity.id,
      kind: taskActivity.kind,
      actor: actor.name,
      field: taskActivity.field,
      oldValue: taskActivity.oldValue,
      newValue: taskActivity.newValue,
      comment: taskActivity.comment,
      createdAt: taskActivity.createdAt,
    })
    .from(taskActivity)
    .leftJoin(actor, eq(actor.id, taskActivity.actorId))
    .where(eq(taskActivity.taskId, taskId))
    .orderBy(asc(taskActivity.createdAt), asc(taskActivity.id));
  return withReferenceNames(db, rows, { assigneeId: "person", clientId: "client", caseId: "case" });
}

export interface RelatedTask {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: TaskStatus;
  progress: number;
  dueAt: Date | null;
  overdue: boolean;
  assignee: string;
}

export const RECENT_DAYS = 30;
const RELATED_LIMIT = 20;

/** Open tasks and those closed in the last 30 days tied to a client or a case, as far as the viewer may see them. */
export async function relatedTasks(
  db: DbOrTx,
  viewer: Viewer,
  target: { clientId?: string; caseId?: string },
  now: Date,
): Promise<{ open: RelatedTask[]; recent: RelatedTask[] }> {
  if (!target.clientId && !target.caseId) return { open: [], recent: [] };
  const owner = alias(users, "owner");
  const select = () =>
    db
      .select({
        id: tasks.id,
        number: tasks.number,
        title: tasks.title,
        priority: tasks.priority,
        status: tasks.status,
        progress: tasks.progress,
        dueAt: tasks.dueAt,
        assignee: owner.name,
      })
      .from(tasks)
      .innerJoin(owner, eq(owner.id, tasks.assigneeId));
  const scope = [
    target.caseId ? eq(tasks.caseId, target.caseId) : undefined,
    target.clientId ? eq(tasks.clientId, target.clientId) : undefined,
    visibleTo(viewer),
  ];
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 3600_000);
  const [open, recent] = await Promise.all([
    select()
      .where(and(...scope, inArray(tasks.status, [...ACTIVE_STATUSES])))
      .orderBy(sql`${tasks.dueAt} ASC NULLS LAST`, asc(tasks.number))
      .limit(RELATED_LIMIT),
    select()
      .where(and(...scope, inArray(tasks.status, ["done", "cancelled"]), gte(tasks.updatedAt, since)))
      .orderBy(desc(tasks.updatedAt))
      .limit(RELATED_LIMIT),
  ]);
  const withFlag = (r: Omit<RelatedTask, "overdue">) => ({ ...r, overdue: isOverdue(r, now) });
  return { open: open.map(withFlag), recent: recent.map(withFlag) };
}

/** Whether anyone is under the viewer in the supervisor chain (the lists then show a Team tab). */
export async function hasPeopleUnder(db: DbOrTx, viewer: Viewer): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.supervisorId, viewer.id)).limit(1);
  return !!row;
}

/** The cases of one client, newest first: the case filter once a client is chosen. */
export async function casesOfClient(db: DbOrTx, clientId: string): Promise<{ id: string; number: number; title: string }[]> {
  return db.select({ id: cases.id, number: cases.number, title: cases.title }).from(cases).where(eq(cases.clientId, clientId)).orderBy(desc(cases.number));
}
