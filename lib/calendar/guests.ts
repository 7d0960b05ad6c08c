import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntryGuests, clientContacts, users } from "@/db/schema";
import type { FieldProblems } from "@/lib/tasks/references";
import type { GuestRecipient } from "./notices";
import type { AttendeeResponse } from "./types";
import type { GuestInput } from "./schema";

export type Guest = GuestRecipient & { response: AttendeeResponse };

/** A guest as the command will write them: address and name settled, language and zone chosen. */
export interface WantedGuest {
  email: string;
  name: string | null;
  contactId: string | null;
  locale: "pl" | "en";
  timeZone: string;
}

const guestColumns = {
  id: calendarEntryGuests.id,
  email: calendarEntryGuests.email,
  name: calendarEntryGuests.name,
  locale: calendarEntryGuests.locale,
  timeZone: calendarEntryGuests.timeZone,
  response: calendarEntryGuests.response,
};

export async function guestsOf(tx: DbOrTx, entryId: string): Promise<Guest[]> {
  return tx.select(guestColumns).from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, entryId)).orderBy(asc(calendarEntryGuests.createdAt));
}

/**
 * Settles who the guests are: a contact gives their address and name (and must be a contact of
 * the entry's client, with an address); language and zone default to the organiser's. An
 * address given twice counts once; one of a colleague is refused (colleagues are invited as
 * people, and see the entry in Baton).
 */
export async function checkGuests(
  tx: DbOrTx,
  input: GuestInput[],
  context: { clientId: string | null; organizer: { locale: "pl" | "en"; timeZone: string } },
  problems: FieldProblems,
): Promise<WantedGuest[]> {
  const contactIds = input.flatMap((g) => (g.contactId ? [g.contactId] : []));
  const contacts = contactIds.length
    ? await tx
        .select({ id: clientContacts.id, clientId: clientContacts.clientId, name: clientContacts.name, email: clientContacts.email })
        .from(clientContacts)
        .where(inArray(clientContacts.id, contactIds))
    : [];
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const wanted = new Map<string, WantedGuest & { index: number }>();
  input.forEach((g, index) => {
    const contact = g.contactId ? byId.get(g.contactId) : undefined;
    if (g.contactId && (!contact || contact.clientId !== context.clientId))
      return problems.add(`guests.${index}.contactId`, "invitations.errors.contactUnknown");
    const email = (g.email ?? contact?.email ?? "").trim().toLowerCase();
    if (!email) return problems.add(`guests.${index}.email`, "invitations.errors.contactNoEmail");
    if (wanted.has(email)) return;
    wanted.set(email, {
      index,
      email,
      name: g.name ?? contact?.name ?? null,
      contactId: contact?.id ?? null,
      locale: g.locale ?? context.organizer.locale,
      timeZone: g.timeZone ?? context.organizer.timeZone,
    });
  });
  if (wanted.size) {
    const colleagues = await tx
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.email, [...wanted.keys()]));
    for (const { email } of colleagues) problems.add(`guests.${wanted.get(email)!.index}.email`, "invitations.errors.guestIsColleague");
  }
  return [...wanted.values()].map(({ index: _index, ...guest }) => guest);
}

export async function addGuests(tx: DbOrTx, entryId: string, wanted: WantedGuest[], now: Date): Promise<Guest[]> {
  if (!wanted.length) return [];
  return tx
    .insert(calendarEntryGuests)
    .values(wanted.map((g) => ({ ...g, entryId, createdAt: now })))
    .returning(guestColumns);
}

/** Brings the entry's guests to `wanted` (by address): who was added, who removed, who stayed. */
export async function replaceGuests(tx: DbOrTx, entryId: string, wanted: WantedGuest[], now: Date) {
  const had = await guestsOf(tx, entryId);
  const emails = new Set(wanted.map((g) => g.email));
  const removed = had.filter((g) => !emails.has(g.email));
  const stayed = had.filter((g) => emails.has(g.email));
  const known = new Set(had.map((g) => g.email));
  const added = await addGuests(
    tx,
    entryId,
    wanted.filter((g) => !known.has(g.email)),
    now,
  );
  if (removed.length)
    await tx.delete(calendarEntryGuests).where(
      and(
        eq(calendarEntryGuests.entryId, entryId),
        inArray(
          calendarEntryGuests.id,
          removed.map((g) => g.id),
        ),
      ),
    );
  return { added, removed, stayed };
}
