import { and, asc, desc, eq, exists, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { caseActivity, cases, clientContacts, clients, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { forEachCursorBatch, mapBatch } from "@/lib/export/cursor";
import { withReferenceNames } from "@/lib/history/names";
import { OPEN_STATUSES, isCaseOverdue, type CaseKind, type CaseStatus, type Priority } from "./case-states";
import { caseAssignRightsOf } from "./assign-rights";
import type { CaseActivityKind } from "./case-history";
import { canEditCase, canEditClient, canReassignCase } from "./policy";
import type { CaseListFilters, ClientListFilters } from "./schema";

// Every read takes the viewer: all active users see the whole CRM today, and this is where a
// narrower scope would go. Edit rights are computed here so pages show only usable controls.

export const CLIENTS_PAGE_SIZE = 50;
export const CASES_PAGE_SIZE = 50;
/** How many cases a client page lists before pointing to the filtered case list. */
export const CLIENT_PAGE_CASES = 50;

function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

const openCaseCount = sql<number>`(select count(*)::int from ${cases} where ${cases.clientId} = ${clients.id} and ${inArray(cases.status, [...OPEN_STATUSES])})`;

/** The client list's order: by name, case-blind. */
export const CLIENT_LIST_ORDER = [sql`lower(${clients.name})`, asc(clients.id)] as const;

export interface ClientListRow {
  id: string;
  name: string;
  city: string | null;
  taxId: string | null;
  accountManagerId: string | null;
  accountManagerName: string | null;
  openCases: number;
}

/** The client list's filters as a condition (the page and the export share it). */
export function clientListWhere(db: DbOrTx, filters: Omit<ClientListFilters, "page">): SQL | undefined {
  const where: SQL[] = [];
  if (filters.q) {
    const text = containing(filters.q);
    const taxId = containing(filters.q.replace(/[\s.-]/g, "").toUpperCase());
    where.push(
      or(
        ilike(clients.name, text),
        ilike(clients.city, text),
        ilike(clients.taxId, taxId),
        exists(
          db
            .select({ one: sql`1` })
            .from(clientContacts)
            .where(and(eq(clientContacts.clientId, clients.id), ilike(clientContacts.name, text))),
        ),
      )!,
    );
  }
  if (filters.city) where.push(sql`lower(${clients.city}) = lower(${filters.city})`);
  if (filters.manager) where.push(eq(clients.accountManagerId, filters.manager));

  return and(...where);
}

export async function listClients(
  db: DbOrTx,
  _viewer: Viewer,
  filters: ClientListFilters,
): Promise<{ rows: ClientListRow[]; total: number; pageSize: number }> {
  const where = clientListWhere(db, filters);
  const rows = await db
    .select({
      id: clients.id,
      name: clients.name,
      city: clients.city,
      taxId: clients.taxId,
      accountManagerId: clients.accountManagerId,
      accountManagerName: users.name,
      openCases: openCaseCount,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.accountManagerId))
    .where(where)
    .orderBy(...CLIENT_LIST_ORDER)
    .limit(CLIENTS_PAGE_SIZE)
    .offset((filters.page - 1) * CLIENTS_PAGE_SIZE);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0, pageSize: CLIENTS_PAGE_SIZE };
}

/** Choices for the client list filters: cities in use and the people who manage clients. */
export async function clientFilterOptions(db: DbOrTx, _viewer: Viewer): Promise<{ cities: string[]; managers: { id: string; name: string }[] }> {
  const [cityRows, managers] = await Promise.all([
    db.selectDistinct({ city: clients.city }).from(clients).where(isNotNull(clients.city)).orderBy(asc(clients.city)),
    db.selectDistinct({ id: users.id, name: users.name }).from(users).innerJoin(clients, eq(clients.accountManagerId, users.id)).orderBy(asc(users.name)),
  ]);
  return { cities: cityRows.map((r) => r.city!).filter(Boolean), managers };
}

export interface ClientDetail {
  id: string;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  address: string | null;
  notes: string | null;
  accountManagerId: string | null;
  accountManagerName: string | null;
  updatedAt: Date;
  canEdit: boolean;
  contacts: { id: string; name: string; position: string | null; email: string | null; phone: string | null }[];
}

export async function getClient(db: DbOrTx, viewer: Viewer, id: string): Promise<ClientDetail | null> {
  const [row] = await db
    .select({
      id: clients.id,
      name: clients.name,
      taxId: clients.taxId,
      email: clients.email,
      phone: clients.phone,
      city: clients.city,
      address: clients.address,
      notes: clients.notes,
      accountManagerId: clients.accountManagerId,
      accountManagerName: users.name,
      updatedAt: clients.updatedAt,
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.accountManagerId))
    .where(eq(clients.id, id));
  if (!row) return null;
  const contacts = await db
    .select({ id: clientContacts.id, name: clientContacts.name, position: clientContacts.position, email: clientContacts.email, phone: clientContacts.phone })
    .from(clientContacts)
    .where(eq(clientContacts.clientId, id))
    .orderBy(asc(clientContacts.name), asc(clientContacts.id));
  return { ...row, canEdit: canEditClient(viewer, row), contacts };
}

export interface CaseListRow {
  id: string;
  number: number;
  kind: CaseKind;
  title: string;
  status: CaseStatus;
  priority: Priority;
  dueAt: Date | null;
  overdue: boolean;
  clientId: string;
  clientName: string;
  ownerId: string;
  ownerName: string;
}

const caseListColumns = {
  id: cases.id,
  number: cases.number,
  kind: cases.kind,
  title: cases.title,
  status: cases.status,
  priority: cases.priority,
  dueAt: cases.dueAt,
  clientId: cases.clientId,
  clientName: clients.name,
  ownerId: cases.ownerId,
  ownerName: users.name,
};

const isOpen = inArray(cases.status, [...OPEN_STATUSES]);

/** The case list's order: soonest due first, cases without a due date last, then the newest. */
export const CASE_LIST_ORDER = [sql`${cases.dueAt} asc nulls last`, desc(cases.number)] as const;

/** A client's cases: open ones first, each group by due date. */
export async function casesOfClient(
  db: DbOrTx,
  _viewer: Viewer,
  clientId: string,
  now: Date,
): Promise<{ rows: CaseListRow[]; more: boolean; openCount: number }> {
  const [open] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(cases)
    .where(and(eq(cases.clientId, clientId), isOpen));
  const rows = await db
    .select(caseListColumns)
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(eq(cases.clientId, clientId))
    .orderBy(desc(isOpen), sql`${cases.dueAt} asc nulls last`, desc(cases.number))
    .limit(CLIENT_PAGE_CASES + 1);
  return {
    rows: rows.slice(0, CLIENT_PAGE_CASES).map((r) => ({ ...r, overdue: isCaseOverdue(r, now) })),
    more: rows.length > CLIENT_PAGE_CASES,
    openCount: open?.n ?? 0,
  };
}

/** The case list's filters as a condition (the page and the export share it). */
export function caseListWhere(viewer: Viewer, filters: Omit<CaseListFilters, "page">): SQL | undefined {
  const where: SQL[] = [];
  if (filters.q) {
    const text = containing(filters.q);
    const number = /^#?\d{1,9}$/.test(filters.q) ? Number(filters.q.replace("#", "")) : null;
    where.push(or(ilike(cases.title, text), ilike(clients.name, text), ...(number !== null ? [eq(cases.number, number)] : []))!);
  }
  if (filters.kind) where.push(eq(cases.kind, filters.kind));
  if (filters.status === "open") where.push(inArray(cases.status, [...OPEN_STATUSES]));
  else if (filters.status !== "all") where.push(eq(cases.status, filters.status));
  if (filters.priority) where.push(eq(cases.priority, filters.priority));
  if (filters.owner) where.push(eq(cases.ownerId, filters.owner === "mine" ? viewer.id : filters.owner));
  if (filters.client) where.push(eq(cases.clientId, filters.client));

  return and(...where);
}

/** The case list: filtered, soonest due first, cases without a due date last. */
export async function listCases(
  db: DbOrTx,
  viewer: Viewer,
  filters: CaseListFilters,
  now: Date,
): Promise<{ rows: CaseListRow[]; total: number; overdueTotal: number; pageSize: number }> {
  const where = caseListWhere(viewer, filters);
  const rows = await db
    .select({
      ...caseListColumns,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      overdueTotal: sql<number>`count(*) filter (where ${cases.dueAt} < ${now.toISOString()}::timestamptz and ${isOpen}) over ()`.mapWith(Number),
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(where)
    .orderBy(...CASE_LIST_ORDER)
    .limit(CASES_PAGE_SIZE)
    .offset((filters.page - 1) * CASES_PAGE_SIZE);
  return {
    rows: rows.map(({ total: _total, overdueTotal: _overdue, ...r }) => ({ ...r, overdue: isCaseOverdue(r, now) })),
    total: rows[0]?.total ?? 0,
    overdueTotal: rows[0]?.overdueTotal ?? 0,
    pageSize: CASES_PAGE_SIZE,
  };
}

export interface CaseDetail extends CaseListRow {
  description: string | null;
  createdById: string | null;
  createdByName: string | null;
  ownerActive: boolean;
  createdAt: Date;
  updatedAt: Date;
  ownerDepartmentId: string | null;
  canEdit: boolean;
  /** Whether the viewer may hand the case to someone else (editors, and holders of a right covering it). */
  canReassign: boolean;
}

/**
 * Every active person reads every case (lib/crm/policy.ts). The scope stays in the query all the
 * same, so a viewer whose account was closed after the request began reads nothing.
 */
function visibleTo(viewer: Viewer): SQL {
  return sql`exists (select 1 from ${users} as viewer_account where viewer_account.id = ${viewer.id} and viewer_account.active)`;
}

export async function getCase(db: DbOrTx, viewer: Viewer, id: string, now: Date): Promise<CaseDetail | null> {
  const creators = alias(users, "creators");
  const [row] = await db
    .select({
      ...caseListColumns,
      description: cases.description,
      createdById: cases.createdById,
      createdByName: creators.name,
      ownerActive: users.active,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      ownerDepartmentId: users.departmentId,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .leftJoin(creators, eq(creators.id, cases.createdById))
    .where(and(eq(cases.id, id), visibleTo(viewer)));
  if (!row) return null;
  const canEdit = canEditCase(viewer, row);
  const canReassign = canEdit || canReassignCase(viewer, row, await caseAssignRightsOf(db, viewer.id));
  return { ...row, overdue: isCaseOverdue(row, now), canEdit, canReassign };
}

export interface CaseHistoryEntry {
  id: number;
  kind: CaseActivityKind;
  actor: string | null;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  comment: string | null;
  createdAt: Date;
}

/**
 * A case's history, oldest first, for a viewer who may see the case (null otherwise). Owners and
 * clients in old and new values come back as names, so the page never shows a bare id.
 */
export async function caseHistory(db: DbOrTx, viewer: Viewer, caseId: string): Promise<CaseHistoryEntry[] | null> {
  const [visible] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), visibleTo(viewer)));
  if (!visible) return null;
  const actor = alias(users, "actor");
  const rows = await db
    .select({
      id: caseActivity.id,
      kind: caseActivity.kind,
      actor: actor.name,
      field: caseActivity.field,
      oldValue: caseActivity.oldValue,
      newValue: caseActivity.newValue,
      comment: caseActivity.comment,
      createdAt: caseActivity.createdAt,
    })
    .from(caseActivity)
    .leftJoin(actor, eq(actor.id, caseActivity.actorId))
    .where(eq(caseActivity.caseId, caseId))
    .orderBy(asc(caseActivity.createdAt), asc(caseActivity.id));
  return withReferenceNames(db, rows, { ownerId: "person", clientId: "client" });
}

/** A row of the case list's export: the list's columns and when the case was opened. */
export interface CaseExportRow {
  number: number;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  priority: Priority;
  dueAt: Date | null;
  overdue: boolean;
  clientName: string;
  ownerName: string;
  createdAt: Date;
}

const CASE_EXPORT_COLUMNS = ["number", "title", "kind", "status", "priority", "due_at", "client_name", "owner_name", "created_at"] as const;

/**
 * Every case the list's filters select (not one page), in the list's order, handed to `onBatch` in batches read
 * through a cursor: the export of the case list.
 */
export async function forEachCaseListBatch(
  db: DbOrTx,
  viewer: Viewer,
  filters: Omit<CaseListFilters, "page">,
  now: Date,
  batchSize: number,
  onBatch: (rows: CaseExportRow[]) => Promise<void>,
): Promise<void> {
  const query = db
    .select({
      number: cases.number,
      title: cases.title,
      kind: cases.kind,
      status: cases.status,
      priority: cases.priority,
      dueAt: cases.dueAt,
      clientName: clients.name,
      ownerName: users.name,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(and(caseListWhere(viewer, filters), visibleTo(viewer)))
    .orderBy(...CASE_LIST_ORDER);
  await forEachCursorBatch(db, "case_list_export", query, CASE_EXPORT_COLUMNS, ["due_at", "created_at"], batchSize, (rows) =>
    onBatch(
      mapBatch(rows, (r) => {
        const row = {
          number: Number(r.number),
          title: String(r.title),
          kind: r.kind as CaseKind,
          status: r.status as CaseStatus,
          priority: r.priority as Priority,
          dueAt: r.due_at === null ? null : new Date(String(r.due_at)),
          clientName: String(r.client_name),
          ownerName: String(r.owner_name),
          createdAt: new Date(String(r.created_at)),
        };
        return { ...row, overdue: isCaseOverdue(row, now) };
      }),
    ),
  );
}

/** A row of the client list's export: the list's columns and how to reach the client. */
export interface ClientExportRow {
  name: string;
  taxId: string | null;
  city: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  accountManagerName: string | null;
  openCases: number;
}

const CLIENT_EXPORT_COLUMNS = ["name", "tax_id", "city", "address", "email", "phone", "account_manager_name", "open_cases"] as const;

/** Every client the list's filters select, in the list's order, in batches read through a cursor: the client list's export. */
export async function forEachClientListBatch(
  db: DbOrTx,
  viewer: Viewer,
  filters: Omit<ClientListFilters, "page">,
  batchSize: number,
  onBatch: (rows: ClientExportRow[]) => Promise<void>,
): Promise<void> {
  const query = db
    .select({
      name: clients.name,
      taxId: clients.taxId,
      city: clients.city,
      address: clients.address,
      email: clients.email,
      phone: clients.phone,
      accountManagerName: users.name,
      openCases: openCaseCount,
    })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.accountManagerId))
    .where(and(clientListWhere(db, filters), visibleTo(viewer)))
    .orderBy(...CLIENT_LIST_ORDER);
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  await forEachCursorBatch(db, "client_list_export", query, CLIENT_EXPORT_COLUMNS, [], batchSize, (rows) =>
    onBatch(
      mapBatch(rows, (r) => ({
        name: String(r.name),
        taxId: text(r.tax_id),
        city: text(r.city),
        address: text(r.address),
        email: text(r.email),
        phone: text(r.phone),
        accountManagerName: text(r.account_manager_name),
        openCases: Number(r.open_cases),
      })),
    ),
  );
}
