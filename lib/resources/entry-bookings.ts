import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { bookings, calendarEntries, calendars, resources, seriesResources, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { cancelAndTell, checkMayBook, resourceForBooking, takeTime } from "./commands";
import { bookingPartyOf, type BookingParty } from "./policy";
import { releaseBookings, releaseSeriesBookings, syncSeriesBookings } from "./series-bookings";

type BookingRow = typeof bookings.$inferSelect;

/** The entry as its bookings follow it: the title is their purpose; a timed entry's instants are their time. */
export interface EntryForBookings {
  id: string;
  title: string;
  allDay: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** The entry's live bookings of its single time (a series' occurrences have their own), locked: nothing else changes them while the entry does. */
async function liveBookingsOf(work: Work, entryId: string): Promise<BookingRow[]> {
  return work.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt), isNull(bookings.recurrenceId)))
    .orderBy(asc(bookings.resourceId))
    .for("update");
}

/**
 * Makes the entry's bookings match it, in the caller's transaction: one booking per wanted
 * resource for the entry's time, purpose its title. `resourceIds` null keeps the resources it
 * has (a move, or a form that does not show them). Resources left out are released; the others
 * move with the entry. Every new or moved booking is checked (retired, who may book, longest
 * booking, bookable hours) and taken under the exclusion
 * constraint, so a conflict on any resource throws and the caller's whole change rolls back:
 * the entry and every booking stay as they were.
 *
 * Who may book is read for the entry's organiser, the person the meeting and its rooms are for
 * (bookingPartyOf); that the viewer may edit the entry at all is the calendar command's check
 * before it calls this (editableEntry, or canAddTo for a new entry).
 *
 * An all-day entry holds no resources: rooms and equipment are booked by the hour, as the big
 * calendars do (Google Calendar offers no rooms for all-day events), so the person is asked to
 * give the entry hours instead of the room being blocked for whole days by accident.
 *
 * A recurring entry books each occurrence inside the horizon instead (series-bookings.ts); an
 * entry that stops repeating gives up its occurrences' bookings and books its single time.
 */
export async function syncEntryBookings(work: Work, entry: EntryForBookings, resourceIds: readonly string[] | null): Promise<ResourcesChange> {
  const { tx, viewer, now } = work;
  const [stored] = await tx.select({ rule: calendarEntries.recurrenceRule }).from(calendarEntries).where(eq(calendarEntries.id, entry.id));
  if (stored?.rule) {
    const party = bookingPartyOf(viewer, await organiserOf(work, entry.id));
    const { before, after } = await syncSeriesBookings(work, entry, resourceIds, party);
    const [namesBefore, namesAfter] = [await namesOf(work, before), await namesOf(work, after)];
    return { changed: namesBefore !== namesAfter, before: namesBefore, after: namesAfter };
  }
  const heldBySeries = await tx.select({ id: seriesResources.resourceId }).from(seriesResources).where(eq(seriesResources.entryId, entry.id));
  if (heldBySeries.length) await releaseSeriesBookings(work, entry.id);
  const live = await liveBookingsOf(work, entry.id);
  const wanted = [...new Set<string>(resourceIds ?? [...live.map((b) => b.resourceId), ...heldBySeries.map((r) => r.id)])].sort();
  const released = live.filter((b) => !wanted.includes(b.resourceId));
  if (wanted.length && (entry.allDay || !entry.startsAt || !entry.endsAt)) {
    throw new Invalid("resources.errors.allDayEntry", { resourceIds: ["resources.errors.allDayEntry"] });
  }
  const before = await namesOf(
    work,
    live.map((b) => b.resourceId),
  );
  for (const booking of released) {
    const [resource] = await tx.select().from(resources).where(eq(resources.id, booking.resourceId));
    await cancelAndTell(work, resource!, [booking], "removedFromEntry");
  }
  const change = async (): Promise<ResourcesChange> => {
    const after = await namesOf(work, wanted);
    return { changed: before !== after, before, after };
  };
  if (!wanted.length) return change();
  const range = { start: entry.startsAt!, end: entry.endsAt! };
  let party: BookingParty | undefined;
  // In one order (by resource id) for every entry: two entries moved at once take their resources in the same order.
  for (const resourceId of wanted) {
    const resource = await resourceForBooking(tx, resourceId);
    const current = live.find((b) => b.resourceId === resourceId);
    const moved = !current || current.startsAt.getTime() !== range.start.getTime() || current.endsAt.getTime() !== range.end.getTime();
    if (current && !moved) {
      if (current.purpose !== entry.title) await tx.update(bookings).set({ purpose: entry.title, updatedAt: now }).where(eq(bookings.id, current.id));
      continue;
    }
    // A room is not taken for a time gone by, as a booking on its own is not; a past entry keeps the rooms it had while they stay put.
    if (range.end <= now) throw new Invalid("resources.errors.inPast", { resourceIds: ["resources.errors.inPast"] });
    party ??= bookingPartyOf(viewer, await organiserOf(work, entry.id));
    await checkMayBook(tx, resource, party, range);
    await takeTime(work, { resource, ...range, exceptBookingId: current?.id, party }, async (sp) => {
      if (current) {
        await sp.update(bookings).set({ startsAt: range.start, endsAt: range.end, purpose: entry.title, updatedAt: now }).where(eq(bookings.id, current.id));
      } else {
        await sp.insert(bookings).values({
          resourceId,
          startsAt: range.start,
          endsAt: range.end,
          purpose: entry.title,
          bookedById: viewer.id,
          entryId: entry.id,
          createdAt: now,
          updatedAt: now,
        });
      }
    });
  }
  return change();
}

/** The person whose calendar holds the entry: its organiser. */
export async function organiserOf(work: Work, entryId: string): Promise<(BookingParty & { name: string }) | null> {
  const [row] = await work.tx
    .select({ role: users.role, departmentId: users.departmentId, name: users.name })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .innerJoin(users, eq(users.id, calendars.userId))
    .where(eq(calendarEntries.id, entryId));
  return row ?? null;
}

/** What the entry's history keeps of its resources: their names, before and after. */
export interface ResourcesChange {
  changed: boolean;
  before: string;
  after: string;
}

export async function namesOf(work: Work, ids: readonly string[]): Promise<string> {
  if (!ids.length) return "";
  const rows = await work.tx
    .select({ name: resources.name })
    .from(resources)
    .where(inArray(resources.id, [...ids]))
    .orderBy(asc(resources.name));
  return rows.map((r) => r.name).join(", ");
}

/** Cancelling the entry frees its resources: every live booking (every occurrence's, for a series) is cancelled, other bookers told. */
export async function releaseEntryBookings(work: Work, entryId: string): Promise<void> {
  const live = await work.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
    .orderBy(asc(bookings.resourceId))
    .for("update");
  await releaseBookings(work, live, "entryCancelled");
  await work.tx.delete(seriesResources).where(eq(seriesResources.entryId, entryId));
}

/** The resources an entry holds, for its page and its form: its single time's live bookings, or the series' resources, by name. */
export async function resourcesOfEntry(db: DbOrTx, entryId: string): Promise<{ id: string; name: string; kind: string; location: string | null }[]> {
  const single = db
    .select({ id: bookings.resourceId })
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt), isNull(bookings.recurrenceId)));
  const series = db.select({ id: seriesResources.resourceId }).from(seriesResources).where(eq(seriesResources.entryId, entryId));
  return db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, location: resources.location })
    .from(resources)
    .where(or(inArray(resources.id, single), inArray(resources.id, series)))
    .orderBy(asc(resources.name));
}
