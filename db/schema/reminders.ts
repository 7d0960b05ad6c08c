import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { priority } from "./crm";
import { notificationChannel, notifications } from "./notify";
import { users } from "./org";
import { tasks } from "./tasks";

export const delayUnit = pgEnum("delay_unit", ["minutes", "working_hours", "working_days"]);
export const timelineMomentKind = pgEnum("timeline_moment_kind", ["reminder", "overdue", "escalation"]);

/** How long an overdue task waits before the assignee's supervisor is told, per priority. */
export const escalationPolicies = pgTable(
  "escalation_policies",
  {
    priority: priority("priority").primaryKey(),
    delay: integer("delay").notNull(),
    unit: delayUnit("unit").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("escalation_policies_delay_positive", sql`${t.delay} > 0`)],
);

/**
 * The organisation's working week (one row, id 1) that working-hour delays count in, and the
 * optional second escalation level (the supervisor's supervisor).
 */
export const workSchedule = pgTable(
  "work_schedule",
  {
    id: integer("id").primaryKey().default(1),
    timeZone: text("time_zone").notNull().default("Europe/Warsaw"),
    // ISO weekdays, 1 = Monday … 7 = Sunday.
    workDays: jsonb("work_days").$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
    dayStart: text("day_start").notNull().default("08:00"),
    dayEnd: text("day_end").notNull().default("16:00"),
    secondLevelEnabled: boolean("second_level_enabled").notNull().default(false),
    secondLevelDelay: integer("second_level_delay").notNull().default(1),
    secondLevelUnit: delayUnit("second_level_unit").notNull().default("working_days"),
    // Whose public holidays working time skips: "PL" (computed for any year) or "none".
    holidayCountry: text("holiday_country").notNull().default("PL"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("work_schedule_singleton", sql`${t.id} = 1`),
    check("work_schedule_day_order", sql`${t.dayStart} < ${t.dayEnd}`),
    check("work_schedule_second_delay_positive", sql`${t.secondLevelDelay} > 0`),
    check("work_schedule_holiday_country", sql`${t.holidayCountry} IN ('PL', 'none')`),
  ],
);

export const holidayChange = pgEnum("holiday_change", ["added", "removed"]);

/**
 * The admins' changes to the public holidays: a company day off added, or a public holiday
 * removed (worked). One row per calendar date of the work schedule's zone.
 */
export const holidayOverrides = pgTable("holiday_overrides", {
  day: date("day", { mode: "string" }).primaryKey(),
  change: holidayChange("change").notNull(),
  note: text("note"),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A person's default reminders: used on every task of theirs that has no reminders of its own. */
export const reminderDefaults = pgTable(
  "reminder_defaults",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    offsetMinutes: integer("offset_minutes").notNull(),
    channel: notificationChannel("channel"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reminder_defaults_user_idx").on(t.userId), check("reminder_defaults_offset_range", sql`${t.offsetMinutes} BETWEEN 5 AND 20160`)],
);

/**
 * "Remind me again in 10 minutes": a one-off reminder moment for the person who snoozed. A
 * person has at most one pending snooze per task (pressing it again moves the time), so a burst
 * of presses cannot queue a burst of SMS; `sent_at` is set when its moment fires.
 */
export const reminderSnoozes = pgTable(
  "reminder_snoozes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    fireAt: timestamp("fire_at", { withTimezone: true }).notNull(),
    channel: notificationChannel("channel"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reminder_snoozes_task_idx").on(t.taskId),
    index("reminder_snoozes_fire_idx").on(t.fireAt),
    uniqueIndex("reminder_snoozes_one_pending")
      .on(t.taskId, t.recipientId)
      .where(sql`${t.sentAt} IS NULL`),
  ],
);
