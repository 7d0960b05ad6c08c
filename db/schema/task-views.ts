import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { departments, users } from "./org";

export const taskListKind = pgEnum("task_list_kind", ["mine", "delegated", "team"]);

/**
 * A person's saved filters and sort of one task list, under a name. `query` is the list's own
 * query string as lib/tasks/list-params.ts writes it (normalized, without the page), so opening
 * a view is following a link. Shared with a department, its members see it read-only on that list.
 */
export const taskSavedViews = pgTable(
  "task_saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    list: taskListKind("list").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    sharedDepartmentId: uuid("shared_department_id").references(() => departments.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("task_saved_views_owner_name_key").on(t.ownerId, t.list, sql`lower(${t.name})`),
    index("task_saved_views_shared_idx")
      .on(t.sharedDepartmentId, t.list)
      .where(sql`${t.sharedDepartmentId} IS NOT NULL`),
    check("task_saved_views_name_length", sql`char_length(${t.name}) BETWEEN 1 AND 80`),
  ],
);
