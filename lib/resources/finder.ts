import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { Forbidden, Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_TIMED_ENTRY_DAYS } from "@/lib/calendar/limits";
import { seriesBusyOf } from "@/lib/calendar/series-rows";
import { isDayOff } from "@/lib/reminders/holidays";
import { escalationSettings } from "@/lib/reminders/settings";
import type { WorkSchedule } from "@/lib/reminders/working-time";
import { now as clockNow } from "@/lib/time/clock";
import { addCalendarDays, isoWeekdayOf, localDateOf, wallClockToInstant } from "@/lib/time/zoned";
import { mayBook } from "./policy";
import { instantIso } from "@/lib/time/instant-text";

export const FINDER_LIMITS = {
  /** People and resources one search may ask about. */
  maxPeople: 20,
  maxResources: 5,
  minDurationMinutes: 5,
  maxDurationMinutes: 12 * 60,
  /** The widest window one search looks through, and the one it looks through unless told. */
  maxWindowDays: 31,
  defaultWindowDays: 14,
  maxSlots: 20,
  defaultSlots: 5,
  /** Proposed starts fall on this grid (every zone's offset is a multiple of it, so it is the local quarter-hour too). */
  stepMinutes: 15,
} as const;

export interface FinderRequest {
  people: string[];
  resources: string[];
  durationMinutes: number;
  /** The window searched; [now, now + 14 days) unless given. */
  from?: Date;
  to?: Date;
  /** Only within the working week's hours, read in the organiser's (the viewer's) zone. */
  workingHoursOnly?: boolean;
  limit?: number;
}

/** A proposed time: instants in UTC, the end exclusive. */
export interface FreeSlot {
  start: string;
  end: string;
}

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Checked {
  people: string[];
  resources: string[];
  durationMinutes: number;
  from: Date;
  to: Date;
  workingHoursOnly: boolean;
  limit: number;
}

/** Refuses a search no form asks for, before any query runs. */
export function checkFinderRequest(request: FinderRequest, at: Date): Checked {
  const people = [...new Set(request.people)];
  const resources = [...new Set(request.resources)];
  const L = FINDER_LIMITS;
  if (!people.length && !resources.length) throw new Invalid("resources.finder.errors.nothingChosen");
  if (people.length > L.maxPeople) throw new Invalid("resources.finder.errors.tooManyPeople").with({ max: L.maxPeople });
  if (resources.length > L.maxResources) throw new Invalid("resources.finder.errors.tooManyResources").with({ max: L.maxResources });
  // The ids travel to the database as array literals: anything but a uuid stops here.
  if (people.some((id) => !UUID.test(id))) throw new Invalid("resources.finder.errors.personUnknown");
  if (resources.some((id) => !UUID.test(id))) throw new Invalid("resources.errors.resourceNotFound");
  const duration = request.durationMinutes;
  if (!Number.isInteger(duration) || duration < L.minDurationMinutes || duration > L.maxDurationMinutes) {
    throw new Invalid("resources.finder.errors.duration").with({ min: L.minDurationMinutes, max: L.maxDurationMinutes / 60 });
  }
  const from = request.from ?? at;
  const to = request.to ?? new Date(from.getTime() + L.defaultWindowDays * DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) throw new Invalid("resources.finder.errors.badWindow");
  if (to.getTime() - from.getTime() > L.maxWindowDays * DAY) throw new Invalid("resources.finder.errors.windowTooWide").with({ days: L.maxWindowDays });
  const limit = request.limit ?? L.defaultSlots;
  if (!Number.isInteger(limit) || limit < 1 || limit > L.maxSlots) throw new Invalid("resources.finder.errors.limit").with({ max: L.maxSlots });
  return { people, resources, durationMinutes: duration, from, to, workingHoursOnly: request.workingHoursOnly ?? false, limit };
}

/**
 * The working windows of the days [from, to) touches: the working week's days (not its days off)
 * from its start to its end of day, read as wall-clock times in `timeZone`, so a day of 23 or 25
 * hours still works 08:00–16:00 local. Clipped to [from, to).
 */
export function workingWindows(from: Date, to: Date, schedule: Pick<WorkSchedule, "workDays" | "dayStart" | "dayEnd" | "holidays">, timeZone: string) {
  const windows: { start: Date; end: Date }[] = [];
  const last = localDateOf(new Date(to.getTime() - 1), timeZone);
  for (let day = localDateOf(from, timeZone); day <= last; day = addCalendarDays(day, 1)) {
    if (!schedule.workDays.includes(isoWeekdayOf(day)) || isDayOff(schedule.holidays, day)) continue;
    const start = wallClockToInstant(`${day}T${schedule.dayStart}`, timeZone);
    const end = wallClockToInstant(`${day}T${schedule.dayEnd}`, timeZone);
    if (!start || !end) continue;
    const clipped = { start: start < from ? from : start, end: end > to ? to : end };
    if (clipped.end > clipped.start) windows.push(clipped);
  }
  return windows;
}

/** A tstzmultirange literal of half-open ranges. */
function multirange(ranges: { start: Date; end: Date }[]): string {
  return `{${ranges.map((r) => `[${r.start.toISOString()},${r.end.toISOString()})`).join(",")}}`;
}

/**
 * The viewer may ask about any active colleague (everyone sees everyone's free and busy time in
 * the people view; private entries are "Busy" there too) and any resource they may book: an
 * unknown or deactivated person, or a retired resource, is refused, and so is a resource only
 * other departments may book. Nothing about anyone's entries leaves this module but free slots.
 */
async function checkAllowed(db: DbOrTx, viewer: Viewer, people: string[], resourceIds: string[]): Promise<void> {
  // One round trip for both: the active people among those asked about, and the live resources with their departments.
  const [row] = await preparedRows<{
    people: number;
    resources: { id: string; name: string; departments_only: boolean; departments: string[] | null }[] | null;
  }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM users WHERE id = ANY(${`{${people.join(",")}}`}::uuid[]) AND active) AS people,
      (SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'departments_only', r.departments_only,
          'departments', (SELECT array_agg(d.department_id) FROM resource_departments d WHERE d.resource_id = r.id)))
        FROM resources r WHERE r.id = ANY(${`{${resourceIds.join(",")}}`}::uuid[]) AND r.retired_at IS NULL) AS resources`,
  );
  if (Number(row?.people ?? 0) !== people.length) throw new Invalid("resources.finder.errors.personUnknown");
  const found = row?.resources ?? [];
  if (found.length !== resourceIds.length) throw new Invalid("resources.errors.resourceNotFound");
  for (const r of found) {
    if (!mayBook(viewer, { departmentsOnly: r.departments_only }, r.departments ?? [])) {
      throw new Forbidden("resources.errors.notForYourDepartment").with({ resource: r.name });
    }
  }
}

/**
 * The one query: the busy time of every chosen person and resource as ranges (timed entries
 * they own or attend and have not declined, private ones too; all-day entries as whole local
 * days in that person's own zone; live bookings), merged by range_agg, subtracted from the open
 * time, and the gaps long enough for the meeting, earliest first. Each arm is an index range
 * (the partial indexes of db/schema/calendar.ts, the bookings' exclusion constraint's GiST index);
 * the lower bounds on the starts follow from the longest entries allowed. Recurring series arrive
 * already expanded, as a parameter: their rules run in the process (lib/calendar/recurrence.ts).
 */
export function finderQuery(p: {
  people: string[];
  resources: string[];
  from: Date;
  to: Date;
  open: string;
  durationMinutes: number;
  limit: number;
  stepMinutes: number;
  /** The occurrences of the people's recurring series in the window (expanded beforehand), as a tstzmultirange literal. */
  seriesBusy?: string;
}) {
  const people = sql`${`{${p.people.join(",")}}`}::uuid[]`;
  const resources = sql`${`{${p.resources.join(",")}}`}::uuid[]`;
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const earliest = new Date(p.from.getTime() - MAX_TIMED_ENTRY_DAYS * DAY).toISOString();
  // Local dates in any zone lie within a day of the UTC date.
  const fromDate = addCalendarDays(from.slice(0, 10), -1);
  const earliestDate = addCalendarDays(fromDate, -MAX_ALL_DAY_ENTRY_DAYS);
  const toDate = addCalendarDays(to.slice(0, 10), 2);
  const wholeDays = (zone: SQL) => sql`tstzrange(e.start_date::timestamp AT TIME ZONE ${zone}, e.end_date::timestamp AT TIME ZONE ${zone}, '[)')`;
  const step = p.stepMinutes * 60;
  return sql`
    WITH busy(r) AS (
      SELECT tstzrange(e.starts_at, e.ends_at, '[)')
      FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${people}) AND NOT e.all_day AND e.cancelled_at IS NULL AND e.recurrence_rule IS NULL
        AND e.starts_at >= ${earliest}::timestamptz AND e.starts_at < ${to}::timestamptz AND e.ends_at > ${from}::timestamptz
      UNION ALL
      SELECT ${wholeDays(sql`u.time_zone`)}
      FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id JOIN users u ON u.id = c.user_id
      WHERE c.user_id = ANY(${people}) AND e.all_day AND e.cancelled_at IS NULL
        AND e.start_date >= ${earliestDate}::date AND e.start_date < ${toDate}::date AND e.end_date > ${fromDate}::date
      UNION ALL
      SELECT tstzrange(e.starts_at, e.ends_at, '[)')
      FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id
      WHERE a.user_id = ANY(${people}) AND a.response <> 'declined' AND NOT e.all_day AND e.cancelled_at IS NULL
        AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${to}::timestamptz AND e.ends_at > ${from}::timestamptz
      UNION ALL
      SELECT ${wholeDays(sql`u.time_zone`)}
      FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id JOIN users u ON u.id = a.user_id
      WHERE a.user_id = ANY(${people}) AND a.response <> 'declined' AND e.all_day AND e.cancelled_at IS NULL
        AND a.start_date >= ${earliestDate}::date AND a.start_date < ${toDate}::date AND e.end_date > ${fromDate}::date
      UNION ALL
      SELECT b.during FROM bookings b
      WHERE b.resource_id = ANY(${resources}) AND b.cancelled_at IS NULL
        AND b.during && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
      UNION ALL
      SELECT unnest(${p.seriesBusy ?? "{}"}::tstzmultirange)
    ),
    gaps AS (
      SELECT unnest(${p.open}::tstzmultirange - coalesce((SELECT range_agg(r) FROM busy), '{}'::tstzmultirange)) AS gap
    ),
    starts AS (
      SELECT to_timestamp((ceil(extract(epoch FROM lower(gap)) / ${step}::int) * ${step}::int)::float8) AS start_at, upper(gap) AS gap_end FROM gaps
    )
    SELECT start_at, start_at + make_interval(mins => ${p.durationMinutes}::int) AS end_at
    FROM starts
    WHERE start_at + make_interval(mins => ${p.durationMinutes}::int) <= gap_end
    ORDER BY start_at
    LIMIT ${p.limit}::int`;
}

/**
 * The first free slots of the wanted length in the window when every chosen person and every
 * chosen resource is free: at most one per free gap (its earliest start on the quarter-hour
 * grid), earliest first. With `workingHoursOnly`, only within the working week's days and hours
 * (the organisation's, without its days off), read in the organiser's zone, so the proposal is
 * what the organiser reads as "working hours" whatever the server's or the attendees' zones.
 *
 * All-day entries make their person busy for the whole day in that person's own zone (a day off
 * in Tokyo is a Tokyo day). Private entries are busy like any other; declined invitations are not.
 */
export async function findFreeSlots(db: DbOrTx, viewer: Viewer, request: FinderRequest, at: Date = clockNow()): Promise<FreeSlot[]> {
  const checked = checkFinderRequest(request, at);
  await checkAllowed(db, viewer, checked.people, checked.resources);
  const open = checked.workingHoursOnly
    ? workingWindows(checked.from, checked.to, (await escalationSettings(db)).schedule, viewer.timeZone)
    : [{ start: checked.from, end: checked.to }];
  if (!open.length) return [];
  const seriesBusy = await seriesBusyOf(db, checked.people, { from: checked.from, to: checked.to });
  const rows = await preparedRows<{ start_at: Date | string; end_at: Date | string }>(
    db,
    finderQuery({ ...checked, open: multirange(open), stepMinutes: FINDER_LIMITS.stepMinutes, seriesBusy: multirange(seriesBusy) }),
  );
  return rows.map((r) => ({ start: instantIso(r.start_at), end: instantIso(r.end_at) }));
}
