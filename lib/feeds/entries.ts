import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { calendarEntries, calendarEntryAttendees, calendarEntryReminders, calendarGrants, calendars, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { seesDetailsFrom } from "@/lib/calendar/access";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_TIMED_ENTRY_DAYS } from "@/lib/calendar/limits";
import type { AttendeeResponse, EntryTime, EntryVisibility } from "@/lib/calendar/types";
import { addCalendarDays } from "@/lib/time/zoned";
import { instantOf, type FeedWindow } from "./scope";

const DAY = 86_400_000;

/** One entry as a feed shows it to the feed's creator: `masked` entries carry their time and nothing else. */
export type FeedEntry = EntryTime & {
  id: string;
  masked: boolean;
  /** Cancelled: sent as STATUS:CANCELLED (never with alarms) so clients drop it. */
  cancelled: boolean;
  visibility: EntryVisibility;
  sequence: number;
  updatedAt: Date;
  title: string | null;
  location: string | null;
  description: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string; response: AttendeeResponse }[];
  /** Minutes before the start or absolute instants: only filled for the creator's own feed. */
  alarms: ({ offsetMinutes: number } | { at: Date })[];
};

/**
 * The entries of the people shown, one row per entry: those in their own calendars and those
 * they are invited to and have not declined. Each arm is one range of a partial index (live and
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
  return sql`${own(timedRange, timed, live)}
    UNION ${own(timedRange, timed, cancelled)}
    UNION ${own(allDayRange, allDay, live)}
    UNION ${own(allDayRange, allDay, cancelled)}
    UNION
    SELECT e.id, c.user_id FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE a.user_id IN (${people}) AND a.response <> 'declined'
      AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${to}::timestamptz AND ${timed}
    UNION
    SELECT e.id, c.user_id FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
    WHERE a.user_id IN (${people}) AND a.response <> 'declined'
      AND a.start_date >= ${earliestDate}::date AND a.start_date < ${window.toDate}::date AND ${allDay}`;
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
 * What changes the feed's text, read without building it: the entries' count, versions (every
 * change and every answer bumps one) and sequences, whether the creator sees each one's details
 * (a grant given or taken back), and the last change to anyone the feed names (organisers and
 * attendees: a renamed person leaves the entries' own rows untouched). One aggregate over the
 * same rows the feed reads.
 */
export async function entriesFingerprint(db: DbOrTx, viewer: Viewer, people: SQL, window: FeedWindow): Promise<string> {
  const [row] = await preparedRows<{
    n: string | number;
    versions: string | number | null;
    latest: string | null;
    seen: string | number | null;
    organizers: string | null;
    attendees: string | null;
  }>(
    db,
    sql`WITH r AS MATERIALIZED (${feedRowsSql(people, window)})
      SELECT count(*) AS n, sum(e.version + e.sequence) AS versions, max(e.updated_at)::text AS latest,
        sum(CASE WHEN ${seesSql(viewer)} THEN 1 ELSE 0 END) AS seen,
        (SELECT max(u.updated_at)::text FROM ${users} u WHERE u.id IN (SELECT owner_id FROM r)) AS organizers,
        (SELECT max(u.updated_at)::text FROM ${calendarEntryAttendees} a JOIN ${users} u ON u.id = a.user_id
          WHERE a.entry_id IN (SELECT id FROM r)) AS attendees
      FROM r JOIN ${calendarEntries} e ON e.id = r.id ${relationJoins(viewer)}`,
  );
  return [row?.n ?? 0, row?.versions ?? 0, row?.latest ?? "", row?.seen ?? 0, row?.organizers ?? "", row?.attendees ?? ""].join(":");
}

interface RawEntry {
  id: string;
  owner_id: string;
  visibility: EntryVisibility;
  all_day: boolean;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  start_date: string | null;
  end_date: string | null;
  sequence: number;
  updated_at: Date | string;
  title: string | null;
  location: string | null;
  description: string | null;
  organizer_name: string;
  organizer_email: string;
  sees: boolean;
  cancelled: boolean;
}

/**
 * The feed's entries as the creator may see them, details of the others' private entries
 * replaced by NULL in the database. Attendees (and, in the creator's own feed, reminders) come
 * in one query each for the entries whose details are shown.
 */
export async function feedEntries(db: DbOrTx, viewer: Viewer, people: SQL, window: FeedWindow, withAlarms: boolean): Promise<FeedEntry[]> {
  const sees = seesSql(viewer);
  const rows = await preparedRows<RawEntry>(
    db,
    sql`WITH r AS (${feedRowsSql(people, window)})
      SELECT e.id, r.owner_id, e.visibility, e.all_day, e.starts_at, e.ends_at, e.start_date::text AS start_date, e.end_date::text AS end_date,
        e.sequence, e.updated_at, o.name AS organizer_name, o.email AS organizer_email, v.sees, e.cancelled_at IS NOT NULL AS cancelled,
        CASE WHEN v.sees THEN e.title END AS title, CASE WHEN v.sees THEN e.location END AS location,
        CASE WHEN v.sees THEN e.description END AS description
      FROM r JOIN ${calendarEntries} e ON e.id = r.id JOIN ${users} o ON o.id = r.owner_id ${relationJoins(viewer)}
      CROSS JOIN LATERAL (SELECT ${sees} AS sees) v
      ORDER BY coalesce(e.starts_at, e.start_date::timestamp AT TIME ZONE 'UTC'), e.id`,
  );
  const shown = rows.filter((r) => r.sees).map((r) => r.id);
  const [attendees, alarms] = await Promise.all([attendeesOf(db, shown), withAlarms ? alarmsOf(db, shown) : new Map<string, FeedEntry["alarms"]>()]);
  return rows.map((r) => ({
    ...(r.all_day
      ? { allDay: true as const, startDate: r.start_date!, endDate: r.end_date! }
      : { allDay: false as const, start: instantOf(r.starts_at!).toISOString(), end: instantOf(r.ends_at!).toISOString() }),
    id: r.id,
    masked: !r.sees,
    cancelled: r.cancelled,
    visibility: r.visibility,
    sequence: r.sequence,
    updatedAt: instantOf(r.updated_at),
    title: r.title,
    location: r.location,
    description: r.description,
    organizer: { name: r.organizer_name, email: r.organizer_email },
    attendees: r.sees ? (attendees.get(r.id) ?? []) : [],
    alarms: r.sees && !r.cancelled ? (alarms.get(r.id) ?? []) : [],
  }));
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
