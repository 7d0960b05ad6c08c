import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { calendarEntries, calendarEntryAttendees, calendarEntryGuests, calendarOccurrenceOverrides, cases, clients, users } from "@/db/schema";
import { entryReplyAddress } from "./reply-address";
import { ATTENDEE_RESPONSES } from "./types";

/**
 * What an invitation e-mail needs beyond what every calendar notice says (notice-kinds.ts), as
 * it was at the change: the calendar part (SEQUENCE, DTSTAMP, organiser, attendees) and, for
 * colleagues only, the client and case. Kept in the notice's payload, so a retried delivery
 * sends the same invitation.
 */
export const invitationFacts = z.object({
  sequence: z.number().int().min(0),
  /** When this version of the invitation was made (DTSTAMP). */
  stamp: z.iso.datetime(),
  /** The organiser's name and Baton's reply address for the entry (ORGANIZER). */
  organizer: z.object({ name: z.string(), address: z.string() }),
  /** Everyone invited, colleagues and guests, with their answers then. */
  attendees: z.array(z.object({ name: z.string(), email: z.string(), response: z.enum(ATTENDEE_RESPONSES) })).max(500),
  private: z.boolean(),
  client: z.string().optional(),
  case: z.string().optional(),
  /** Set when the notice goes to an outside guest: their answer links speak for this guest row. */
  guestId: z.string().optional(),
  /** A series: its rule, zone and end, and its cancelled occurrences (RRULE and EXDATE). */
  series: z
    .object({
      rule: z.string(),
      zone: z.string(),
      until: z.iso.datetime().nullable(),
      count: z.number().int().nullable(),
      exdates: z.array(z.iso.datetime()),
      /** When its last occurrence ends (null: never): how long its answer links work. */
      endsAt: z.iso.datetime().nullable(),
    })
    .optional(),
  /** An invitation about one occurrence of the series (RECURRENCE-ID) with that occurrence's own SEQUENCE. */
  occurrence: z.object({ recurrenceId: z.iso.datetime(), sequence: z.number().int().min(0) }).optional(),
});
export type InvitationFacts = z.output<typeof invitationFacts>;

export interface InvitedEntry {
  id: string;
  sequence: number;
  visibility: "normal" | "private";
  recurrenceRule?: string | null;
  recurrenceZone?: string | null;
  recurrenceUntil?: Date | null;
  recurrenceCount?: number | null;
  seriesEndsAt?: Date | null;
}

/** The series facts of an entry that repeats (its EXDATEs read here), or nothing. */
async function seriesFactsOf(tx: DbOrTx, entry: InvitedEntry): Promise<Pick<InvitationFacts, "series">> {
  if (!entry.recurrenceRule || !entry.recurrenceZone) return {};
  const cancelled = await tx
    .select({ recurrenceId: calendarOccurrenceOverrides.recurrenceId })
    .from(calendarOccurrenceOverrides)
    .where(and(eq(calendarOccurrenceOverrides.entryId, entry.id), eq(calendarOccurrenceOverrides.cancelled, true)))
    .orderBy(asc(calendarOccurrenceOverrides.recurrenceId));
  return {
    series: {
      rule: entry.recurrenceRule,
      zone: entry.recurrenceZone,
      until: entry.recurrenceUntil?.toISOString() ?? null,
      count: entry.recurrenceCount ?? null,
      exdates: cancelled.map((c) => c.recurrenceId.toISOString()),
      endsAt: entry.seriesEndsAt?.toISOString() ?? null,
    },
  };
}

/** A guest as invitations name them: their name, or their address when they have none. */
export function guestName(guest: { name: string | null; email: string }): string {
  return guest.name?.trim() || guest.email;
}

/**
 * The invitation facts of an entry after a change, read in the change's transaction: three
 * small queries however many are invited. Guests get them without client and case
 * (`forGuest`), which are the colleagues' business.
 */
export async function invitationFactsOf(tx: DbOrTx, entry: InvitedEntry, organizer: string, now: Date): Promise<InvitationFacts> {
  const [colleagues, guests, about, series] = await Promise.all([
    tx
      .select({ name: users.name, email: users.email, response: calendarEntryAttendees.response })
      .from(calendarEntryAttendees)
      .innerJoin(users, eq(users.id, calendarEntryAttendees.userId))
      .where(eq(calendarEntryAttendees.entryId, entry.id))
      .orderBy(asc(users.name)),
    tx
      .select({ name: calendarEntryGuests.name, email: calendarEntryGuests.email, response: calendarEntryGuests.response })
      .from(calendarEntryGuests)
      .where(eq(calendarEntryGuests.entryId, entry.id))
      .orderBy(asc(calendarEntryGuests.createdAt), asc(calendarEntryGuests.email)),
    tx
      .select({ client: clients.name, caseNumber: cases.number, caseTitle: cases.title })
      .from(calendarEntries)
      .leftJoin(clients, eq(clients.id, calendarEntries.clientId))
      .leftJoin(cases, eq(cases.id, calendarEntries.caseId))
      .where(eq(calendarEntries.id, entry.id)),
    seriesFactsOf(tx, entry),
  ]);
  const [refs] = about;
  return {
    sequence: entry.sequence,
    stamp: now.toISOString(),
    organizer: { name: organizer, address: entryReplyAddress(entry.id) },
    attendees: [...colleagues, ...guests.map((g) => ({ name: guestName(g), email: g.email, response: g.response }))],
    private: entry.visibility === "private",
    ...(refs?.client ? { client: refs.client } : {}),
    ...(refs?.caseNumber ? { case: `#${refs.caseNumber} ${refs.caseTitle}` } : {}),
    ...series,
  };
}

/** The same facts as a guest may read them: without the client and case. */
export function forGuest(facts: InvitationFacts, guestId: string): InvitationFacts {
  const { client: _client, case: _case, ...rest } = facts;
  return { ...rest, guestId };
}
