import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { bookings, calendarEntries, calendarEntryActivity, calendars, resources } from "@/db/schema";
import { Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { relationSql } from "@/lib/calendar/access";
import { afterEntryChange } from "@/lib/calendar/after-change";
import type { Work } from "@/lib/effects/unit";
import { historyRows } from "@/lib/history/entries";
import { cancelAndTell, checkMayBook, resourceForBooking, takeTime, wantedRange, type BookingRow } from "./commands";
import { namesOf } from "./entry-bookings";
import { canChangeBooking, type BookingEntry } from "./policy";
import type { CancelBookingInput, ChangeBookingInput, RestoreBookingInput } from "./schema";

/** A booking with the meeting it is part of, as the viewer stands to that meeting. */
interface FoundBooking {
  booking: BookingRow;
  entry: (BookingEntry & { id: string; ownerId: string }) | null;
}

/**
 * The booking, locked, with its meeting as the viewer stands to it. A meeting's row is locked
 * first, then the booking: the order the calendar's commands take them in (the entry, then its
 * bookings), so a booking changed here while its meeting is edited waits instead of deadlocking.
 * A booking the viewer may not change is refused without a write.
 */
async function changeableBooking(tx: Tx, viewer: Viewer, id: string, live: boolean): Promise<FoundBooking> {
  const [peek] = await tx.select({ entryId: bookings.entryId }).from(bookings).where(eq(bookings.id, id));
  if (!peek) throw new NotFound("resources.errors.bookingNotFound");
  if (peek.entryId) await tx.select({ id: calendarEntries.id }).from(calendarEntries).where(eq(calendarEntries.id, peek.entryId)).for("update");
  const r = relationSql({ entryId: calendarEntries.id, ownerId: calendars.userId, visibility: calendarEntries.visibility }, viewer.id);
  const [row] = await tx
    .select({
      booking: bookings,
      ownerId: calendars.userId,
      visibility: calendarEntries.visibility,
      isOwner: sql<boolean>`coalesce(${r.isOwner}, false)`,
      isAttendee: sql<boolean>`${r.isAttendee}`,
      grantEdit: sql<boolean>`${r.grantEdit}`,
      grantSeePrivate: sql<boolean>`${r.grantSeePrivate}`,
    })
    .from(bookings)
    .leftJoin(calendarEntries, eq(calendarEntries.id, bookings.entryId))
    .leftJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .where(eq(bookings.id, id))
    .for("update", { of: bookings });
  if (!row || (live && row.booking.cancelledAt)) throw new NotFound("resources.errors.bookingNotFound");
  const { booking, ownerId, visibility, ...relation } = row;
  const entry = booking.entryId && ownerId && visibility ? { id: booking.entryId, ownerId, visibility, relation } : null;
  if (!canChangeBooking(viewer, booking, entry)) throw new Forbidden("resources.errors.notYourBooking");
  return { booking, entry };
}

/** Moves or renames a booking on its own; the booker's permission to book is checked again, the rules too. */
export async function changeBooking(work: Work, input: ChangeBookingInput): Promise<{ id: string }> {
  const { tx, viewer, now } = work;
  const { booking } = await changeableBooking(tx, viewer, input.id, true);
  // A meeting's room moves with the meeting: changed alone, the two would part.
  if (booking.entryId) throw new Invalid("resources.errors.partOfEntry");
  const resource = await resourceForBooking(tx, booking.resourceId);
  const range = wantedRange(input, viewer, now);
  await checkMayBook(tx, resource, viewer, range);
  await takeTime(work, { resource, ...range, exceptBookingId: booking.id }, (sp) =>
    sp.update(bookings).set({ startsAt: range.start, endsAt: range.end, purpose: input.purpose, updatedAt: now }).where(eq(bookings.id, booking.id)),
  );
  return { id: booking.id };
}

/**
 * Cancels a booking and frees its time; whoever booked it is told when someone else cancelled it.
 * A meeting's booking is the resource leaving the meeting: in the same transaction the meeting
 * gets a new version with the change in its history, its other bookings stay, and its organiser
 * is told when someone else did it.
 */
export async function cancelBooking(work: Work, input: CancelBookingInput): Promise<{ id: string; resourceId: string; entryId: string | null }> {
  const { booking, entry } = await changeableBooking(work.tx, work.viewer, input.id, true);
  const [resource] = await work.tx.select().from(resources).where(eq(resources.id, booking.resourceId));
  if (!entry) {
    await cancelAndTell(work, resource!, [booking], "cancelled");
    return { id: booking.id, resourceId: booking.resourceId, entryId: null };
  }
  await removeFromEntry(work, resource!, booking, entry);
  return { id: booking.id, resourceId: booking.resourceId, entryId: entry.id };
}

async function removeFromEntry(work: Work, resource: typeof resources.$inferSelect, booking: BookingRow, entry: NonNullable<FoundBooking["entry"]>) {
  const { tx, viewer, now } = work;
  const live = await tx
    .select({ resourceId: bookings.resourceId })
    .from(bookings)
    .where(sql`${bookings.entryId} = ${entry.id} AND ${bookings.cancelledAt} IS NULL`);
  const before = await namesOf(
    work,
    live.map((b) => b.resourceId),
  );
  await cancelAndTell(work, resource, [booking], "removedFromEntry");
  const after = await namesOf(
    work,
    live.map((b) => b.resourceId).filter((id) => id !== booking.resourceId),
  );
  await tx
    .update(calendarEntries)
    .set({ version: sql`${calendarEntries.version} + 1`, updatedAt: now })
    .where(eq(calendarEntries.id, entry.id));
  const history = historyRows([{ kind: "changed" as const, field: "resources", oldValue: before, newValue: after }], viewer.id, now);
  await tx.insert(calendarEntryActivity).values(history.map((row) => ({ ...row, entryId: entry.id })));
  await afterEntryChange(work, entry.id, entry.ownerId, [{ kind: "changedForYou", recipientId: entry.ownerId, change: "changed" }]);
}

/**
 * Brings back a booking its booker (or an admin) cancelled, if its time is still to come and
 * free: checked as a new booking would be (retired, who may book, rules) and taken under the
 * exclusion constraint, so a slot someone took meanwhile is refused naming them. A meeting's
 * room comes back with the meeting (its form), not on its own.
 */
export async function restoreBooking(work: Work, input: RestoreBookingInput): Promise<{ id: string; resourceId: string }> {
  const { tx, viewer, now } = work;
  const { booking: row } = await changeableBooking(tx, viewer, input.id, false);
  if (!row.cancelledAt) return { id: row.id, resourceId: row.resourceId };
  if (row.entryId) throw new Invalid("resources.errors.partOfEntry");
  if (row.endsAt <= now) throw new Invalid("resources.errors.inPast");
  const resource = await resourceForBooking(tx, row.resourceId);
  const range = { start: row.startsAt, end: row.endsAt };
  await checkMayBook(tx, resource, viewer, range);
  await takeTime(work, { resource, ...range, exceptBookingId: row.id }, (sp) =>
    sp.update(bookings).set({ cancelledAt: null, cancelledById: null, updatedAt: now }).where(eq(bookings.id, row.id)),
  );
  return { id: row.id, resourceId: row.resourceId };
}
