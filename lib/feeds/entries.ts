import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import {
  calendarEntries,
  calendarEntryAttendees,
  calendarEntryReminders,
  calendarGrants,
  calendarOccurrenceAnswers,
  calendarOccurrenceOverrides,
  calendars,
  users,
} from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { seesDetailsFrom } from "@/lib/calendar/access";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_TIMED_ENTRY_DAYS } from "@/lib/calendar/limits";
import { isOccurrenceStart } from "@/lib/calendar/recurrence";
import { invitedToSeriesBefore, notSeries, seriesOfRow } from "@/lib/calendar/series-rows";
import type { AttendeeResponse, EntryTime, EntryVisibility } from "@/lib/calendar/types";
import { addCalendarDays } from "@/lib/time/zoned";
import type { FeedWindow } from "./scope";
import { instantOf } from "@/lib/time/instant-text";

const DAY = 86_400_000;

/** One entry as a feed shows it to the feed's creator: `masked` entries carry their time and nothing else. */
export type FeedEntry = FeedEntryHead & {
  visibility: EntryVisibility;
  title: string | null;
  location: string | null;
  description: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string; response: AttendeeResponse }[];
  /** Minutes before the start or absolute instants: only filled for the creator's own feed. */
  alarms: ({ offsetMinutes: number } | { at: Date })[];
  /** The repetition when the entry is a series (its time is then the first occurrence's); null for a single entry. */
  series: FeedSeries | null;
};

/**
 * A series as a feed writes it: the rule (RRULE value without UNTIL and COUNT), its zone, its end,
 * the RECURRENCE-IDs of deleted occurrences (EXDATE) and the changed ones (a VEVENT each). Only
 * occurrences the rule still makes are here. For a masked series, only moved occurrences are
 * listed as changed, with their time and nothing else (a retitled one would say nothing but that
 * something changed).
 */
export interface FeedSeries {
  rule: string;
  zone: string;
  until: Date | null;
  count: number | null;
  deleted: Date[];
  changed: FeedOccurrence[];
}

export interface FeedOccurrence {
  recurrenceId: Date;
  start: Date;
  end: Date;
  /** The occurrence's own SEQUENCE (raised by each change to it). */
  sequence: number;
  /** Null: the series' value. Always null when masked. */
  title: string | null;
  location: string | null;
  description: string | null;
}

/**
 * The entries of the people shown, one row per entry: those in their own calendars and those
 * they are invited to and have not declined (a series they are invited to while its span reaches the window). Each arm is one range of a partial index (live and
 * cancelled entries have one each, the invitations theirs). Cancelled entries stay in the window
 * and go out as STATUS:CANCELLED with their raised SEQUENCE, so a subscribed client that keeps
 * events removes them; a declined invitation is left out of the decliner's feed.
 */
function feedRowsSql(people: SQL, window: FeedWindow): SQL {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const earliest = new Date(window.from.getTime() - MAX_TIMED_ENTRY_DAYS * DAY).toISOString();
  const earliestDate = addCalendarDays(window.fromDate, -MAX_ALL_DAY_ENTRY_DAYS);
  const timedRange = sql`e.starts_at >= ${earliest}::timestamptz AND e.starts_at < ${to}::timestamptz`;
  const allDayRange = sql`e.start_date >= ${earliestDate}::date AND e.start_date < ${window.toDate}::date`;
  const timed = sql`NOT e.all_day AND e.ends_at > ${from}::timestamptz`;
  const allDay = sql`e.all_day AND e.end_date > ${window.fromDate}::date`;
  const own = (range: SQL, shape: SQL, cancelled: SQL) => sql`
    SELECT e.id, c.user_id AS owner_id FROM ${calendarEntries} e JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE c.user_id IN (${people}) AND ${range} AND ${shape} AND ${cancelled}`;
  const live = sql`e.cancelled_at IS NULL`;
  const cancelled = sql`e.cancelled_at IS NOT NULL`;
  // A series is one row however many occurrences it has, live or cancelled, while its span reaches
  // the window (series_ends_at; an endless one always): one range of its own partial index.
  const series = sql`e.recurrence_rule IS NOT NULL AND e.starts_at < ${to}::timestamptz
    AND (e.series_ends_at IS NULL OR e.series_ends_at > ${from}::timestamptz)`;
  return sql`${own(timedRange, sql`${timed} AND ${notSeries}`, live)}
    UNION ${own(timedRange, sql`${timed} AND ${notSeries}`, cancelled)}
    UNION ${own(allDayRange, allDay, live)}
    UNION ${own(allDayRange, allDay, cancelled)}
    UNION ${own(series, sql`TRUE`, sql`TRUE`)}
    UNION
    SELECT e.id, c.user_id FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE a.user_id IN (${people}) AND a.response <> 'declined'
      AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${to}::timestamptz AND ${timed}
    UNION
    SELECT e.id, c.user_id FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE a.user_id IN (${people}) AND a.response <> 'declined'
      AND a.start_date >= ${earliestDate}::date AND a.start_date < ${window.toDate}::date AND ${allDay}
    UNION
    SELECT e.id, c.user_id FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE a.user_id IN (${people}) AND a.response <> 'declined' AND ${invitedToSeriesBefore(to)} AND ${series}`;
}

/** How the creator stands to each row, from joins (the rule of lib/calendar/access.ts). */
function seesSql(viewer: Viewer): SQL<boolean> {
  return seesDetailsFrom(sql`e.visibility`, {
    isOwner: sql<boolean>`(r.owner_id = ${viewer.id}::uuid)`,
    isAttendee: sql<boolean>`(me.user_id IS NOT NULL)`,
    grantEdit: sql<boolean>`coalesce(g.can_edit, false)`,
    grantSeePrivate: sql<boolean>`coalesce(g.can_see_private, false)`,
  });
}

const relationJoins = (viewer: Viewer) => sql`
  LEFT JOIN ${calendarGrants} g ON g.owner_id = r.owner_id AND g.grantee_id = ${viewer.id}::uuid
  LEFT JOIN ${calendarEntryAttendees} me ON me.entry_id = r.id AND me.user_id = ${viewer.id}::uuid`;

/**
 * For a series only (NULL for a single entry, so single entries' rows pay one test): a hash of
 * its rule, zone, end and every override row as it is. The commands bump the entry's version with
 * every change to an occurrence, but the feed does not lean on that: a changed, added or removed
 * override changes the entry's key (so its cached text) and the fingerprint (so a 304 never hides
 * a changed occurrence) by itself. Evaluated only for series rows (the subquery sits in a CASE).
 */
const seriesStampSql = sql`CASE WHEN e.recurrence_rule IS NOT NULL THEN md5(concat_ws('|', e.recurrence_rule, e.recurrence_zone,
  (extract(epoch FROM e.recurrence_until) * 1000000)::bigint, e.recurrence_count,
  (SELECT string_agg(o::text, ',' ORDER BY o.recurrence_id) FROM ${calendarOccurrenceOverrides} o WHERE o.entry_id = e.id))) END`;

/**
 * What changes the feed's text, read without building it: the entries' count, versions (every
 * change and every answer bumps one) and sequences, whether the creator sees each one's details
 * (a grant given or taken back), and the last change to anyone the feed names (organisers and
 * attendees: a renamed person leaves the entries' own rows untouched). The newest change of
 * anyone's row stands for all the names: one aggregate over the people instead of a lookup of each
 * entry's attendees; a change to anyone's row refreshes every feed once, which is rare.
 *
 * The same expressions serve as aggregates (entriesFingerprint, the 304 path) and as window
 * aggregates over the rows feedEntryKeys reads (a fetch that will be answered in full): both give
 * the same text for the same rows, so the ETag does not depend on which path computed it.
 */
const fingerprintColumns = (viewer: Viewer, over: SQL) => sql`count(*) ${over} AS n, sum(e.version + e.sequence) ${over} AS versions,
  (max(e.updated_at) ${over})::text AS latest, sum(CASE WHEN ${seesSql(viewer)} THEN 1 ELSE 0 END) ${over} AS seen,
  (SELECT max(u.updated_at) FROM ${users} u)::text AS people,
  sum(('x' || substr(${seriesStampSql}, 1, 16))::bit(64)::bigint) FILTER (WHERE e.recurrence_rule IS NOT NULL) ${over} AS series`;

interface RawFingerprint {
  n: string | number;
  versions: string | number | null;
  latest: string | null;
  seen: string | number | null;
  people: string | null;
  series: string | number | null;
}

function fingerprintOf(row: RawFingerprint | undefined): { tag: string; names: string } {
  const names = row?.people ?? "";
  return { tag: [row?.n ?? 0, row?.versions ?? 0, row?.latest ?? "", row?.seen ?? 0, names, row?.series ?? ""].join(":"), names };
}

/** The feed's entries' fingerprint alone: one aggregate over the rows the feed reads (the 304 path). */
export async function entriesFingerprint(db: DbOrTx, viewer: Viewer, people: SQL, window: FeedWindow): Promise<{ tag: string; names: string }> {
  const [row] = await preparedRows<RawFingerprint>(
    db,
    sql`WITH r AS (${feedRowsSql(people, window)})
      SELECT ${fingerprintColumns(viewer, sql``)}
      FROM r JOIN ${calendarEntries} e ON e.id = r.id ${relationJoins(viewer)}`,
  );
  return fingerprintOf(row);
}

/**
 * What a written VEVENT depends on of its entry, as one text made in SQL (the heads and the
 * details give the very same one): id, version (bumped by every change and answer), SEQUENCE,
 * last change to the microsecond, and whether it is cancelled. Whether its details are masked for
 * the creator is kept beside it.
 */
const entryKeySql = sql`e.id::text || '|' || e.version || '|' || e.sequence || '|' || (extract(epoch FROM e.updated_at) * 1000000)::bigint
  || CASE WHEN e.cancelled_at IS NULL THEN '|l' ELSE '|c' END || coalesce('|' || ${seriesStampSql}, '')`;

/**
 * In the creator's own feed, the occurrences of a series they are invited to and declined one by
 * one (epoch milliseconds, in order): left out of their feed as a declined invitation is, and part
 * of the entry's key there, so the cached text follows each answer. Null elsewhere and for none.
 */
const declinedSql = (viewer: Viewer, own: boolean) =>
  own
    ? sql`CASE WHEN e.recurrence_rule IS NOT NULL THEN (SELECT string_agg((extract(epoch FROM oa.recurrence_id) * 1000)::bigint::text, ',' ORDER BY oa.recurrence_id)
        FROM ${calendarOccurrenceAnswers} oa WHERE oa.entry_id = e.id AND oa.user_id = ${viewer.id}::uuid AND oa.response = 'declined') END`
    : sql`NULL::text`;

const keySql = (viewer: Viewer, own: boolean) => sql`${entryKeySql} || coalesce('|x' || ${declinedSql(viewer, own)}, '')`;

/** An entry of the feed as the fragment cache needs it: which, what its text depends on, and whether it is masked. */
export interface FeedEntryKey {
  id: string;
  key: string;
  masked: boolean;
  /** A series' zone (its VEVENTs are written in it, so the feed needs its VTIMEZONE); null for a single entry. */
  zone: string | null;
}

const ORDER = sql`ORDER BY coalesce(e.starts_at, e.start_date::timestamp AT TIME ZONE 'UTC'), e.id`;

/**
 * The feed's entries in order, each only as its key (no times, no text: a fetch after one entry
 * changed takes the others' text from the fragment cache). With `withFingerprint`, the same
 * statement also gives the entries' fingerprint (window aggregates over the same rows, so the ETag
 * and the body describe one snapshot); null when there are no rows to carry it.
 */
export async function feedEntryKeys(
  db: DbOrTx,
  viewer: Viewer,
  people: SQL,
  window: FeedWindow,
  withFingerprint: boolean,
  own = false,
): Promise<{ keys: FeedEntryKey[]; fingerprint: { tag: string; names: string } | null }> {
  const rows = await preparedRows<{ id: string; key: string; sees: boolean; zone: string | null } & Partial<RawFingerprint>>(
    db,
    sql`WITH r AS (${feedRowsSql(people, window)})
      SELECT e.id, ${keySql(viewer, own)} AS key, ${seesSql(viewer)} AS sees, e.recurrence_zone AS zone ${withFingerprint ? sql`, ${fingerprintColumns(viewer, sql`OVER ()`)}` : sql``}
      FROM r JOIN ${calendarEntries} e ON e.id = r.id ${relationJoins(viewer)}
      ${ORDER}`,
  );
  return {
    keys: rows.map((r) => ({ id: r.id, key: r.key, masked: !r.sees, zone: r.zone })),
    fingerprint: withFingerprint && rows.length ? fingerprintOf(rows[0] as RawFingerprint) : null,
  };
}

/** An entry's time, version and whether the creator sees its details. */
export type FeedEntryHead = EntryTime & {
  id: string;
  /** What its text depends on (entryKeySql). */
  key: string;
  masked: boolean;
  cancelled: boolean;
  sequence: number;
  version: number;
  updatedAt: Date;
};

interface RawDetails {
  id: string;
  key: string;
  all_day: boolean;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  start_date: string | null;
  end_date: string | null;
  sequence: number;
  version: number;
  updated_at: Date | string;
  cancelled: boolean;
  visibility: EntryVisibility;
  title: string | null;
  location: string | null;
  description: string | null;
  organizer_name: string;
  organizer_email: string;
  sees: boolean;
  recurrence_rule: string | null;
  recurrence_zone: string | null;
  recurrence_until: Date | string | null;
  recurrence_count: number | null;
  overrides: RawFeedOverride[] | string | null;
  /** The creator's declined occurrences (declinedSql). */
  declined: string | null;
}

interface RawFeedOverride {
  recurrence_id: string;
  cancelled: boolean;
  starts_at: string | null;
  ends_at: string | null;
  sequence: number;
  title: string | null;
  location: string | null;
  description: string | null;
}

/** A series' overrides as one JSON column, their texts only for a creator who sees the series' details (`v.sees`). */
const overridesSql = sql`CASE WHEN e.recurrence_rule IS NOT NULL THEN (SELECT json_agg(json_build_object('recurrence_id', o.recurrence_id,
    'cancelled', o.cancelled, 'starts_at', o.starts_at, 'ends_at', o.ends_at, 'sequence', o.sequence,
    'title', CASE WHEN v.sees THEN o.title END, 'location', CASE WHEN v.sees THEN o.location END,
    'description', CASE WHEN v.sees THEN o.description END) ORDER BY o.recurrence_id)
  FROM ${calendarOccurrenceOverrides} o WHERE o.entry_id = e.id) END AS overrides`;

/**
 * The given entries in full as the creator may see them (read again here, so a grant withdrawn
 * since the keys were read masks the entry all the same; each comes with the key of what it was
 * read as), with attendees and, in the creator's own feed (`own`), reminders, and the occurrences
 * they declined left out: one query each, for these entries only. In the order of `ids`; an entry
 * deleted meanwhile is left out.
 */
export async function feedEntryDetails(db: DbOrTx, viewer: Viewer, ids: string[], own: boolean): Promise<FeedEntry[]> {
  const rows = ids.length
    ? await preparedRows<RawDetails>(
        db,
        sql`SELECT e.id, ${keySql(viewer, own)} AS key, ${declinedSql(viewer, own)} AS declined, e.all_day, e.starts_at, e.ends_at, e.start_date::text AS start_date, e.end_date::text AS end_date,
            e.sequence, e.version, e.updated_at, e.cancelled_at IS NOT NULL AS cancelled,
            e.visibility, o.name AS organizer_name, o.email AS organizer_email, v.sees,
            CASE WHEN v.sees THEN e.title END AS title, CASE WHEN v.sees THEN e.location END AS location,
            CASE WHEN v.sees THEN e.description END AS description,
            e.recurrence_rule, e.recurrence_zone, e.recurrence_until, e.recurrence_count, ${overridesSql}
          FROM (SELECT e.id, c.user_id AS owner_id FROM ${calendarEntries} e JOIN ${calendars} c ON c.id = e.calendar_id
            WHERE e.id = ANY(${idArray(ids)})) r
          JOIN ${calendarEntries} e ON e.id = r.id JOIN ${users} o ON o.id = r.owner_id ${relationJoins(viewer)}
          CROSS JOIN LATERAL (SELECT ${seesSql(viewer)} AS sees) v`,
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = rows.filter((r) => r.sees).map((r) => r.id);
  const [attendees, alarms] = await Promise.all([attendeesOf(db, shown), own ? alarmsOf(db, shown) : new Map<string, FeedEntry["alarms"]>()]);
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    const entry: FeedEntry = {
      ...(d.all_day
        ? { allDay: true as const, startDate: d.start_date!, endDate: d.end_date! }
        : { allDay: false as const, start: instantOf(d.starts_at!).toISOString(), end: instantOf(d.ends_at!).toISOString() }),
      id,
      key: d.key,
      masked: !d.sees,
      cancelled: d.cancelled,
      sequence: d.sequence,
      version: d.version,
      updatedAt: instantOf(d.updated_at),
      visibility: d.sees ? d.visibility : "private",
      title: d.sees ? d.title : null,
      location: d.sees ? d.location : null,
      description: d.sees ? d.description : null,
      organizer: d.sees ? { name: d.organizer_name, email: d.organizer_email } : { name: "", email: "" },
      attendees: d.sees ? (attendees.get(id) ?? []) : [],
      alarms: d.sees && !d.cancelled ? (alarms.get(id) ?? []) : [],
      series: seriesOf(d),
    };
    return [entry];
  });
}

/** Every entry of the feed with its text (no cache): the keys in order, then the details of all of them. */
export async function feedEntries(db: DbOrTx, viewer: Viewer, people: SQL, window: FeedWindow, own: boolean): Promise<FeedEntry[]> {
  const { keys } = await feedEntryKeys(db, viewer, people, window, false, own);
  return feedEntryDetails(
    db,
    viewer,
    keys.map((k) => k.id),
    own,
  );
}

/**
 * The series a details row holds, as the feed writes it: deleted occurrences and changed ones
 * whose RECURRENCE-ID the rule still makes (an override left from before the series changed is
 * not written, as the expansion ignores it). A masked series lists only moved occurrences. The
 * occurrences the creator declined (their own feed) are written as deleted.
 */
function seriesOf(d: RawDetails): FeedSeries | null {
  const raw = (typeof d.overrides === "string" ? (JSON.parse(d.overrides) as RawFeedOverride[]) : d.overrides) ?? [];
  const held = seriesOfRow({ ...d, overrides: raw });
  if (!held) return null;
  const { series } = held;
  const sequences = new Map(raw.map((o) => [new Date(o.recurrence_id).getTime(), o.sequence]));
  const deleted: Date[] = [];
  const changed: FeedOccurrence[] = [];
  const duration = series.end.getTime() - series.start.getTime();
  for (const o of held.overrides) {
    if (!o.cancelled && !o.start && !d.sees) continue;
    if (!isOccurrenceStart(series, o.recurrenceId)) continue;
    if (o.cancelled) {
      deleted.push(o.recurrenceId);
      continue;
    }
    const start = o.start ?? o.recurrenceId;
    changed.push({
      recurrenceId: o.recurrenceId,
      start,
      end: o.end ?? new Date(start.getTime() + duration),
      sequence: sequences.get(o.recurrenceId.getTime()) ?? 0,
      title: d.sees ? o.title : null,
      location: d.sees ? o.location : null,
      description: d.sees ? o.description : null,
    });
  }
  const declined = (d.declined ?? "")
    .split(",")
    .filter(Boolean)
    .map((ms) => new Date(Number(ms)))
    .filter((at) => isOccurrenceStart(series, at));
  if (declined.length) {
    const gone = new Set([...deleted, ...declined].map((at) => at.getTime()));
    return {
      rule: series.rule,
      zone: series.zone,
      until: series.until,
      count: series.count,
      deleted: [...gone].sort((a, b) => a - b).map((ms) => new Date(ms)),
      changed: changed.filter((o) => !gone.has(o.recurrenceId.getTime())),
    };
  }
  return { rule: series.rule, zone: series.zone, until: series.until, count: series.count, deleted, changed };
}

const idArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

async function attendeesOf(db: DbOrTx, ids: string[]): Promise<Map<string, FeedEntry["attendees"]>> {
  const byEntry = new Map<string, FeedEntry["attendees"]>();
  if (!ids.length) return byEntry;
  const rows = await preparedRows<{ entry_id: string; name: string; email: string; response: AttendeeResponse }>(
    db,
    sql`SELECT a.entry_id, u.name, u.email, a.response FROM ${calendarEntryAttendees} a JOIN ${users} u ON u.id = a.user_id
      WHERE a.entry_id = ANY(${idArray(ids)}) ORDER BY u.name`,
  );
  for (const r of rows) {
    const list = byEntry.get(r.entry_id) ?? [];
    list.push({ name: r.name, email: r.email, response: r.response });
    byEntry.set(r.entry_id, list);
  }
  return byEntry;
}

async function alarmsOf(db: DbOrTx, ids: string[]): Promise<Map<string, FeedEntry["alarms"]>> {
  const byEntry = new Map<string, FeedEntry["alarms"]>();
  if (!ids.length) return byEntry;
  const rows = await preparedRows<{ entry_id: string; offset_minutes: number | null; fire_at: Date | string | null }>(
    db,
    sql`SELECT entry_id, offset_minutes, fire_at FROM ${calendarEntryReminders} WHERE entry_id = ANY(${idArray(ids)}) ORDER BY created_at, id`,
  );
  for (const r of rows) {
    const list = byEntry.get(r.entry_id) ?? [];
    list.push(r.offset_minutes !== null ? { offsetMinutes: r.offset_minutes } : { at: instantOf(r.fire_at!) });
    byEntry.set(r.entry_id, list);
  }
  return byEntry;
}
