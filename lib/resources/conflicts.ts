import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { Conflict } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { DEFAULT_SCHEDULE } from "@/lib/reminders/working-time";
import type { BookingParty } from "./policy";
import { MAX_ALTERNATIVES, type ResourceKind } from "./types";

export interface WantedSlot {
  resource: { id: string; name: string; kind: string; location: string | null };
  start: Date;
  end: Date;
  /** A booking being moved: it does not stand in its own way. */
  exceptBookingId?: string;
  /** Whom the booking is for, as the department rule reads it (a meeting's organiser); the viewer when not given. */
  party?: BookingParty;
}

/** What a conflict tells the person: who holds the time (null where the entry is private) and what is free instead. */
export interface ConflictDetails {
  /** The resource refused (an entry with several names the one in the way). */
  resource: { id: string; name: string };
  occupant: { bookedBy: string | null; start: string; end: string } | null;
  alternatives: { id: string; name: string }[];
  nextFree: { start: string; end: string } | null;
}

type Row = Record<string, unknown>;
const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

/** Live bookings `b` of the wanted resource in the way of the wanted time (a booking being moved is not). */
const inTheWay = (wanted: WantedSlot) => sql`b.resource_id = ${wanted.resource.id} AND b.cancelled_at IS NULL
      AND b.during && tstzrange(${wanted.start.toISOString()}::timestamptz, ${wanted.end.toISOString()}::timestamptz, '[)')
      ${wanted.exceptBookingId ? sql`AND b.id <> ${wanted.exceptBookingId}` : sql``}`;

/**
 * Active resources of the same kind and location, free for the whole wanted time, that the
 * viewer may book and whose rules allow it (longest booking; bookable hours, read as wall-clock
 * times in the organisation's zone as lib/resources/rules.ts reads them), as a JSON array of {id, name}.
 */
function alternativesSql(
  wanted: WantedSlot,
  viewer: BookingParty,
  of: { kind: SQL; location: SQL } = { kind: sql`${wanted.resource.kind}`, location: sql`${wanted.resource.location}` },
) {
  const minutes = (wanted.end.getTime() - wanted.start.getTime()) / 60_000;
  const [start, end] = [wanted.start.toISOString(), wanted.end.toISOString()];
  return sql`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY lower(a.name)), '[]'::json) FROM (
    SELECT r.id, r.name
    FROM resources r
    CROSS JOIN (SELECT coalesce((SELECT time_zone FROM work_schedule WHERE id = 1), ${DEFAULT_SCHEDULE.timeZone}) AS zone) z
    WHERE r.kind::text = ${of.kind} AND r.location IS NOT DISTINCT FROM ${of.location}
      AND r.id <> ${wanted.resource.id} AND r.retired_at IS NULL
      AND (r.max_booking_minutes IS NULL OR r.max_booking_minutes >= ${minutes}::float8)
      AND (r.bookable_from IS NULL OR (
        timezone(z.zone, ${start}::timestamptz) >= date_trunc('day', timezone(z.zone, ${start}::timestamptz)) + r.bookable_from::interval
        AND timezone(z.zone, ${end}::timestamptz) <= date_trunc('day', timezone(z.zone, ${start}::timestamptz)) + r.bookable_until::interval))
      AND (NOT r.departments_only OR ${viewer.role === "admin"}::boolean
        OR EXISTS (SELECT 1 FROM resource_departments d WHERE d.resource_id = r.id AND d.department_id = ${viewer.departmentId}::uuid))
      AND NOT EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.resource_id = r.id AND b.cancelled_at IS NULL
          AND b.during && tstzrange(${wanted.start.toISOString()}::timestamptz, ${wanted.end.toISOString()}::timestamptz, '[)'))
    ORDER BY lower(r.name)
    LIMIT ${MAX_ALTERNATIVES}) a)`;
}

/**
 * The earliest start at or after the wanted one from which this resource is free for the same
 * length: the wanted start itself or the end of one of its bookings, whichever comes first with
 * no live booking in the way.
 */
function nextFreeSql(wanted: WantedSlot) {
  const length = wanted.end.getTime() - wanted.start.getTime();
  const start = wanted.start.toISOString();
  return sql`(WITH busy AS (
      SELECT lower(b.during) AS s, upper(b.during) AS e
      FROM bookings b
      WHERE b.resource_id = ${wanted.resource.id} AND b.cancelled_at IS NULL AND upper(b.during) > ${start}::timestamptz
        ${wanted.exceptBookingId ? sql`AND b.id <> ${wanted.exceptBookingId}` : sql``}
    ), candidates AS (
      SELECT ${start}::timestamptz AS c
      UNION SELECT e FROM busy
    )
    SELECT min(c)
    FROM candidates
    WHERE NOT EXISTS (
      SELECT 1 FROM busy WHERE busy.s < candidates.c + ${length / 1000}::float8 * interval '1 second' AND busy.e > candidates.c))`;
}

/**
 * The refusal of the wanted time if a live booking holds (part of) it, else null: when and by whom
 * (or "busy" where the entry is private), with free alternatives and the next free slot. One
 * statement: the alternatives and the next free slot are worked out only when the time is taken.
 * `always` builds the refusal even when no booking is found (the database refused a write, and
 * the booking that won has been cancelled since): "taken a moment ago".
 */
export async function conflictAt(db: DbOrTx, wanted: WantedSlot, viewer: Viewer, always = false): Promise<Conflict | null> {
  const [row] = await preparedRows<Row>(
    db,
    sql`
    WITH occupant AS (
      SELECT b.starts_at, b.ends_at, b.booked_by_id, u.name AS booker, e.visibility
      FROM bookings b
      JOIN users u ON u.id = b.booked_by_id
      LEFT JOIN calendar_entries e ON e.id = b.entry_id
      WHERE ${inTheWay(wanted)}
      ORDER BY b.starts_at
      LIMIT 1
    )
    SELECT o.starts_at, o.ends_at, o.booked_by_id, o.booker, o.visibility,
      ${alternativesSql(wanted, wanted.party ?? viewer)} AS alternatives,
      ${nextFreeSql(wanted)} AS free_from
    FROM (SELECT 1) one LEFT JOIN occupant o ON true
    WHERE ${always}::boolean OR o.starts_at IS NOT NULL`,
  );
  if (!row) return null;
  return conflictFrom(row, wanted, viewer);
}

/** The Conflict a row of conflictAt's columns (occupant, alternatives, free_from) tells. */
function conflictFrom(row: Row, wanted: WantedSlot, viewer: Viewer): Conflict {
  const alternatives = (typeof row.alternatives === "string" ? JSON.parse(row.alternatives) : row.alternatives) as ConflictDetails["alternatives"];
  const length = wanted.end.getTime() - wanted.start.getTime();
  const from = row.free_from ? new Date(row.free_from as string | Date) : null;
  const nextFree = from ? { start: from.toISOString(), end: new Date(from.getTime() + length).toISOString() } : null;
  const hidden = row.visibility === "private" && row.booked_by_id !== viewer.id;
  const occupant = row.starts_at ? { bookedBy: hidden ? null : String(row.booker), start: iso(row.starts_at), end: iso(row.ends_at) } : null;
  const details: ConflictDetails = { resource: { id: wanted.resource.id, name: wanted.resource.name }, occupant, alternatives, nextFree };
  if (!occupant) return new Conflict("resources.errors.takenJustNow").with({ resource: wanted.resource.name }, { ...details });
  const when = { from: formatInstantFor(new Date(occupant.start), viewer), to: formatInstantFor(new Date(occupant.end), viewer, "time") };
  return occupant.bookedBy === null
    ? new Conflict("resources.errors.takenBusy").with({ resource: wanted.resource.name, ...when }, { ...details })
    : new Conflict("resources.errors.taken").with({ resource: wanted.resource.name, bookedBy: occupant.bookedBy, ...when }, { ...details });
}

/** The refusal of a booking the database refused (see conflictAt): read after the refusal, so the booking that won is visible. */
export async function bookingConflict(db: DbOrTx, wanted: WantedSlot, viewer: Viewer): Promise<Conflict> {
  return (await conflictAt(db, wanted, viewer, true))!;
}

/** A resource as booking checks it (lib/resources/commands.ts checkMayBook and takeTime). */
export interface BookableResource {
  id: string;
  name: string;
  kind: ResourceKind;
  location: string | null;
  retiredAt: Date | null;
  departmentsOnly: boolean;
  maxBookingMinutes: number | null;
  bookableFrom: string | null;
  bookableUntil: string | null;
}

/** What one look tells about booking a resource for a time: the resource, who may book it, the organisation's zone, and the refusal if the time is taken. */
export interface BookingLook {
  resource: BookableResource;
  allowedDepartmentIds: string[];
  organisationZone: string;
  taken: Conflict | null;
}

/**
 * One prepared statement for everything a booking checks before it writes: the resource, the
 * departments that may book it, the organisation's zone, and (only when a committed booking holds
 * part of the time) the occupant with free alternatives and the next free slot. A refused
 * attempt costs one round trip and no transaction. Null when the resource does not exist.
 */
export async function lookBeforeBooking(db: DbOrTx, resourceId: string, range: { start: Date; end: Date }, viewer: Viewer): Promise<BookingLook | null> {
  const probe: WantedSlot = { resource: { id: resourceId, name: "", kind: "", location: null }, ...range };
  const [row] = await preparedRows<Row>(
    db,
    sql`
    WITH r0 AS (SELECT * FROM resources WHERE id = ${resourceId}::uuid), occupant AS (
      SELECT b.starts_at, b.ends_at, b.booked_by_id, u.name AS booker, e.visibility
      FROM bookings b
      JOIN users u ON u.id = b.booked_by_id
      LEFT JOIN calendar_entries e ON e.id = b.entry_id
      WHERE ${inTheWay(probe)}
      ORDER BY b.starts_at
      LIMIT 1
    )
    SELECT r0.id, r0.name, r0.kind, r0.location, r0.retired_at, r0.departments_only, r0.max_booking_minutes, r0.bookable_from, r0.bookable_until,
      coalesce((SELECT array_agg(d.department_id::text) FROM resource_departments d WHERE d.resource_id = r0.id), '{}') AS departments,
      coalesce((SELECT time_zone FROM work_schedule WHERE id = 1), ${DEFAULT_SCHEDULE.timeZone}) AS zone,
      o.starts_at, o.ends_at, o.booked_by_id, o.booker, o.visibility,
      CASE WHEN o.starts_at IS NOT NULL THEN ${alternativesSql(probe, viewer, { kind: sql`(SELECT kind::text FROM r0)`, location: sql`(SELECT location FROM r0)` })} END AS alternatives,
      CASE WHEN o.starts_at IS NOT NULL THEN ${nextFreeSql(probe)} END AS free_from
    FROM r0 LEFT JOIN occupant o ON true`,
  );
  if (!row) return null;
  const clock = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const resource: BookableResource = {
    id: String(row.id),
    name: String(row.name),
    kind: row.kind as ResourceKind,
    location: (row.location as string | null) ?? null,
    retiredAt: row.retired_at ? new Date(row.retired_at as string | Date) : null,
    departmentsOnly: row.departments_only === true,
    maxBookingMinutes: row.max_booking_minutes === null ? null : Number(row.max_booking_minutes),
    bookableFrom: clock(row.bookable_from),
    bookableUntil: clock(row.bookable_until),
  };
  const departments = typeof row.departments === "string" ? parseTextArray(row.departments) : ((row.departments as string[] | null) ?? []);
  const wanted: WantedSlot = { resource, ...range };
  return { resource, allowedDepartmentIds: departments, organisationZone: String(row.zone), taken: row.starts_at ? conflictFrom(row, wanted, viewer) : null };
}

/** A Postgres text array as PGlite may hand it over ("{a,b}"). */
function parseTextArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((v) => v.replace(/^"|"$/g, "")) : [];
}
