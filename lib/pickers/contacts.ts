import { and, asc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { clientContacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { PICKER_LIMIT, containing, type PickerItem } from "./picker-item";

/** `?client=&q=` of the contact search: the client is required, contacts belong to one. */
export const contactsQuery = z.object({ client: z.uuid(), q: z.string().max(100).default("") });

/**
 * A client's contacts who can be invited by e-mail (those with an address), for the entry form's
 * guest picker: name or address containing `q`, by name. Every active user sees every client
 * (lib/crm/policy.ts), so the viewer narrows nothing yet; the label is the name, the detail the address.
 */
export async function searchContacts(db: DbOrTx, _viewer: Viewer, input: { client: string; q: string }): Promise<PickerItem[]> {
  const q = input.q.trim();
  const where: (SQL | undefined)[] = [eq(clientContacts.clientId, input.client), isNotNull(clientContacts.email), sql`btrim(${clientContacts.email}) <> ''`];
  if (q) where.push(or(ilike(clientContacts.name, containing(q)), ilike(clientContacts.email, containing(q))));
  const rows = await db
    .select({ id: clientContacts.id, name: clientContacts.name, email: clientContacts.email })
    .from(clientContacts)
    .where(and(...where))
    .orderBy(asc(sql`lower(${clientContacts.name})`), asc(clientContacts.id))
    .limit(PICKER_LIMIT);
  return rows.map((r) => ({ id: r.id, label: r.name, detail: r.email }));
}
