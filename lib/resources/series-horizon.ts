import { and, asc, eq, gte, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { bookings, calendarEntries, calendars, resources, seriesResources } from "@/db/schema";
import { Conflict, isUserError } from "@/lib/action/errors";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { runUnit, type SystemWork } from "@/lib/effects/unit";
import { notice } from "@/lib/notify/notice";
import { writeOutbox } from "@/lib/notify/outbox";
import { checkMayBook } from "./commands";
import { SKIPPED_DATES_LISTED } from "./notice-kinds";
import { bookingHorizon, bookSlots, occurrencesToBook, storedSeriesOf, takenDates, type SeriesConflictDetails, type Slot } from "./series-bookings";

/**
 * The daily job that keeps a recurring entry's resources booked a year ahead: for each series
 * whose bookings stop short of the horizon, it books the occurrences the horizon now reaches,
 * each series in its own transaction.
 *
 * A date the horizon reaches that the resource cannot have (someone booked it meanwhile, or its
 * rules refuse it) is skipped for that resource and not tried again: the occurrence stays in the
 * calendar without the resource, and the organiser gets one notice per series and resource
 * listing the dates and who holds them (or "busy"), so they can move that occurrence or give it
 * another room. The series is never left half-extended: a date is either booked, or reported as
 * skipped, in the same transaction that moves the series' horizon.
 *
 * Idempotent: a second run at the same moment finds every horizon reached and does nothing, and
 * an occurrence that already has a booking of the resource (made or moved by hand) is not booked
 * again.
 */
export async function extendSeriesBookings(db: Db, now: Date): Promise<{ series: number; booked: number; skipped: number }> {
  const horizon = bookingHorizon(now);
  const due = await db
    .selectDistinct({ entryId: seriesResources.entryId })
    .from(seriesResources)
    .innerJoin(calendarEntries, eq(calendarEntries.id, seriesResources.entryId))
    .where(and(lt(seriesResources.bookedUntil, horizon), isNull(calendarEntries.cancelledAt), isNotNull(calendarEntries.recurrenceRule)))
    .orderBy(asc(seriesResources.entryId));
  const total = { series: 0, booked: 0, skipped: 0 };
  for (const { entryId } of due) {
    const done = await runUnit(db, null, (work) => extendSeries(work, entryId, horizon), { now, awaitDispatch: true });
    total.series += 1;
    total.booked += done.booked;
    total.skipped += done.skipped;
  }
  return total;
}

interface SkippedDate {
  start: string;
  end: string;
  title: string | null;
  owner: string | null;
  reason: "taken" | "notBookable";
}

async function extendSeries(work: SystemWork, entryId: string, horizon: Date): Promise<{ booked: number; skipped: number }> {
  const { tx, now } = work;
  const [entry] = await tx
    .select({ id: calendarEntries.id, title: calendarEntries.title, cancelledAt: calendarEntries.cancelledAt, ownerId: calendars.userId })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .where(eq(calendarEntries.id, entryId))
    .for("update", { of: calendarEntries });
  const held = entry && !entry.cancelledAt ? await storedSeriesOf(tx, entryId) : null;
  const rows = await tx
    .select()
    .from(seriesResources)
    .where(and(eq(seriesResources.entryId, entryId), lt(seriesResources.bookedUntil, horizon)))
    .orderBy(asc(seriesResources.resourceId))
    .for("update");
  if (!entry || !held || !rows.length) return { booked: 0, skipped: 0 };
  // The organiser books, as when they saved the series; one who has left books nothing more.
  const organiser = await loadViewer(tx, entry.ownerId);
  let booked = 0;
  let skipped = 0;
  for (const row of rows) {
    const [resource] = await tx.select().from(resources).where(eq(resources.id, row.resourceId));
    const occurrences = organiser && resource ? occurrencesToBook(held, row.bookedUntil, horizon, now) : [];
    const had = occurrences.length
      ? await tx
          .select({ recurrenceId: bookings.recurrenceId })
          .from(bookings)
          .where(
            and(
              eq(bookings.entryId, entryId),
              eq(bookings.resourceId, row.resourceId),
              gte(bookings.recurrenceId, row.bookedUntil),
              inArray(
                bookings.recurrenceId,
                occurrences.map((o) => o.recurrenceId),
              ),
            ),
          )
      : [];
    const done = new Set(had.map((b) => b.recurrenceId!.getTime()));
    const wanted: Slot[] = occurrences
      .filter((o) => !done.has(o.recurrenceId.getTime()))
      .map((o) => ({ resourceId: row.resourceId, recurrenceId: o.recurrenceId, start: o.start, end: o.end }));
    const skippedHere: SkippedDate[] = [];
    const bookable: Slot[] = [];
    for (const slot of wanted) {
      try {
        await checkMayBook(tx, resource!, organiser!, slot);
        bookable.push(slot);
      } catch (error) {
        if (!isUserError(error)) throw error;
        skippedHere.push({ start: slot.start.toISOString(), end: slot.end.toISOString(), title: null, owner: null, reason: "notBookable" });
      }
    }
    const free = await bookFree(work, entry, resource!, bookable, organiser!, skippedHere);
    booked += free;
    skipped += skippedHere.length;
    await tx
      .update(seriesResources)
      .set({ bookedUntil: horizon })
      .where(and(eq(seriesResources.entryId, entryId), eq(seriesResources.resourceId, row.resourceId)));
    if (skippedHere.length) await tellOrganiser(work, entry, resource!, skippedHere, organiser!, horizon);
  }
  return { booked, skipped };
}

/**
 * Books the slots that are free and adds the taken ones to `skipped`. Taken dates are read first;
 * a booking committed between that read and the write (the listing bookSlots refuses with) moves
 * its dates to the skipped ones, and the rest is tried again.
 */
async function bookFree(
  work: SystemWork,
  entry: { id: string; title: string },
  resource: typeof resources.$inferSelect,
  slots: Slot[],
  organiser: Viewer,
  skipped: SkippedDate[],
): Promise<number> {
  let left = slots;
  for (let attempt = 0; attempt < 3 && left.length; attempt++) {
    const taken = await takenDates(work.tx, left, organiser);
    for (const t of taken) skipped.push({ start: t.start, end: t.end, title: t.occupant?.title ?? null, owner: t.occupant?.owner ?? null, reason: "taken" });
    const takenIds = new Set(taken.map((t) => t.recurrenceId));
    left = left.filter((s) => !takenIds.has(s.recurrenceId.toISOString()));
    try {
      await bookSlots(work, entry, [resource], left, { party: organiser, bookedById: organiser.id, reader: organiser });
      return left.length;
    } catch (error) {
      if (!(error instanceof Conflict) || !error.details || !("seriesConflicts" in error.details)) throw error;
      const listed = (error.details as unknown as SeriesConflictDetails).seriesConflicts.map((c) => c.recurrenceId);
      if (!listed.length) throw error;
    }
  }
  for (const s of left) skipped.push({ start: s.start.toISOString(), end: s.end.toISOString(), title: null, owner: null, reason: "taken" });
  return 0;
}

async function tellOrganiser(
  work: SystemWork,
  entry: { id: string; title: string },
  resource: { id: string; name: string },
  skipped: SkippedDate[],
  organiser: Viewer,
  horizon: Date,
): Promise<void> {
  const dates = [...skipped].sort((a, b) => a.start.localeCompare(b.start));
  const payload = {
    entryId: entry.id,
    title: entry.title,
    resourceId: resource.id,
    resource: resource.name,
    count: dates.length,
    dates: dates.slice(0, SKIPPED_DATES_LISTED),
    horizon: horizon.toISOString(),
  };
  await writeOutbox(work, [notice("resource.seriesDatesSkipped", payload, organiser)]);
}
