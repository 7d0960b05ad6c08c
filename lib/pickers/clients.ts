import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, clients } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { PICKER_LIMIT, UUID, containing, startingWith, type PickerItem } from "./picker-item";

// Baton is a company CRM: every active user sees every client and case (lib/crm/policy.ts), so the
// viewer narrows nothing yet. Every read still takes the viewer: a narrower scope goes here.

/** Clients whose name, city or tax id contains `q`: names starting with it first, then by name. */
export async function searchClients(db: DbOrTx, _viewer: Viewer, input: { q: string; limit?: number }): Promise<PickerItem[]> {
  const q = input.q.trim();
  const where: SQL | undefined = q
    ? or(ilike(clients.name, containing(q)), ilike(clients.city, containing(q)), ilike(clients.taxId, containing(q)))
    : undefined;
  const rows = await db
    .select({ id: clients.id, name: clients.name, city: clients.city })
    .from(clients)
    .where(where)
    .orderBy(...(q ? [sql`${clients.name} ILIKE ${startingWith(q)} DESC`] : []), asc(sql`lower(${clients.name})`), asc(clients.id))
    .limit(Math.min(input.limit ?? PICKER_LIMIT, PICKER_LIMIT));
  return rows.map((r) => ({ id: r.id, label: r.name, detail: r.city }));
}

/** The label of an already chosen client, for a picker's first render. */
export async function chosenClient(db: DbOrTx, _viewer: Viewer, id: string | null | undefined): Promise<PickerItem | null> {
  if (!id || !UUID.test(id)) return null;
  const [row] = await db.select({ id: clients.id, name: clients.name, city: clients.city }).from(clients).where(eq(clients.id, id));
  return row ? { id: row.id, label: row.name, detail: row.city } : null;
}

const OPEN_CASE = inArray(cases.status, ["new", "in_progress", "waiting"]);

export function caseLabel(c: { number: number; title: string }): string {
  return `#${c.number} ${c.title}`;
}

/**
 * Cases a task may be tied to, for the task form: open ones, of `clientId` when given, whose
 * title contains `q` or whose number is `q` (with or without `#`); newest first.
 */
export async function searchCases(db: DbOrTx, _viewer: Viewer, input: { q: string; clientId?: string | null; limit?: number }): Promise<PickerItem[]> {
  const q = input.q.trim().replace(/^#/, "");
  const where: (SQL | undefined)[] = [OPEN_CASE];
  if (input.clientId) where.push(eq(cases.clientId, input.clientId));
  if (q) where.push(/^\d{1,9}$/.test(q) ? or(eq(cases.number, Number(q)), ilike(cases.title, containing(q))) : ilike(cases.title, containing(q)));
  const rows = await db
    .select({ id: cases.id, number: cases.number, title: cases.title, clientId: clients.id, client: clients.name })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(and(...where))
    .orderBy(desc(cases.number))
    .limit(Math.min(input.limit ?? PICKER_LIMIT, PICKER_LIMIT));
  return rows.map((r) => ({ id: r.id, label: caseLabel(r), detail: r.client, client: { id: r.clientId, label: r.client } }));
}

/** An already chosen case with its client, open or not. */
export async function chosenCase(db: DbOrTx, _viewer: Viewer, id: string | null | undefined): Promise<PickerItem | null> {
  if (!id || !UUID.test(id)) return null;
  const [row] = await db
    .select({ id: cases.id, number: cases.number, title: cases.title, clientId: clients.id, client: clients.name })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(eq(cases.id, id));
  return row ? { id: row.id, label: caseLabel(row), detail: row.client, client: { id: row.clientId, label: row.client } } : null;
}
