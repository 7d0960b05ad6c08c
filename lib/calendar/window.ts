import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, not, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntries, calendarEntryAttendees, calendars, tasks, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { visibleTo } from "@/lib/tasks/access";
import { addCalendarDays } from "@/lib/time/calendar-date";
import { localDateOf } from "@/lib/time/zoned";
import { editsSql, masked, seesDetailsSql, type EntryColumns } from "./access";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_PEOPLE_IN_VIEW, MAX_TIMED_ENTRY_DAYS, MAX_WINDOW_DAYS } from "./limits";
import type { AttendeeResponse, CalendarItem, CalendarWindow, DueMarker, EntryVisibility } from "./types";

const DAY = 86_400_000;

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
}

/**
 * Everything the people shown have in a window, as the viewer may see it: entries in their own
 * calendars and those they are invited to (one row per person, so lanes and declined marks come
 * straight from it), and their tasks due in the window that the viewer may see.
 *
 * One query for the entries of all people shown (not one per person); private details are
 * masked inside it, so no caller can forget to.
 */
export async function calendarWindow(db: DbOrTx, viewer: Viewer, request: WindowRequest): Promise<CalendarWindow> {
  checkWindow(request);
  const peopleIds = request.people.length ? [...new Set(request.people)] : [viewer.id];
  const [people, entries, dueTasks] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, peopleIds)),
    entriesOf(db, viewer, peopleIds, request),
    dueMarkersOf(db, viewer, peopleIds, request),
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

/** The overlap of an entry with [from, to): instants for timed entries, the viewer's local dates for all-day ones. */
function overlapsWindow(request: WindowRequest, timeZone: string): SQL {
  const fromDate = localDateOf(request.from, timeZone);
  const toDate = addCalendarDays(localDateOf(new Date(request.to.getTime() - 1), timeZone), 1);
  const e = calendarEntries;
  return sql`((${not(e.allDay)} AND ${gte(e.startsAt, new Date(request.from.getTime() - MAX_TIMED_ENTRY_DAYS * DAY))} AND ${lt(e.startsAt, request.to)} AND ${gt(e.endsAt, request.from)})
    OR (${e.allDay} AND ${gte(e.startDate, addCalendarDays(fromDate, -MAX_ALL_DAY_ENTRY_DAYS))} AND ${lt(e.startDate, toDate)} AND ${gt(e.endDate, fromDate)}))`;
}

interface EntryRow {
  id: string;
  personId: string;
  ownerId: string;
  visibility: EntryVisibility;
  allDay: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  startDate: string | null;
  endDate: string | null;
  title: string | null;
  location: string | null;
  response: AttendeeResponse | null;
  sees: boolean;
  canEdit: boolean;
}

async function entriesOf(db: DbOrTx, viewer: Viewer, peopleIds: string[], request: WindowRequest): Promise<CalendarItem[]> {
  const e = calendarEntries;
  const columns: EntryColumns = { entryId: e.id, ownerId: calendars.userId, visibility: e.visibility };
  const sees = seesDetailsSql(columns, viewer.id);
  const shape = (personId: SQL | typeof calendars.userId, response: SQL) => ({
    id: e.id,
    personId: sql<string>`${personId}`.as("person_id"),
    ownerId: calendars.userId,
    visibility: e.visibility,
    allDay: e.allDay,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    startDate: e.startDate,
    endDate: e.endDate,
    title: masked<string>(sees, e.title).as("title"),
    location: masked<string>(sees, e.location).as("location"),
    response: sql<AttendeeResponse | null>`${response}`.as("response"),
    sees: sql<boolean>`${sees}`.as("sees"),
    canEdit: sql<boolean>`${editsSql(columns, viewer.id)}`.as("can_edit"),
  });
  const overlap = overlapsWindow(request, viewer.timeZone);
  const own = db
    .select(shape(calendars.userId, sql`NULL::attendee_response`))
    .from(e)
    .innerJoin(calendars, eq(calendars.id, e.calendarId))
    .where(and(inArray(calendars.userId, peopleIds), isNull(e.cancelledAt), overlap));
  const invited = db
    .select(shape(sql`${calendarEntryAttendees.userId}`, sql`${calendarEntryAttendees.response}`))
    .from(calendarEntryAttendees)
    .innerJoin(e, eq(e.id, calendarEntryAttendees.entryId))
    .innerJoin(calendars, eq(calendars.id, e.calendarId))
    // The owner listed as an attendee of their own entry is shown once, as the owner.
    .where(and(inArray(calendarEntryAttendees.userId, peopleIds), ne(calendarEntryAttendees.userId, calendars.userId), isNull(e.cancelledAt), overlap));
  const rows: EntryRow[] = await own.unionAll(invited);
  return rows.map(toItem).sort(byStart);
}

function toItem(row: EntryRow): CalendarItem {
  const common = {
    kind: "entry" as const,
    id: row.id,
    personId: row.personId,
    ownerId: row.ownerId,
    masked: !row.sees,
    visibility: row.visibility,
    title: row.sees ? row.title : null,
    location: row.sees ? row.location : null,
    response: row.response,
    canEdit: row.canEdit,
  };
  return row.allDay
    ? { ...common, allDay: true, startDate: row.startDate!, endDate: row.endDate! }
    : { ...common, allDay: false, start: row.startsAt!.toISOString(), end: row.endsAt!.toISOString() };
}

function byStart(a: CalendarItem, b: CalendarItem): number {
  const key = (i: CalendarItem) => (i.allDay ? i.startDate : i.start);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function dueMarkersOf(db: DbOrTx, viewer: Viewer, peopleIds: string[], request: WindowRequest): Promise<DueMarker[]> {
  const rows = await db
    .select({
      id: tasks.id,
      number: tasks.number,
      personId: tasks.assigneeId,
      title: tasks.title,
      priority: tasks.priority,
      dueAt: tasks.dueAt,
      status: tasks.status,
    })
    .from(tasks)
    .where(
      and(inArray(tasks.assigneeId, peopleIds), ne(tasks.status, "cancelled"), gte(tasks.dueAt, request.from), lt(tasks.dueAt, request.to), visibleTo(viewer)),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.number));
  return rows.map((t) => ({
    kind: "task",
    id: t.id,
    number: t.number,
    personId: t.personId,
    title: t.title,
    priority: t.priority,
    dueAt: t.dueAt!.toISOString(),
    done: t.status === "done",
  }));
}
