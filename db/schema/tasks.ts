import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { cases, clients, priority } from "./crm";
import { notificationChannel } from "./notify";
import { users } from "./org";

export const taskStatus = pgEnum("task_status", ["open", "in_progress", "awaiting_acceptance", "done", "cancelled"]);
export const taskActivityKind = pgEnum("task_activity_kind", [
  "created",
  "changed",
  "comment",
  "status",
  "progress",
  "reassigned",
  "returned",
  "accepted",
  "attachment",
]);

export const taskRepeatKind = pgEnum("task_repeat_kind", ["workdays", "weekly", "monthlyOnDate", "monthlyOnWeekday", "afterCompletion"]);

/**
 * A task that repeats: each instance is an ordinary task (tasks.series_id), created by a job at
 * the series' next moment from the latest instance (see lib/tasks/recurrence.ts). The rule is read
 * on the wall clock of `zone` at `time_of_day`.
 */
export const taskSeries = pgTable(
  "task_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The delegator: only they (and admins) set, change or stop the repetition.
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    kind: taskRepeatKind("kind").notNull(),
    // Weekly: ISO weekdays 1-7.
    weekdays: integer("weekdays")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    // Monthly on a date: 1-31 (a month without it is skipped).
    monthDay: integer("month_day"),
    // Monthly on a weekday: 1-4, or -1 for the last; with `weekday` (ISO 1-7).
    weekOfMonth: integer("week_of_month"),
    weekday: integer("weekday"),
    // After completion: days after the previous instance is done.
    afterDays: integer("after_days"),
    // "08:00": when an instance is created, on the wall clock of `zone`.
    timeOfDay: text("time_of_day").notNull(),
    zone: text("zone").notNull(),
    // An instance is due this many days after its creation day, at the due time of day (null: no due date).
    dueDays: integer("due_days"),
    dueTime: text("due_time"),
    // When the next instance is created; null while stopped or waiting for the open instance's completion.
    nextAt: timestamp("next_at", { withTimezone: true }),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The job's one query: series whose next moment has come.
    index("task_series_next_idx")
      .on(t.nextAt)
      .where(sql`${t.nextAt} IS NOT NULL AND ${t.stoppedAt} IS NULL`),
    check("task_series_month_day", sql`${t.monthDay} IS NULL OR ${t.monthDay} BETWEEN 1 AND 31`),
    check("task_series_after_days", sql`${t.afterDays} IS NULL OR ${t.afterDays} BETWEEN 0 AND 365`),
    check("task_series_due_days", sql`${t.dueDays} IS NULL OR ${t.dueDays} BETWEEN 0 AND 365`),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Short reference shown in lists, e-mails and SMS ("#1042").
    number: serial("number").notNull().unique(),
    title: text("title").notNull(),
    description: text("description"),
    priority: priority("priority").notNull().default("normal"),
    status: taskStatus("status").notNull().default("open"),
    progress: integer("progress").notNull().default(0),
    dueAt: timestamp("due_at", { withTimezone: true }),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    // The delegator: whoever created the task (follows it up when it is assigned to someone else).
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "set null" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    needsAcceptance: boolean("needs_acceptance").notNull().default(false),
    // On: ticking the checklist sets progress to done/total; off: progress is reported by hand.
    progressFollowsChecklist: boolean("progress_follows_checklist").notNull().default(false),
    // Set once when a subtask is created and never changed; one level only (a parent has no parent), see lib/tasks/subtasks.ts.
    parentTaskId: uuid("parent_task_id").references((): AnyPgColumn => tasks.id),
    // The repetition this task is an instance of, and the moment it was created for (unique per series).
    seriesId: uuid("series_id").references((): AnyPgColumn => taskSeries.id),
    seriesAt: timestamp("series_at", { withTimezone: true }),
    // Bumped on every change; durable timelines (reminders, overdue notices) act only on the version they saw.
    version: integer("version").notNull().default(1),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // My tasks and the team view (assignee among the people under a manager): counts and filters.
    index("tasks_assignee_idx").on(t.assigneeId, t.status, t.dueAt),
    // The default My tasks page: active work, soonest due first, read in index order.
    index("tasks_assignee_active_idx")
      .on(t.assigneeId, t.dueAt, t.number)
      .where(sql`${t.status} IN ('open', 'in_progress', 'awaiting_acceptance')`),
    // Delegated (created by me, assigned to someone else): counts per status and filters.
    index("tasks_delegated_idx")
      .on(t.createdById, t.status, t.dueAt)
      .where(sql`${t.assigneeId} <> ${t.createdById}`),
    // The default Delegated page: active work, soonest due first, read in index order.
    index("tasks_delegated_active_idx")
      .on(t.createdById, t.dueAt, t.number)
      .where(sql`${t.assigneeId} <> ${t.createdById} AND ${t.status} IN ('open', 'in_progress', 'awaiting_acceptance')`),
    // Delegated sorted by last activity: what moved most recently comes first.
    index("tasks_delegated_activity_idx")
      .on(t.createdById, t.lastActivityAt)
      .where(sql`${t.assigneeId} <> ${t.createdById}`),
    index("tasks_client_idx")
      .on(t.clientId, t.status)
      .where(sql`${t.clientId} IS NOT NULL`),
    index("tasks_case_idx")
      .on(t.caseId, t.status)
      .where(sql`${t.caseId} IS NOT NULL`),
    // A parent's subtasks, read on its page and counted for the lists.
    index("tasks_parent_idx")
      .on(t.parentTaskId, t.status)
      .where(sql`${t.parentTaskId} IS NOT NULL`),
    // Never two instances for one moment of a series, however often the job runs.
    uniqueIndex("tasks_series_moment_idx")
      .on(t.seriesId, t.seriesAt)
      .where(sql`${t.seriesId} IS NOT NULL`),
    check("tasks_series_moment", sql`(${t.seriesId} IS NULL) = (${t.seriesAt} IS NULL)`),
    check("tasks_not_own_parent", sql`${t.parentTaskId} IS NULL OR ${t.parentTaskId} <> ${t.id}`),
    check("tasks_progress_range", sql`${t.progress} BETWEEN 0 AND 100`),
    check("tasks_title_not_blank", sql`length(btrim(${t.title})) > 0`),
    check("tasks_case_has_client", sql`${t.caseId} IS NULL OR ${t.clientId} IS NOT NULL`),
  ],
);

/** Every change and comment on a task, with who made it: the task page's history. */
export const taskActivity = pgTable(
  "task_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: taskActivityKind("kind").notNull(),
    field: text("field"),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_activity_task_idx").on(t.taskId, t.createdAt)],
);

/**
 * When the assignee is reminded of a task: a lead time before the due moment, or an absolute
 * moment. Stored here; the reminders work schedules and fires them.
 */
export const taskReminders = pgTable(
  "task_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    offsetMinutes: integer("offset_minutes"),
    fireAt: timestamp("fire_at", { withTimezone: true }),
    // Null: the recipient's preferences decide.
    channel: notificationChannel("channel"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("task_reminders_task_idx").on(t.taskId),
    index("task_reminders_fire_at_idx")
      .on(t.fireAt)
      .where(sql`${t.fireAt} IS NOT NULL`),
    check("task_reminders_one_moment", sql`(${t.offsetMinutes} IS NULL) <> (${t.fireAt} IS NULL)`),
    check("task_reminders_offset_range", sql`${t.offsetMinutes} IS NULL OR ${t.offsetMinutes} BETWEEN 5 AND 20160`),
  ],
);

/** A task's checklist: short steps ticked off by the assignee or the delegator, in their own order. */
export const taskChecklistItems = pgTable(
  "task_checklist_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    done: boolean("done").notNull().default(false),
    doneById: uuid("done_by_id").references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    // 0-based and dense within a task; rewritten under the task's row lock.
    position: integer("position").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("task_checklist_items_task_idx").on(t.taskId, t.position),
    check("task_checklist_items_text_length", sql`length(btrim(${t.text})) BETWEEN 1 AND 200`),
    check("task_checklist_items_position_range", sql`${t.position} >= 0`),
  ],
);

/**
 * Someone who follows a task without working on it (a supervisor, a colleague): told of its
 * status changes and comments. Whether they may still see the task is checked when a notice is
 * written, so a row left behind after they lost access tells them nothing.
 */
export const taskWatchers = pgTable(
  "task_watchers",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index("task_watchers_user_idx").on(t.userId)],
);
