import { and, asc, eq, gt, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { bookings, calendarEntries, resources, seriesResources } from "@/db/schema";
import { Conflict } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { expandSeries, type Occurrence, type OccurrenceOverride, type Series } from "@/lib/calendar/recurrence";
import { overridesOfEntry, seriesOfEntry } from "@/lib/calendar/series-rows";
import type { Work } from "@/lib/effects/unit";
import { cancelAndTell, checkMayBookEach, type BookingRow, type ResourceRow } from "./commands";
import { isBookingClash } from "./database-errors";
import type { BookingParty } from "./policy";

/**
 * Bookings of a recurring entry: one booking row per resource and occurrence inside a rolling
 * horizon, so the exclusion constraint guards every occurrence as it guards a single meeting.
 * The daily horizon job (series-horizon.ts) books the occurrences the horizon reaches later.
 */

/** How far ahead a series' occurrences hold their resources. */
export const BOOKING_HORIZON_MONTHS = 12;
const DAY = 86_400_000;

/** The end of the rolling horizon seen at `now`: the same instant twelve months later (UTC calendar). */
export function bookingHorizon(now: Date): Date {
  const at = new Date(now.getTime());
  at.setUTCMonth(at.getUTCMonth() + BOOKING_HORIZON_MONTHS);
  return at;
}

/** A date of a series a resource cannot be booked for: the occurrence, the resource, and who holds it (null: a private entry, "Busy"). */
export interface SeriesConflictDate {
  recurrenceId: string;
  start: string;
  end: string;
  resource: { id: string; name: string };
  occupant: { title: string; owner: string } | null;
}

/** What the form shows when dates of a series are taken: each date, and per resource the free ones of its kind and place for every date of the series. */
export interface SeriesConflictDetails {
  seriesConflicts: SeriesConflictDate[];
  alternatives: { resource: { id: string; name: string }; instead: { id: string; name: string }[] }[];
}

export interface Slot {
  resourceId: string;
  recurrenceId: Date;
  start: Date;
  end: Date;
}

/** The series of an entry with its overrides (null when the entry does not repeat). */
export async function storedSeriesOf(tx: DbOrTx, entryId: string): Promise<{ series: Series; overrides: OccurrenceOverride[] } | null> {
  const [entry] = await tx.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  const series = entry ? seriesOfEntry(entry) : null;
  return series ? { series, overrides: await overridesOfEntry(tx, entryId) } : null;
}

/** The occurrences whose rule start lies in [from, until) and that have not ended at `now`. */
export function occurrencesToBook(held: { series: Series; overrides: OccurrenceOverride[] }, from: Date, until: Date, now: Date): Occurrence[] {
  const window = { from: new Date(Math.max(now.getTime(), from.getTime() - DAY)), to: new Date(until.getTime() + DAY) };
  return expandSeries(held.series, held.overrides, window).filter((o) => o.recurrenceId >= from && o.recurrenceId < until && o.end > now);
}

type Row = Record<string, unknown>;
const iso = (v: unknown) => new Date(v as string | Date).toISOString();
const arrayOf = (values: string[]) => `{${values.join(",")}}`;

/**
 * Which of the wanted slots a live booking holds (part of), each with the first such booking:
 * one statement for every date of the series. The holder is named by the entry's title and its
 * calendar's owner, or by the booking's purpose and booker when it is a booking on its own; an
 * entry that is private shows as busy to anyone but its owner and the booking's booker.
 */
export async function takenDates(db: DbOrTx, slots: readonly Slot[], viewer: Pick<Viewer, "id">): Promise<SeriesConflictDate[]> {
  if (!slots.length) return [];
  const rows = await preparedRows<Row>(
    db,
    sql`WITH wanted AS (
      SELECT * FROM unnest(${arrayOf(slots.map((s) => s.resourceId))}::uuid[], ${arrayOf(slots.map((s) => s.recurrenceId.toISOString()))}::timestamptz[],
        ${arrayOf(slots.map((s) => s.start.toISOString()))}::timestamptz[], ${arrayOf(slots.map((s) => s.end.toISOString()))}::timestamptz[])
        AS w(resource_id, recurrence_id, starts_at, ends_at))
    SELECT DISTINCT ON (w.resource_id, w.recurrence_id) w.resource_id, w.recurrence_id, w.starts_at, w.ends_at, r.name AS resource,
      b.purpose, b.booked_by_id, booker.name AS booker, e.title, e.visibility, c.user_id AS owner_id, owner.name AS owner
    FROM wanted w
    JOIN bookings b ON b.resource_id = w.resource_id AND b.cancelled_at IS NULL AND b.during && tstzrange(w.starts_at, w.ends_at, '[)')
    JOIN resources r ON r.id = w.resource_id
    JOIN users booker ON booker.id = b.booked_by_id
    LEFT JOIN calendar_entries e ON e.id = b.entry_id
    LEFT JOIN calendars c ON c.id = e.calendar_id
    LEFT JOIN users owner ON owner.id = c.user_id
    ORDER BY w.resource_id, w.recurrence_id, b.starts_at`,
  );
  return rows
    .map((row) => {
      const hidden = row.visibility === "private" && row.owner_id !== viewer.id && row.booked_by_id !== viewer.id;
      const occupant = hidden
        ? null
        : row.title !== null && row.title !== undefined
          ? { title: String(row.title), owner: String(row.owner ?? row.booker) }
          : { title: String(row.purpose), owner: String(row.booker) };
      return {
        recurrenceId: iso(row.recurrence_id),
        start: iso(row.starts_at),
        end: iso(row.ends_at),
        resource: { id: String(row.resource_id), name: String(row.resource) },
        occupant,
      };
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.resource.name.localeCompare(b.resource.name));
}

/**
 * Resources of the same kind and place as each refused one, not retired, that the party may book
 * (departments) and that are free at every wanted slot of the refused resource: what the person
 * can pick instead for the whole series.
 */
async function seriesAlternatives(db: DbOrTx, refused: readonly ResourceRow[], slots: readonly Slot[], party: BookingParty) {
  const result: SeriesConflictDetails["alternatives"] = [];
  for (const resource of refused) {
    const times = slots.filter((s) => s.resourceId === resource.id);
    const rows = await preparedRows<Row>(
      db,
      sql`SELECT r.id, r.name FROM resources r
      WHERE r.kind = ${resource.kind} AND r.location IS NOT DISTINCT FROM ${resource.location} AND r.id <> ${resource.id} AND r.retired_at IS NULL
        AND (NOT r.departments_only OR ${party.role === "admin"}::boolean
          OR EXISTS (SELECT 1 FROM resource_departments d WHERE d.resource_id = r.id AND d.department_id = ${party.departmentId}::uuid))
        AND NOT EXISTS (
          SELECT 1 FROM bookings b, unnest(${arrayOf(times.map((s) => s.start.toISOString()))}::timestamptz[], ${arrayOf(times.map((s) => s.end.toISOString()))}::timestamptz[]) AS w(s, e)
          WHERE b.resource_id = r.id AND b.cancelled_at IS NULL AND b.during && tstzrange(w.s, w.e, '[)'))
      ORDER BY lower(r.name) LIMIT 5`,
    );
    result.push({ resource: { id: resource.id, name: resource.name }, instead: rows.map((r) => ({ id: String(r.id), name: String(r.name) })) });
  }
  return result;
}

/** The refusal listing every taken date (see takenDates), with what is free instead. */
async function seriesConflict(db: DbOrTx, taken: SeriesConflictDate[], chosen: readonly ResourceRow[], slots: readonly Slot[], party: BookingParty) {
  const refusedIds = new Set(taken.map((t) => t.resource.id));
  const alternatives = await seriesAlternatives(
    db,
    chosen.filter((r) => refusedIds.has(r.id)),
    slots,
    party,
  );
  const details: SeriesConflictDetails = { seriesConflicts: taken, alternatives };
  return new Conflict("resources.errors.seriesTaken").with({ count: taken.length }, { ...details });
}

/**
 * Books every slot or none, in the caller's transaction: under the locks of the resources (in id
 * order, as every booking path takes them), looks for live bookings in the way of any slot and
 * refuses with the whole list of taken dates, else inserts all slots at once. A writer who got in
 * between anyway meets the exclusion constraint, and the person gets the same listing.
 */
export async function bookSlots(
  work: Work<Viewer | null>,
  entry: { id: string; title: string },
  chosen: readonly ResourceRow[],
  slots: readonly Slot[],
  options: { party: BookingParty; bookedById: string; reader: Pick<Viewer, "id"> },
): Promise<void> {
  const { tx, now } = work;
  if (!slots.length) return;
  const ids = [...new Set(slots.map((s) => s.resourceId))].sort();
  try {
    await tx.transaction(async (sp) => {
      for (const id of ids) {
        const [row] = await sp
          .select({ retiredAt: resources.retiredAt, name: resources.name })
          .from(resources)
          .where(eq(resources.id, id))
          .for("no key update");
        if (!row || row.retiredAt) throw new Conflict("resources.errors.retired").with({ resource: row?.name ?? "" });
      }
      const taken = await takenDates(sp, slots, options.reader);
      if (taken.length) throw await seriesConflict(sp, taken, chosen, slots, options.party);
      await sp.insert(bookings).values(
        slots.map((s) => ({
          resourceId: s.resourceId,
          startsAt: s.start,
          endsAt: s.end,
          recurrenceId: s.recurrenceId,
          purpose: entry.title,
          bookedById: options.bookedById,
          entryId: entry.id,
          createdAt: now,
          updatedAt: now,
        })),
      );
    });
  } catch (error) {
    if (!isBookingClash(error)) throw error;
    const taken = await takenDates(tx, slots, options.reader);
    if (!taken.length) throw new Conflict("resources.errors.seriesTakenJustNow");
    throw await seriesConflict(tx, taken, chosen, slots, options.party);
  }
}

/** The entry's live bookings of occurrences not yet over, and of its single time, locked. */
async function liveFutureBookings(tx: Tx, entryId: string, now: Date): Promise<BookingRow[]> {
  return tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt), gt(bookings.endsAt, now)))
    .orderBy(asc(bookings.resourceId), asc(bookings.startsAt))
    .for("update");
}

/** The resources a series holds for every occurrence, in id order. */
export async function seriesResourceIds(db: DbOrTx, entryId: string): Promise<string[]> {
  const rows = await db
    .select({ id: seriesResources.resourceId })
    .from(seriesResources)
    .where(eq(seriesResources.entryId, entryId))
    .orderBy(asc(seriesResources.resourceId));
  return rows.map((r) => r.id);
}

const slotKey = (resourceId: string, recurrenceId: Date) => `${resourceId}/${recurrenceId.getTime()}`;

/**
 * Makes a recurring entry's bookings match it: for each wanted resource (`resourceIds` null keeps
 * the series' own, or the resources its single time held when it has just begun to repeat), one
 * booking per occurrence that has not ended and starts before the horizon. Bookings that already
 * match stay (their purpose follows the title); the others are cancelled, and the missing ones
 * are booked all at once or not at all (bookSlots). Occurrences already over keep their bookings.
 */
export async function syncSeriesBookings(
  work: Work,
  entry: { id: string; title: string },
  resourceIds: readonly string[] | null,
  party: BookingParty,
): Promise<{ before: string[]; after: string[] }> {
  const { tx, viewer, now } = work;
  const held = await storedSeriesOf(tx, entry.id);
  if (!held) throw new Error(`syncSeriesBookings: entry ${entry.id} does not repeat`);
  const live = await liveFutureBookings(tx, entry.id, now);
  const before = await seriesResourceIds(tx, entry.id);
  const fallback = before.length ? before : live.filter((b) => b.recurrenceId === null).map((b) => b.resourceId);
  const wanted = [...new Set(resourceIds ?? fallback)].sort();
  const horizon = bookingHorizon(now);
  const occurrences = wanted.length ? occurrencesToBook(held, held.series.start, horizon, now) : [];
  const desired = wanted.flatMap((resourceId) => occurrences.map((o) => ({ resourceId, recurrenceId: o.recurrenceId, start: o.start, end: o.end })));
  const byKey = new Map(desired.map((s) => [slotKey(s.resourceId, s.recurrenceId), s]));
  const keep = new Set<string>();
  const cancel: BookingRow[] = [];
  const own = customisedOccurrences(live, occurrences, before, wanted);
  // Bookings that stay take the entry's title as their purpose, in one statement.
  const retitle: string[] = [];
  for (const booking of live) {
    const slot = booking.recurrenceId ? byKey.get(slotKey(booking.resourceId, booking.recurrenceId)) : undefined;
    const key = booking.recurrenceId ? slotKey(booking.resourceId, booking.recurrenceId) : "";
    if (booking.recurrenceId && own.has(booking.recurrenceId.getTime())) {
      if (booking.purpose !== entry.title) retitle.push(booking.id);
    } else if (slot && !keep.has(key) && slot.start.getTime() === booking.startsAt.getTime() && slot.end.getTime() === booking.endsAt.getTime()) {
      keep.add(key);
      if (booking.purpose !== entry.title) retitle.push(booking.id);
    } else {
      cancel.push(booking);
    }
  }
  if (retitle.length) await tx.update(bookings).set({ purpose: entry.title, updatedAt: now }).where(inArray(bookings.id, retitle));
  await releaseBookings(work, cancel, "removedFromEntry");
  const chosen = wanted.length ? await tx.select().from(resources).where(inArray(resources.id, wanted)).orderBy(asc(resources.id)) : [];
  const toBook = desired.filter((s) => !keep.has(slotKey(s.resourceId, s.recurrenceId)) && !own.has(s.recurrenceId.getTime()));
  for (const resource of chosen) {
    await checkMayBookEach(
      tx,
      resource,
      party,
      toBook.filter((s) => s.resourceId === resource.id),
    );
  }
  await bookSlots(work, entry, chosen, toBook, { party, bookedById: viewer.id, reader: viewer });
  await tx
    .delete(seriesResources)
    .where(wanted.length ? and(eq(seriesResources.entryId, entry.id), notInArray(seriesResources.resourceId, wanted)) : eq(seriesResources.entryId, entry.id));
  if (wanted.length) {
    await tx
      .insert(seriesResources)
      .values(wanted.map((resourceId) => ({ entryId: entry.id, resourceId, bookedUntil: horizon })))
      .onConflictDoUpdate({ target: [seriesResources.entryId, seriesResources.resourceId], set: { bookedUntil: horizon } });
  }
  return { before, after: wanted };
}

/**
 * Occurrences given resources of their own (another room for one date, syncOccurrenceBookings),
 * by RECURRENCE-ID: while the series keeps its resources, an edit of it leaves their bookings as
 * they are, as it leaves an occurrence's own time. A new set of resources for the series, or a
 * new time for it (its occurrences' bookings no longer match), applies to every occurrence.
 */
function customisedOccurrences(
  live: readonly BookingRow[],
  occurrences: readonly Occurrence[],
  before: readonly string[],
  wanted: readonly string[],
): Set<number> {
  const own = new Set<number>();
  if (!before.length || before.join() !== wanted.join()) return own;
  for (const o of occurrences) {
    const held = live.filter((b) => b.recurrenceId?.getTime() === o.recurrenceId.getTime());
    const resourcesHeld = [...new Set(held.map((b) => b.resourceId))].sort().join();
    const atItsTime = held.every((b) => b.startsAt.getTime() === o.start.getTime() && b.endsAt.getTime() === o.end.getTime());
    if (held.length && atItsTime && resourcesHeld !== wanted.join()) own.add(o.recurrenceId.getTime());
  }
  return own;
}

/** An entry that stops repeating gives up its series bookings still to come; its single time books afresh. */
export async function releaseSeriesBookings(work: Work, entryId: string): Promise<void> {
  const { tx, now } = work;
  const live = await tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt), isNotNull(bookings.recurrenceId), gt(bookings.endsAt, now)))
    .for("update");
  await releaseBookings(work, live, "removedFromEntry");
  await tx.delete(seriesResources).where(eq(seriesResources.entryId, entryId));
}

/** Cancels these bookings, each resource's together, telling other bookers why. */
export async function releaseBookings(work: Work, rows: BookingRow[], reason: "removedFromEntry" | "entryCancelled"): Promise<void> {
  if (!rows.length) return;
  const ids = [...new Set(rows.map((b) => b.resourceId))];
  for (const resource of await work.tx.select().from(resources).where(inArray(resources.id, ids)).orderBy(asc(resources.id))) {
    await cancelAndTell(
      work,
      resource,
      rows.filter((b) => b.resourceId === resource.id),
      reason,
    );
  }
}
