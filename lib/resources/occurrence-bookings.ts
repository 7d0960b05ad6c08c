import { and, asc, eq, gte, isNull } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { checkMayBook, resourceForBooking, takeTime, type BookingRow } from "./commands";
import { organiserOf } from "./entry-bookings";
import { bookingPartyOf, type BookingParty } from "./policy";
import { releaseBookings } from "./series-bookings";

/**
 * Bookings of one occurrence of a series, and of it with the ones after it: a change of one
 * occurrence moves (or swaps) only its bookings, deleting it frees only its bookings, and ending
 * a series before an occurrence frees the bookings from there on.
 */

async function liveOccurrenceBookings(work: Work, entryId: string, recurrenceId: Date, following: boolean): Promise<BookingRow[]> {
  return work.tx
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.entryId, entryId),
        isNull(bookings.cancelledAt),
        following ? gte(bookings.recurrenceId, recurrenceId) : eq(bookings.recurrenceId, recurrenceId),
      ),
    )
    .orderBy(asc(bookings.resourceId), asc(bookings.startsAt))
    .for("update");
}

/**
 * Makes one occurrence's bookings match it: its time, and its resources (`resourceIds` null
 * keeps the ones it has; an occurrence beyond the horizon has none yet, and the horizon job books
 * it when it gets there). A conflict refuses the whole change of the occurrence, with the same
 * message (who holds it, what is free instead) as a single meeting.
 */
export async function syncOccurrenceBookings(
  work: Work,
  entry: { id: string; title: string },
  recurrenceId: Date,
  time: { start: Date; end: Date },
  resourceIds: readonly string[] | null,
): Promise<void> {
  const { tx, viewer, now } = work;
  const live = await liveOccurrenceBookings(work, entry.id, recurrenceId, false);
  const wanted = [...new Set(resourceIds ?? live.map((b) => b.resourceId))].sort();
  await releaseBookings(
    work,
    live.filter((b) => !wanted.includes(b.resourceId)),
    "removedFromEntry",
  );
  let party: BookingParty | undefined;
  for (const resourceId of wanted) {
    const current = live.find((b) => b.resourceId === resourceId);
    if (current && current.startsAt.getTime() === time.start.getTime() && current.endsAt.getTime() === time.end.getTime()) {
      if (current.purpose !== entry.title) await tx.update(bookings).set({ purpose: entry.title, updatedAt: now }).where(eq(bookings.id, current.id));
      continue;
    }
    if (time.end <= now) throw new Invalid("resources.errors.inPast", { resourceIds: ["resources.errors.inPast"] });
    const resource = await resourceForBooking(tx, resourceId);
    party ??= bookingPartyOf(viewer, await organiserOf(work, entry.id));
    await checkMayBook(tx, resource, party, time);
    await takeTime(work, { resource, ...time, exceptBookingId: current?.id, party }, async (sp) => {
      if (current) {
        await sp.update(bookings).set({ startsAt: time.start, endsAt: time.end, purpose: entry.title, updatedAt: now }).where(eq(bookings.id, current.id));
      } else {
        await sp.insert(bookings).values({
          resourceId,
          startsAt: time.start,
          endsAt: time.end,
          recurrenceId,
          purpose: entry.title,
          bookedById: viewer.id,
          entryId: entry.id,
          createdAt: now,
          updatedAt: now,
        });
      }
    });
  }
}

/** Frees the bookings of one deleted occurrence, or (`following`) of it and every later one. */
export async function releaseOccurrenceBookings(work: Work, entryId: string, recurrenceId: Date, following: boolean): Promise<void> {
  await releaseBookings(work, await liveOccurrenceBookings(work, entryId, recurrenceId, following), following ? "removedFromEntry" : "entryCancelled");
}
