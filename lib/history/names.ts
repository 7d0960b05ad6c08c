import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, clients, users } from "@/db/schema";

/** What an id kept in a history value points at: a person, a client or a case. */
export type HistoryReference = "person" | "client" | "case";

interface HistoryValues {
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * The rows with the ids in their old and new values replaced by names (a case as `#number title`),
 * for the fields `references` maps to what they point at; an id whose row is gone stays as it is.
 */
export async function withReferenceNames<Row extends HistoryValues>(
  db: DbOrTx,
  rows: Row[],
  references: Partial<Record<string, HistoryReference>>,
): Promise<Row[]> {
  const ids = (to: HistoryReference) => [
    ...new Set(
      rows
        .filter((r) => r.field !== null && references[r.field] === to)
        .flatMap((r) => [r.oldValue, r.newValue])
        .filter((v): v is string => !!v),
    ),
  ];
  const [people, clientIds, caseIds] = [ids("person"), ids("client"), ids("case")];
  const names = new Map<string, string>();
  if (people.length) for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))) names.set(u.id, u.name);
  if (clientIds.length)
    for (const c of await db.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, clientIds))) names.set(c.id, c.name);
  if (caseIds.length) {
    for (const c of await db.select({ id: cases.id, number: cases.number, title: cases.title }).from(cases).where(inArray(cases.id, caseIds))) {
      names.set(c.id, `#${c.number} ${c.title}`);
    }
  }
  const named = (field: string | null, value: string | null) => (value && field !== null && references[field] ? (names.get(value) ?? value) : value);
  return rows.map((r) => ({ ...r, oldValue: named(r.field, r.oldValue), newValue: named(r.field, r.newValue) }));
}
