import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { bookings, calendarEntries, calendars, resources, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { cancelAndTell, checkMayBook, resourceForBooking, takeTime } from "./commands";
import { bookingPartyOf, type BookingParty } from "./policy";

type BookingRow = typeof bookings.$inferSelect;

/** The entry as its bookings follow it: the title is their purpose; a timed entry's instants are their time. */
export interface EntryForBookings {
  id: string;
  title: string;
  allDay: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** The entry's live bookings, locked: nothing else changes them while the entry does. */
async function liveBookingsOf(work: Work, entryId: string): Promise<BookingRow[]> {
  return work.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
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
 */
export async function syncEntryBookings(work: Work, entry: EntryForBookings, resourceIds: readonly string[] | null): Promise<ResourcesChange> {
  const { tx, viewer, now } = work;
  const live = await liveBookingsOf(work, entry.id);
  const wanted = [...new Set(resourceIds ?? live.map((b) => b.resourceId))].sort();
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
async function organiserOf(work: Work, entryId: string): Promise<(BookingParty & { name: string }) | null> {
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

/** Cancelling the entry frees its resources: every live booking is cancelled, other bookers told. */
export async function releaseEntryBookings(work: Work, entryId: string): Promise<void> {
  const live = await liveBookingsOf(work, entryId);
  for (const booking of live) {
    const [resource] = await work.tx.select().from(resources).where(eq(resources.id, booking.resourceId));
    await cancelAndTell(work, resource!, [booking], "entryCancelled");
  }
}

/** The resources an entry holds, for its page and its form: live bookings only, by name. */
export async function resourcesOfEntry(db: DbOrTx, entryId: string): Promise<{ id: string; name: string; kind: string; location: string | null }[]> {
  return db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, location: resources.location })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
    .orderBy(asc(resources.name));
}
