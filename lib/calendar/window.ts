import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { calendarEntries, calendarEntryAttendees, calendarGrants, calendars, tasks, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleTo } from "@/lib/tasks/access";
import { addCalendarDays } from "@/lib/time/calendar-date";
import { localDateOf } from "@/lib/time/zoned";
import { editsFrom, seesDetailsFrom } from "./access";
import { invitedToSeriesBefore, noSeriesColumns, notSeries, occurrencesOfRow, seriesColumns, seriesReach, type RawSeriesColumns } from "./series-rows";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_PEOPLE_IN_VIEW, MAX_TIMED_ENTRY_DAYS, MAX_WINDOW_DAYS } from "./limits";
import type { AttendeeResponse, CalendarItem, CalendarWindow, DueMarker, EntryVisibility } from "./types";
import { instantIso } from "@/lib/time/instant-text";

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WindowRequest {
  /** Whose calendars, in the order shown; empty means the viewer's own. */
  people: string[];
  from: Date;
  to: Date;
}

/** Refuses a window no view asks for, before any query runs. */
export function checkWindow(request: WindowRequest): void {
  const { from, to, people } = request;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) throw new Invalid("calendar.errors.badWindow");
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) throw new Invalid("calendar.errors.windowTooWide");
  if (people.length > MAX_PEOPLE_IN_VIEW) throw new Invalid("calendar.errors.tooManyPeople");
  // The ids travel to the database as one array literal: anything but a uuid stops here.
  if (people.some((id) => !UUID.test(id))) throw new Invalid("calendar.errors.personUnknown");
}

/**
 * Everything the people shown have in a window, as the viewer may see it: entries in their own
 * calendars and those they are invited to (one row per person, so lanes and declined marks come
 * straight from it), and their tasks due in the window that the viewer may see.
 *
 * One query for the single entries of all people shown and one for their series (not one per
 * person); private details are masked inside them, so no caller can forget to.
 */
export async function calendarWindow(db: DbOrTx, viewer: Viewer, request: WindowRequest): Promise<CalendarWindow> {
  checkWindow(request);
  const peopleIds = request.people.length ? [...new Set(request.people)] : [viewer.id];
  // The ids travel as one array parameter, so each statement's text (and its cached plan) is the same whoever is shown.
  const ids = sql`${`{${peopleIds.join(",")}}`}::uuid[]`;
  const [people, entries, dueTasks] = await Promise.all([
    preparedRows<{ id: string; name: string }>(db, sql`SELECT ${users.id} AS id, ${users.name} AS name FROM ${users} WHERE ${users.id} = ANY(${ids})`),
    entriesOf(db, viewer, ids, request),
    dueMarkersOf(db, viewer, ids, request),
  ]);
  const order = new Map(peopleIds.map((id, i) => [id, i]));
  people.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const known = new Set(people.map((p) => p.id));
  return {
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    people,
    entries: entries.filter((e) => known.has(e.personId)),
    tasks: dueTasks,
  };
}

/**
 * The overlap of an entry with [from, to), split by kind so each arm of the query matches one
 * partial index: instants for timed entries, the viewer's local dates for all-day ones. `start`
 * is the indexed copy of the entry's start (its own column, or its attendee rows' copy); the
 * lower bound on it follows from the longest entry allowed.
 */
function windowBounds(request: WindowRequest, timeZone: string) {
  const fromDate = localDateOf(request.from, timeZone);
  return {
    earliestStart: new Date(request.from.getTime() - MAX_TIMED_ENTRY_DAYS * DAY),
    fromDate,
    earliestStartDate: addCalendarDays(fromDate, -MAX_ALL_DAY_ENTRY_DAYS),
    toDate: addCalendarDays(localDateOf(new Date(request.to.getTime() - 1), timeZone), 1),
  };
}

interface RawEntryRow extends RawSeriesColumns {
  id: string;
  person_id: string;
  owner_id: string;
  visibility: EntryVisibility;
  all_day: boolean;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  start_date: string | null;
  end_date: string | null;
  title: string | null;
  location: string | null;
  response: AttendeeResponse | null;
  /** An attendee's answers to single occurrences of a series: RECURRENCE-ID in epoch milliseconds → answer. */
  occurrence_answers: Record<string, AttendeeResponse> | string | null;
  sees: boolean;
  can_edit: boolean;
}

/**
 * Four arms of single entries, each one index range per person (own timed, own all-day, invited
 * timed, invited all-day: the partial indexes of db/schema/calendar.ts), and two of series (own,
 * invited), then the viewer's rights decided once per row by the rules of access.ts, and the
 * details of rows they may not see replaced by NULL in the database.
 */
async function entriesOf(db: DbOrTx, viewer: Viewer, people: SQL, request: WindowRequest): Promise<CalendarItem[]> {
  const b = windowBounds(request, viewer.timeZone);
  const from = request.from.toISOString();
  const to = request.to.toISOString();
  const earliest = b.earliestStart.toISOString();
  const columns = "e.id, e.visibility, e.all_day, e.starts_at, e.ends_at, e.start_date, e.end_date, e.title, e.location";
  const timed = sql`NOT e.all_day AND e.cancelled_at IS NULL AND e.ends_at > ${from}::timestamptz AND ${notSeries}`;
  const allDay = sql`e.all_day AND e.cancelled_at IS NULL AND e.end_date > ${b.fromDate}::date`;
  // The viewer's relation to each row from two joins, not per-row subqueries: one pass over the rows.
  const relation = {
    isOwner: sql<boolean>`(r.owner_id = ${viewer.id}::uuid)`,
    isAttendee: sql<boolean>`(me.user_id IS NOT NULL)`,
    grantEdit: sql<boolean>`coalesce(g.can_edit, false)`,
    grantSeePrivate: sql<boolean>`coalesce(g.can_see_private, false)`,
  };
  // Single entries and series as two statements, so the database reads both at once and the series
  // are expanded while the single entries are still on their way.
  const withRights = (arms: SQL) => sql`
    WITH r AS (
${arms}
    )
    SELECT r.id, r.person_id, r.owner_id, r.response, r.occurrence_answers, r.visibility, r.all_day, r.starts_at, r.ends_at, r.start_date::text AS start_date, r.end_date::text AS end_date,
      CASE WHEN v.sees THEN r.title END AS title, CASE WHEN v.sees THEN r.location END AS location, v.sees, v.can_edit,
      r.recurrence_rule, r.recurrence_zone, r.recurrence_until, r.recurrence_count, r.overrides
    FROM r
    LEFT JOIN ${calendarGrants} g ON g.owner_id = r.owner_id AND g.grantee_id = ${viewer.id}::uuid
    LEFT JOIN ${calendarEntryAttendees} me ON me.entry_id = r.id AND me.user_id = ${viewer.id}::uuid
    CROSS JOIN LATERAL (SELECT ${seesDetailsFrom(sql`r.visibility`, relation)} AS sees, ${editsFrom(sql`r.visibility`, relation)} AS can_edit) v`;
  const [singles, series] = await Promise.all([
    preparedRows<RawEntryRow>(
      db,
      withRights(sql`
      SELECT ${sql.raw(columns)}, c.user_id AS person_id, c.user_id AS owner_id, NULL::attendee_response AS response, NULL::json AS occurrence_answers, ${noSeriesColumns}
      FROM ${calendarEntries} e JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${people}) AND e.starts_at >= ${earliest}::timestamptz AND e.starts_at < ${to}::timestamptz AND ${timed}
      UNION ALL
      SELECT ${sql.raw(columns)}, c.user_id, c.user_id, NULL::attendee_response, NULL::json, ${noSeriesColumns}
      FROM ${calendarEntries} e JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${people}) AND e.start_date >= ${b.earliestStartDate}::date AND e.start_date < ${b.toDate}::date AND ${allDay}
      UNION ALL
      SELECT ${sql.raw(columns)}, a.user_id, c.user_id, a.response, NULL::json, ${noSeriesColumns}
      FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE a.user_id = ANY(${people}) AND a.user_id <> c.user_id
        AND a.starts_at >= ${earliest}::timestamptz AND a.starts_at < ${to}::timestamptz AND ${timed}
      UNION ALL
      SELECT ${sql.raw(columns)}, a.user_id, c.user_id, a.response, NULL::json, ${noSeriesColumns}
      FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE a.user_id = ANY(${people}) AND a.user_id <> c.user_id
        AND a.start_date >= ${b.earliestStartDate}::date AND a.start_date < ${b.toDate}::date AND ${allDay}
      `),
    ),
    preparedRows<RawEntryRow>(
      db,
      withRights(sql`
      -- Series in the owner's calendar and in their attendees', expanded below over the window only.
      SELECT ${sql.raw(columns)}, c.user_id AS person_id, c.user_id AS owner_id, NULL::attendee_response AS response, NULL::json AS occurrence_answers, ${seriesColumns}
      FROM ${calendarEntries} e JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${people}) AND ${seriesReach(from, to)}
      UNION ALL
      SELECT ${sql.raw(columns)}, a.user_id, c.user_id, a.response,
        (SELECT json_object_agg((extract(epoch FROM oa.recurrence_id) * 1000)::bigint::text, oa.response)
          FROM calendar_occurrence_answers oa WHERE oa.entry_id = e.id AND oa.user_id = a.user_id),
        ${seriesColumns}
      FROM ${calendarEntryAttendees} a JOIN ${calendarEntries} e ON e.id = a.entry_id JOIN ${calendars} c ON c.id = e.calendar_id
      WHERE a.user_id = ANY(${people}) AND ${invitedToSeriesBefore(to)} AND a.user_id <> c.user_id AND ${seriesReach(from, to)}
      `),
    ).then((rows) => rows.flatMap((row) => occurrenceItems(row, request))),
  ]);
  // In order of start (an all-day entry's date, a timed one's ISO instant: text that sorts as time does), then id and
  // occurrence, compared field by field: no key is built for each of the hundreds of rows a page load reads.
  const items = singles.map(toItem);
  for (const occurrence of series) items.push(occurrence);
  return items.sort(byStart);
}

/**
 * A series' occurrences in the window, one item each. An occurrence's own title and place show
 * only to a viewer who sees the series' details: a private series' overrides stay private.
 */
function occurrenceItems(row: RawEntryRow, window: WindowRequest): CalendarItem[] {
  const series = toItem(row);
  if (series.allDay) return [];
  const answers =
    typeof row.occurrence_answers === "string" ? (JSON.parse(row.occurrence_answers) as Record<string, AttendeeResponse>) : row.occurrence_answers;
  return occurrencesOfRow(row, window).map((o) => ({
    ...series,
    // An attendee's answer to this occurrence, where they gave one, else to the series.
    response: answers?.[String(o.recurrenceId.getTime())] ?? series.response,
    title: row.sees ? (o.override?.title ?? row.title) : null,
    location: row.sees ? (o.override?.location ?? row.location) : null,
    start: o.start.toISOString(),
    end: o.end.toISOString(),
    recurrenceId: o.recurrenceId.toISOString(),
  }));
}

function toItem(row: RawEntryRow): CalendarItem {
  const sees = row.sees;
  return row.all_day
    ? {
        kind: "entry",
        id: row.id,
        personId: row.person_id,
        ownerId: row.owner_id,
        masked: !sees,
        visibility: row.visibility,
        title: sees ? row.title : null,
        location: sees ? row.location : null,
        response: row.response,
        canEdit: row.can_edit,
        recurrenceId: null,
        allDay: true,
        startDate: row.start_date!,
        endDate: row.end_date!,
      }
    : {
        kind: "entry",
        id: row.id,
        personId: row.person_id,
        ownerId: row.owner_id,
        masked: !sees,
        visibility: row.visibility,
        title: sees ? row.title : null,
        location: sees ? row.location : null,
        response: row.response,
        canEdit: row.can_edit,
        recurrenceId: null,
        allDay: false,
        start: instantIso(row.starts_at!),
        end: instantIso(row.ends_at!),
      };
}

function byStart(a: CalendarItem, b: CalendarItem): number {
  return compareText(startOf(a), startOf(b)) || compareText(a.id, b.id) || compareText(a.recurrenceId ?? "", b.recurrenceId ?? "");
}

function startOf(item: CalendarItem): string {
  return item.allDay ? item.startDate : item.start;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface RawDueRow {
  id: string;
  number: number;
  person_id: string;
  title: string;
  priority: DueMarker["priority"];
  due_at: Date | string;
  status: string;
}

/** The shown people's tasks due in the window that the viewer may see, as one prepared statement (the lists' own visibility rule). */
async function dueMarkersOf(db: DbOrTx, viewer: Viewer, people: SQL, request: WindowRequest): Promise<DueMarker[]> {
  const rows = await preparedRows<RawDueRow>(
    db,
    sql`SELECT ${tasks.id} AS id, ${tasks.number} AS number, ${tasks.assigneeId} AS person_id, ${tasks.title} AS title,
        ${tasks.priority} AS priority, ${tasks.dueAt} AS due_at, ${tasks.status} AS status
      FROM ${tasks}
      WHERE ${tasks.assigneeId} = ANY(${people}) AND ${tasks.status} <> 'cancelled'
        AND ${tasks.dueAt} >= ${request.from.toISOString()}::timestamptz AND ${tasks.dueAt} < ${request.to.toISOString()}::timestamptz
        AND ${visibleTo(viewer) ?? sql`true`}
      ORDER BY ${tasks.dueAt}, ${tasks.number}`,
  );
  return rows.map((t) => ({
    kind: "task",
    id: t.id,
    number: t.number,
    personId: t.person_id,
    title: t.title,
    priority: t.priority,
    dueAt: instantIso(t.due_at),
    done: t.status === "done",
  }));
}
