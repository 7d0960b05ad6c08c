import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntries, calendarEntryActivity, calendarEntryAttendees, calendarEntryGuests, calendars, cases, clients, users } from "@/db/schema";
import { NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Channel } from "@/lib/org/vocabulary";
import { peopleById } from "@/lib/tasks/references";
import { entryTimeOf } from "./entry-time";
import { editsSql, masked, relationSql, seesDetailsSql, type EntryColumns } from "./access";
import { remindersOfEntry } from "./reminders";
import type { AttendeeResponse, EntryTime, EntryVisibility } from "./types";
import { repeatOf, type Repeat } from "./repeat";
import type { Occurrence } from "./recurrence";
import { occurrencesOfRow, type RawSeriesColumns } from "./series-rows";
import { instantToWallClock } from "@/lib/time/zoned";

const DAY_MS = 86_400_000;

export interface EntryAttendee {
  id: string;
  name: string;
  response: AttendeeResponse;
}

/** Someone outside Baton invited by e-mail, and their answer. */
export interface EntryGuest {
  id: string;
  name: string | null;
  email: string;
  response: AttendeeResponse;
}

/** One of the entry's own reminders: a lead time in minutes before its start, or a moment (ISO). */
export interface EntryReminder {
  offsetMinutes: number | null;
  fireAt: string | null;
  channel: Channel | null;
}

export interface EntryHistoryRow {
  at: Date;
  actorName: string | null;
  kind: (typeof calendarEntryActivity.$inferSelect)["kind"];
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * An entry as the viewer may see it. When `masked`, every detail is null and the lists are
 * empty: the database returned only its time.
 */
export type EntryDetail = EntryTime & {
  id: string;
  owner: { id: string; name: string };
  masked: boolean;
  visibility: EntryVisibility;
  title: string | null;
  description: string | null;
  location: string | null;
  client: { id: string; name: string } | null;
  case: { id: string; number: number; title: string } | null;
  attendees: EntryAttendee[];
  guests: EntryGuest[];
  /** The viewer's own answer when invited. */
  myResponse: AttendeeResponse | null;
  /** The entry's own reminders; empty: each person's defaults (15 minutes before without any). */
  reminders: EntryReminder[];
  canEdit: boolean;
  sequence: number;
  history: EntryHistoryRow[];
  /** How a series repeats (null: a single entry, or details the viewer may not see); its time is the first occurrence's. */
  repeat: Repeat | null;
};

/** An entry's time as stored; `entryTimeOf` turns a row of them into an EntryTime. */
const timeColumns = {
  allDay: calendarEntries.allDay,
  startsAt: calendarEntries.startsAt,
  endsAt: calendarEntries.endsAt,
  startDate: calendarEntries.startDate,
  endDate: calendarEntries.endDate,
};

/** The entry page's read. A cancelled entry is gone for everyone. */
export async function entryForViewer(db: DbOrTx, viewer: Viewer, entryId: string): Promise<EntryDetail> {
  const e = calendarEntries;
  const columns: EntryColumns = { entryId: e.id, ownerId: calendars.userId, visibility: e.visibility };
  const sees = seesDetailsSql(columns, viewer.id);
  const [row] = await db
    .select({
      id: e.id,
      ownerId: calendars.userId,
      ownerName: users.name,
      visibility: e.visibility,
      ...timeColumns,
      sequence: e.sequence,
      cancelledAt: e.cancelledAt,
      recurrenceRule: e.recurrenceRule,
      recurrenceZone: e.recurrenceZone,
      recurrenceUntil: e.recurrenceUntil,
      recurrenceCount: e.recurrenceCount,
      sees: sql<boolean>`${sees}`,
      canEdit: sql<boolean>`${editsSql(columns, viewer.id)}`,
      isAttendee: sql<boolean>`${relationSql(columns, viewer.id).isAttendee}`,
      title: masked<string>(sees, e.title),
      description: masked<string>(sees, e.description),
      location: masked<string>(sees, e.location),
      clientId: masked<string>(sees, clients.id),
      clientName: masked<string>(sees, clients.name),
      caseId: masked<string>(sees, cases.id),
      caseNumber: masked<number>(sees, cases.number),
      caseTitle: masked<string>(sees, cases.title),
    })
    .from(e)
    .innerJoin(calendars, eq(calendars.id, e.calendarId))
    .innerJoin(users, eq(users.id, calendars.userId))
    .leftJoin(clients, eq(clients.id, e.clientId))
    .leftJoin(cases, eq(cases.id, e.caseId))
    .where(eq(e.id, entryId));
  if (!row || row.cancelledAt) throw new NotFound("calendar.errors.entryNotFound");

  const [attendees, guests, history, reminders] = row.sees
    ? await Promise.all([attendeesOf(db, entryId), guestsOf(db, entryId), historyOf(db, entryId), remindersOfEntry(db, entryId)])
    : [[], [], [], []];
  const time = entryTimeOf(row);
  return {
    ...time,
    id: row.id,
    owner: { id: row.ownerId, name: row.ownerName },
    masked: !row.sees,
    visibility: row.visibility,
    title: row.title,
    description: row.description,
    location: row.location,
    client: row.clientId ? { id: row.clientId, name: row.clientName! } : null,
    case: row.caseId ? { id: row.caseId, number: row.caseNumber!, title: row.caseTitle! } : null,
    attendees,
    guests,
    myResponse: row.isAttendee ? (attendees.find((a) => a.id === viewer.id)?.response ?? null) : null,
    reminders: reminders.map((r) => ({ offsetMinutes: r.offsetMinutes, fireAt: r.fireAt?.toISOString() ?? null, channel: r.channel })),
    canEdit: row.canEdit,
    sequence: row.sequence,
    history,
    repeat:
      row.sees && row.recurrenceRule && row.recurrenceZone ? repeatOf(row.recurrenceRule, row.recurrenceUntil, row.recurrenceCount, row.recurrenceZone) : null,
  };
}

async function attendeesOf(db: DbOrTx, entryId: string): Promise<EntryAttendee[]> {
  return db
    .select({ id: users.id, name: users.name, response: calendarEntryAttendees.response })
    .from(calendarEntryAttendees)
    .innerJoin(users, eq(users.id, calendarEntryAttendees.userId))
    .where(eq(calendarEntryAttendees.entryId, entryId))
    .orderBy(asc(users.name));
}

async function guestsOf(db: DbOrTx, entryId: string): Promise<EntryGuest[]> {
  return db
    .select({ id: calendarEntryGuests.id, name: calendarEntryGuests.name, email: calendarEntryGuests.email, response: calendarEntryGuests.response })
    .from(calendarEntryGuests)
    .where(eq(calendarEntryGuests.entryId, entryId))
    .orderBy(asc(calendarEntryGuests.createdAt), asc(calendarEntryGuests.email));
}

async function historyOf(db: DbOrTx, entryId: string): Promise<EntryHistoryRow[]> {
  const rows = await db
    .select({
      at: calendarEntryActivity.createdAt,
      actorId: calendarEntryActivity.actorId,
      kind: calendarEntryActivity.kind,
      field: calendarEntryActivity.field,
      oldValue: calendarEntryActivity.oldValue,
      newValue: calendarEntryActivity.newValue,
      comment: calendarEntryActivity.comment,
    })
    .from(calendarEntryActivity)
    .where(eq(calendarEntryActivity.entryId, entryId))
    .orderBy(asc(calendarEntryActivity.id));
  const names = await peopleById(
    db,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  // A guest who answered through their link is no colleague: the row names them in its comment.
  return rows.map(({ actorId, comment, ...r }) => ({
    ...r,
    actorName: actorId ? (names.get(actorId)?.name ?? null) : r.field === "guest" && r.kind === "answered" ? comment : null,
  }));
}

export type RelatedEntry = EntryTime & {
  id: string;
  title: string;
  location: string | null;
  ownerName: string;
  visibility: EntryVisibility;
  /** For an occurrence of a series: how the series repeats, and its first occurrence's local date (it names the day). */
  series: { repeat: Repeat; startDate: string } | null;
};

/** How far from now a client's or case's page looks for a series' next and last occurrences. */
const SERIES_REACH_DAYS = 400;

/**
 * A client's or a case's entries for its page: the next ones and the latest past ones. A series
 * counts once on each side, as its next and its latest occurrence (an occurrence moved, retitled or
 * deleted alone as it now is). A private entry the viewer may not see is left out entirely: even
 * as "Busy" it would tell them whom it is with.
 */
export async function entriesAbout(
  db: DbOrTx,
  viewer: Viewer,
  about: { clientId: string } | { caseId: string },
  now: Date,
  limit = 10,
): Promise<{ upcoming: RelatedEntry[]; past: RelatedEntry[] }> {
  const e = calendarEntries;
  const sees = seesDetailsSql({ entryId: e.id, ownerId: calendars.userId, visibility: e.visibility }, viewer.id);
  // All-day entries count from the start of their first day in UTC: close enough to sort by.
  const startKey = sql`coalesce(${e.startsAt}, ${e.startDate}::timestamp AT TIME ZONE 'UTC')`;
  const endKey = sql`coalesce(${e.endsAt}, ${e.endDate}::timestamp AT TIME ZONE 'UTC')`;
  const base = () =>
    db
      .select({
        id: e.id,
        title: e.title,
        location: e.location,
        visibility: e.visibility,
        ...timeColumns,
        ownerName: users.name,
      })
      .from(e)
      .innerJoin(calendars, eq(calendars.id, e.calendarId))
      .innerJoin(users, eq(users.id, calendars.userId));
  const scope = and("clientId" in about ? eq(e.clientId, about.clientId) : eq(e.caseId, about.caseId), isNull(e.cancelledAt), sees);
  const single = and(scope, isNull(e.recurrenceRule));
  const reach = { from: new Date(now.getTime() - SERIES_REACH_DAYS * DAY_MS), to: new Date(now.getTime() + SERIES_REACH_DAYS * DAY_MS) };
  const [upcoming, past, seriesRows] = await Promise.all([
    base()
      .where(and(single, sql`${endKey} > ${now.toISOString()}::timestamptz`))
      .orderBy(asc(startKey), asc(e.id))
      .limit(limit),
    base()
      .where(and(single, sql`${endKey} <= ${now.toISOString()}::timestamptz`))
      .orderBy(desc(startKey), asc(e.id))
      .limit(limit),
    db
      .select({
        id: e.id,
        title: e.title,
        location: e.location,
        visibility: e.visibility,
        ownerName: users.name,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        recurrenceRule: e.recurrenceRule,
        recurrenceZone: e.recurrenceZone,
        recurrenceUntil: e.recurrenceUntil,
        recurrenceCount: e.recurrenceCount,
        overrides: sql<RawSeriesColumns["overrides"]>`(SELECT json_agg(json_build_object('recurrence_id', o.recurrence_id, 'cancelled', o.cancelled,
            'starts_at', o.starts_at, 'ends_at', o.ends_at, 'title', o.title, 'location', o.location, 'description', o.description))
          FROM calendar_occurrence_overrides o WHERE o.entry_id = ${e.id})`,
      })
      .from(e)
      .innerJoin(calendars, eq(calendars.id, e.calendarId))
      .innerJoin(users, eq(users.id, calendars.userId))
      .where(
        and(
          scope,
          isNotNull(e.recurrenceRule),
          eq(e.allDay, false),
          sql`${e.startsAt} < ${reach.to.toISOString()}::timestamptz`,
          sql`(${e.seriesEndsAt} IS NULL OR ${e.seriesEndsAt} > ${reach.from.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(asc(e.startsAt), asc(e.id))
      .limit(limit * 5),
  ]);
  const toRelated = (r: (typeof upcoming)[number]): RelatedEntry => {
    const common = { id: r.id, title: r.title, location: r.location, ownerName: r.ownerName, visibility: r.visibility, series: null };
    return { ...common, ...entryTimeOf(r) };
  };
  const next: RelatedEntry[] = [];
  const last: RelatedEntry[] = [];
  for (const row of seriesRows) {
    const occurrences = occurrencesOfRow(
      {
        starts_at: row.startsAt,
        ends_at: row.endsAt,
        recurrence_rule: row.recurrenceRule,
        recurrence_zone: row.recurrenceZone,
        recurrence_until: row.recurrenceUntil,
        recurrence_count: row.recurrenceCount,
        overrides: row.overrides,
      },
      reach,
    );
    const repeat = repeatOf(row.recurrenceRule!, row.recurrenceUntil, row.recurrenceCount, row.recurrenceZone!);
    const series = repeat ? { repeat, startDate: instantToWallClock(row.startsAt!, row.recurrenceZone!).slice(0, 10) } : null;
    const item = (o: Occurrence): RelatedEntry => ({
      id: row.id,
      title: o.override?.title ?? row.title,
      location: o.override?.location ?? row.location,
      ownerName: row.ownerName,
      visibility: row.visibility,
      series,
      allDay: false,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
    });
    const coming = occurrences.find((o) => o.end > now);
    const gone = occurrences.filter((o) => o.end <= now).at(-1);
    if (coming) next.push(item(coming));
    if (gone) last.push(item(gone));
  }
  const startOf = (r: RelatedEntry) => (r.allDay ? `${r.startDate}T00:00:00.000Z` : r.start);
  return {
    upcoming: [...upcoming.map(toRelated), ...next].sort((a, b) => startOf(a).localeCompare(startOf(b))).slice(0, limit),
    past: [...past.map(toRelated), ...last].sort((a, b) => startOf(b).localeCompare(startOf(a))).slice(0, limit),
  };
}
