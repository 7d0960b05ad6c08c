import { eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { calendarOccurrenceOverrides, type calendarEntries } from "@/db/schema";
import { expandSeries, type ExpansionWindow, type Occurrence, type OccurrenceOverride, type Series } from "./recurrence";
import { instantOf } from "@/lib/time/instant-text";

/**
 * How the reads that show time (calendar windows, free-time finding) fetch recurring series: the
 * series rows that reach into a window (one index range per calendar on the series' first start,
 * series_ends_at dropping the finished ones) with their overrides folded into one JSON column, so
 * the read stays one statement; the expansion then runs in the process, only over the window.
 */

/** The series' own columns and its overrides, for a query whose entries are aliased `e`. */
export const seriesColumns = sql.raw(`e.recurrence_rule, e.recurrence_zone, e.recurrence_until, e.recurrence_count,
  (SELECT json_agg(json_build_object('recurrence_id', o.recurrence_id, 'cancelled', o.cancelled, 'starts_at', o.starts_at,
      'ends_at', o.ends_at, 'title', o.title, 'location', o.location, 'description', o.description))
    FROM calendar_occurrence_overrides o WHERE o.entry_id = e.id) AS overrides`);

/** The same columns, empty, for the arms of a UNION that read single entries. */
export const noSeriesColumns = sql.raw(`NULL::text AS recurrence_rule, NULL::text AS recurrence_zone, NULL::timestamptz AS recurrence_until,
  NULL::integer AS recurrence_count, NULL::json AS overrides`);

/** Live series (aliased `e`) with an occurrence that may overlap [from, to). Moves of single occurrences keep series_ends_at up to date. */
export function seriesReach(from: string, to: string): SQL {
  return sql`e.recurrence_rule IS NOT NULL AND e.cancelled_at IS NULL AND e.starts_at < ${to}::timestamptz
    AND (e.series_ends_at IS NULL OR e.series_ends_at > ${from}::timestamptz)`;
}

/**
 * Invitations (aliased `a`) to series that started before `to`: one range of the per-person index of
 * series invitations (their `recurring` copy), where `seriesReach` on the entry then drops the finished.
 */
export function invitedToSeriesBefore(to: string): SQL {
  return sql`a.recurring AND a.starts_at < ${to}::timestamptz`;
}

/** Single entries only (aliased `e`): the arms that read entries by their own start leave series to `seriesReach`. */
export const notSeries = sql.raw("e.recurrence_rule IS NULL");

export interface RawSeriesColumns {
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  recurrence_rule: string | null;
  recurrence_zone: string | null;
  recurrence_until: Date | string | null;
  recurrence_count: number | null;
  overrides: RawOverride[] | string | null;
}

interface RawOverride {
  recurrence_id: string;
  cancelled: boolean;
  starts_at: string | null;
  ends_at: string | null;
  title: string | null;
  location: string | null;
  description: string | null;
}

/** The series a row holds (null for a single entry), with its overrides. */
export function seriesOfRow(row: RawSeriesColumns): { series: Series; overrides: OccurrenceOverride[] } | null {
  if (!row.recurrence_rule || !row.recurrence_zone || !row.starts_at || !row.ends_at) return null;
  const raw = (typeof row.overrides === "string" ? (JSON.parse(row.overrides) as RawOverride[]) : row.overrides) ?? [];
  return {
    series: {
      start: instantOf(row.starts_at),
      end: instantOf(row.ends_at),
      rule: row.recurrence_rule,
      zone: row.recurrence_zone,
      until: row.recurrence_until ? instantOf(row.recurrence_until) : null,
      count: row.recurrence_count,
    },
    overrides: raw.map((o) => ({
      recurrenceId: new Date(o.recurrence_id),
      cancelled: o.cancelled,
      start: o.starts_at ? new Date(o.starts_at) : null,
      end: o.ends_at ? new Date(o.ends_at) : null,
      title: o.title,
      location: o.location,
      description: o.description,
    })),
  };
}

/** The occurrences of a row's series in the window; a single entry's row gives none. */
export function occurrencesOfRow(row: RawSeriesColumns, window: ExpansionWindow): Occurrence[] {
  const held = seriesOfRow(row);
  return held ? expandSeries(held.series, held.overrides, window) : [];
}

/**
 * The busy time the series of these people's own calendars, and the series they are invited to and
 * have not declined, make in [from, to), as instants.
 * Private series are busy like any other; only times leave this function.
 */
export async function seriesBusyOf(db: DbOrTx, people: string[], window: ExpansionWindow): Promise<{ start: Date; end: Date }[]> {
  if (!people.length) return [];
  const list = `{${people.join(",")}}`;
  const reach = seriesReach(window.from.toISOString(), window.to.toISOString());
  const rows = await preparedRows<RawSeriesColumns>(
    db,
    sql`SELECT e.starts_at, e.ends_at, ${seriesColumns}
      FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${list}::uuid[]) AND ${reach}
      UNION ALL
      SELECT e.starts_at, e.ends_at, ${seriesColumns}
      FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id JOIN calendars c ON c.id = e.calendar_id
      WHERE a.user_id = ANY(${list}::uuid[]) AND ${invitedToSeriesBefore(window.to.toISOString())} AND a.user_id <> c.user_id
        AND a.response <> 'declined' AND ${reach}`,
  );
  return rows.flatMap((row) => occurrencesOfRow(row, window).map((o) => ({ start: o.start, end: o.end })));
}

/** The stored columns of an entry a series is read from. */
type SeriesEntryRow = Pick<
  typeof calendarEntries.$inferSelect,
  "startsAt" | "endsAt" | "recurrenceRule" | "recurrenceZone" | "recurrenceUntil" | "recurrenceCount"
>;

/** The series an entry row is, or null for a single entry. */
export function seriesOfEntry(entry: SeriesEntryRow): Series | null {
  if (!entry.recurrenceRule || !entry.recurrenceZone || !entry.startsAt || !entry.endsAt) return null;
  return {
    start: entry.startsAt,
    end: entry.endsAt,
    rule: entry.recurrenceRule,
    zone: entry.recurrenceZone,
    until: entry.recurrenceUntil,
    count: entry.recurrenceCount,
  };
}

/** A series' overrides as the expansion takes them (changed and deleted occurrences). */
export async function overridesOfEntry(tx: DbOrTx, entryId: string): Promise<OccurrenceOverride[]> {
  const rows = await tx.select().from(calendarOccurrenceOverrides).where(eq(calendarOccurrenceOverrides.entryId, entryId));
  return rows.map((o) => ({
    recurrenceId: o.recurrenceId,
    cancelled: o.cancelled,
    start: o.startsAt,
    end: o.endsAt,
    title: o.title,
    location: o.location,
    description: o.description,
  }));
}
