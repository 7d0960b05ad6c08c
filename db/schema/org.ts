import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["admin", "manager", "member"]);
export const workingMode = pgEnum("working_mode", ["office", "field", "remote", "away"]);
export const locale = pgEnum("locale", ["pl", "en"]);
// How a person reads dates; "auto" follows their language and zone (lib/i18n/format-for.ts).
export const dateFormat = pgEnum("date_format", ["auto", "dmy_numeric", "dmy_text", "mdy", "iso"]);

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
    // E.164. SMS goes only to a verified number; changing it clears the verification.
    phone: text("phone"),
    phoneVerifiedAt: timestamp("phone_verified_at", { withTimezone: true }),
    timeZone: text("time_zone").notNull().default("Europe/Warsaw"),
    locale: locale("locale").notNull().default("pl"),
    dateFormat: dateFormat("date_format").notNull().default("auto"),
    workingMode: workingMode("working_mode").notNull().default("office"),
    active: boolean("active").notNull().default(true),
    // Bumped on deactivation or password change: older sessions stop being accepted.
    sessionVersion: integer("session_version").notNull().default(0),
    // Set when an admin typed the password (creating the account or resetting it): the person
    // must choose their own at the next sign-in before using the app. Cleared by any password change.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_supervisor_idx").on(t.supervisorId),
    index("users_department_idx").on(t.departmentId),
    check("users_not_own_supervisor", sql`${t.supervisorId} IS NULL OR ${t.supervisorId} <> ${t.id}`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    // A verified number belongs to one active person: SMS about one person's work never reaches another.
    uniqueIndex("users_verified_phone_key")
      .on(t.phone)
      .where(sql`${t.active} AND ${t.phoneVerifiedAt} IS NOT NULL`),
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

/**
 * Codes sent by SMS to prove a person holds the number on their profile. Only an HMAC of the
 * code is kept; the rows also count the codes sent per person and per number for the limits.
 */
export const phoneVerificationCodes = pgTable(
  "phone_verification_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("phone_verification_codes_user_idx").on(t.userId, t.createdAt), index("phone_verification_codes_phone_idx").on(t.phone, t.createdAt)],
);
