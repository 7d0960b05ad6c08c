import { sql } from "drizzle-orm";
import { bigserial, check, index, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { departments, users } from "./org";

export const caseKind = pgEnum("case_kind", ["sales_opportunity", "quote_request", "service_request"]);
export const caseStatus = pgEnum("case_status", ["new", "in_progress", "waiting", "won", "lost", "resolved", "closed"]);
export const priority = pgEnum("priority", ["low", "normal", "high", "urgent"]);
export const caseActivityKind = pgEnum("case_activity_kind", ["created", "changed", "status", "reassigned", "attachment"]);

export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    taxId: text("tax_id"),
    email: text("email"),
    phone: text("phone"),
    city: text("city"),
    address: text("address"),
    notes: text("notes"),
    accountManagerId: uuid("account_manager_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("clients_name_idx").on(sql`lower(${t.name})`),
    // Two clients with one tax id are a duplicate record; the database refuses it even under a race.
    uniqueIndex("clients_tax_id_key")
      .on(t.taxId)
      .where(sql`${t.taxId} IS NOT NULL`),
  ],
);

export const clientContacts = pgTable(
  "client_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: text("position"),
    email: text("email"),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("client_contacts_client_idx").on(t.clientId)],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Human-friendly reference shown in lists and e-mails ("SPR-1042").
    number: serial("number").notNull().unique(),
    kind: caseKind("kind").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    status: caseStatus("status").notNull().default("new"),
    priority: priority("priority").notNull().default("normal"),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    dueAt: timestamp("due_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_owner_idx").on(t.ownerId, t.status), index("cases_client_idx").on(t.clientId), index("cases_status_idx").on(t.status, t.dueAt)],
);

/** Every change of a case, with who made it and when: the case page's history. */
export const caseActivity = pgTable(
  "case_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: caseActivityKind("kind").notNull(),
    field: text("field"),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_activity_case_idx").on(t.caseId, t.createdAt)],
);

/**
 * Who may hand cases to other people without owning them (a service dispatcher): granted by an
 * administrator, for one kind of case, or for the cases owned by the people of one department.
 */
export const caseAssignRights = pgTable(
  "case_assign_rights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: caseKind("kind"),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "cascade" }),
    grantedById: uuid("granted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("case_assign_rights_one_scope", sql`(${t.kind} IS NULL) <> (${t.departmentId} IS NULL)`),
    uniqueIndex("case_assign_rights_user_kind_key")
      .on(t.userId, t.kind)
      .where(sql`${t.kind} IS NOT NULL`),
    uniqueIndex("case_assign_rights_user_department_key")
      .on(t.userId, t.departmentId)
      .where(sql`${t.departmentId} IS NOT NULL`),
  ],
);
