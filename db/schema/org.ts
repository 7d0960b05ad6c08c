import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["admin", "manager", "member"]);
export const workingMode = pgEnum("working_mode", ["office", "field", "remote", "away"]);
export const locale = pgEnum("locale", ["pl", "en"]);

export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index makes sign-in by e-mail unambiguous.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("member"),
    title: text("title"),
    supervisorId: uuid("supervisor_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    phone: text("phone"),
    timeZone: text("time_zone").notNull().default("Europe/Warsaw"),
    locale: locale("locale").notNull().default("pl"),
    workingMode: workingMode("working_mode").notNull().default("office"),
    active: boolean("active").notNull().default(true),
    // Bumped on deactivation or password change: older sessions stop being accepted.
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_supervisor_idx").on(t.supervisorId),
    index("users_department_idx").on(t.departmentId),
    check("users_not_own_supervisor", sql`${t.supervisorId} IS NULL OR ${t.supervisorId} <> ${t.id}`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("teams_department_name_key").on(t.departmentId, t.name)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);
