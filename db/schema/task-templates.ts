import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { priority } from "./crm";
import { departments, users } from "./org";

/** A lead time a template gives each task made from it: minutes before the due moment, on a channel or the routed ones. */
export interface TemplateReminder {
  offsetMinutes: number;
  channel: "in_app" | "email" | "sms" | "push" | null;
}

/**
 * A task template: what a recurring kind of work starts with (title, description, checklist,
 * priority, due in N working days, reminder lead times). Personal when `departmentId` is null
 * (only its owner sees and keeps it); a department's when set (its members use it, its managers
 * and admins keep it).
 */
export const taskTemplates = pgTable(
  "task_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    priority: priority("priority").notNull().default("normal"),
    checklist: jsonb("checklist").$type<string[]>().notNull().default([]),
    dueInWorkingDays: integer("due_in_working_days"),
    reminders: jsonb("reminders").$type<TemplateReminder[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("task_templates_owner_idx").on(t.ownerId),
    index("task_templates_department_idx")
      .on(t.departmentId)
      .where(sql`${t.departmentId} IS NOT NULL`),
    check("task_templates_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
    check("task_templates_due_range", sql`${t.dueInWorkingDays} IS NULL OR ${t.dueInWorkingDays} BETWEEN 0 AND 365`),
  ],
);
