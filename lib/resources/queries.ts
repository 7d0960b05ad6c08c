import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { bookings, resources } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { relationSql } from "@/lib/calendar/access";
import { canEditEntry, canSeeDetails, type EntryRelation } from "@/lib/calendar/policy";
import type { EntryVisibility } from "@/lib/calendar/types";
import { canChangeBooking } from "./policy";
import type { ResourceFilter } from "./schema";
import { instantOf } from "@/lib/time/instant-text";

export type ResourceRow = typeof resources.$inferSelect;

/** Resources people can book, filtered by kind and location, by name. */
export async function bookableResources(db: DbOrTx, filter: ResourceFilter): Promise<ResourceRow[]> {
  return db
    .select()
    .from(resources)
    .where(
      and(
        isNull(resources.retiredAt),
        filter.kind ? eq(resources.kind, filter.kind) : undefined,
        filter.location ? eq(resources.location, filter.location) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${resources.name})`));
}

/** Every resource, retired ones last: the admins' list. */
export async function allResources(db: DbOrTx): Promise<ResourceRow[]> {
  return db
    .select()
    .from(resources)
    .orderBy(sql`${resources.retiredAt} IS NOT NULL`, asc(sql`lower(${resources.name})`));
}

/** The places resources stand in, for the filter. */
export async function resourceLocations(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ location: resources.location })
    .from(resources)
    .where(and(isNull(resources.retiredAt), sql`${resources.location} IS NOT NULL`))
    .orderBy(resources.location);
  return rows.map((r) => r.location!);
}

export async function resourceById(db: DbOrTx, id: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(resources).where(eq(resources.id, id));
  return row ?? null;
}

/**
 * A booking as a viewer may see it: a private meeting's booking names neither its booker nor its
 * purpose nor the meeting, except to its booker and to those who may see the meeting's details
 * (lib/calendar/policy.ts: its organiser, its attendees, those the organiser lets see private entries).
 */
export interface VisibleBooking {
  id: string;
  start: Date;
  end: Date;
  busy: boolean;
  bookedBy: string | null;
  purpose: string | null;
  /** The calendar entry it is part of (a meeting's room), unless the viewer sees only "Busy". */
  entryId: string | null;
  /** Whether it is part of a meeting, told even where the meeting is only "Busy": it is changed through the meeting. */
  inEntry: boolean;
  /** The booker, admins and the meeting's editors change or cancel it (canChangeBooking). */
  canChange: boolean;
  /** The viewer may edit its meeting (and so change its time there). */
  editsEntry: boolean;
}

/** A booking row with how the viewer stands to its meeting (null fields: a booking on its own). */
export interface BookingRowForViewer {
  id: string;
  start: Date;
  end: Date;
  purpose: string;
  bookedById: string;
  entryId: string | null;
  booker: string;
  visibility: EntryVisibility | null;
  relation: EntryRelation | null;
}

/** What a viewer may see of a booking, and whether they may change it. */
export function maskBooking(viewer: Viewer, r: BookingRowForViewer): VisibleBooking {
  const entry = r.entryId && r.visibility && r.relation ? { visibility: r.visibility, relation: r.relation } : null;
  const busy = entry !== null && r.bookedById !== viewer.id && !canSeeDetails(entry.visibility, entry.relation);
  return {
    id: r.id,
    start: r.start,
    end: r.end,
    busy,
    bookedBy: busy ? null : r.booker,
    purpose: busy ? null : r.purpose,
    entryId: busy ? null : r.entryId,
    inEntry: r.entryId !== null,
    canChange: canChangeBooking(viewer, r, entry),
    editsEntry: entry !== null && canEditEntry(entry.visibility, entry.relation),
  };
}

/** Live bookings that overlap [from, to): through the exclusion constraint's gist index on (resource_id, during). */
export function liveOverlapping(from: Date, to: Date) {
  return and(isNull(bookings.cancelledAt), sql`${bookings.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`);
}

/** A booking with the resource it holds: the lanes of many resources. */
export interface ResourceBooking extends VisibleBooking {
  resourceId: string;
}

interface RawBookingRow {
  id: string;
  resource_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  purpose: string;
  booked_by_id: string;
  entry_id: string | null;
  booker: string;
  visibility: EntryVisibility | null;
  is_owner: boolean | null;
  is_attendee: boolean;
  grant_edit: boolean;
  grant_see_private: boolean;
}

/**
 * The live bookings of many resources that overlap [from, to), in one prepared query (the ids as
 * one array, so one plan serves any number of lanes), masked for the viewer. How the viewer
 * stands to each booking's meeting is read only for bookings that are part of one.
 */
/** The one statement bookingsOfResources runs: live bookings of the resources in the window, with how the viewer stands to each one's entry. */
export function bookingsOfResourcesSql(viewer: Viewer, resourceIds: string[], from: Date, to: Date): SQL {
  const rel = relationSql({ entryId: sql`e.id`, ownerId: sql`c.user_id`, visibility: sql`e.visibility` }, viewer.id);
  return sql`SELECT b.id, b.resource_id, b.starts_at, b.ends_at, b.purpose, b.booked_by_id, b.entry_id, u.name AS booker, e.visibility,
        ${rel.isOwner} AS is_owner,
        (e.id IS NOT NULL AND ${rel.isAttendee}) AS is_attendee,
        (e.id IS NOT NULL AND ${rel.grantEdit}) AS grant_edit,
        (e.id IS NOT NULL AND ${rel.grantSeePrivate}) AS grant_see_private
      FROM bookings b
      JOIN users u ON u.id = b.booked_by_id
      LEFT JOIN calendar_entries e ON e.id = b.entry_id
      LEFT JOIN calendars c ON c.id = e.calendar_id
      WHERE b.resource_id = ANY(${`{${resourceIds.join(",")}}`}::uuid[]) AND b.cancelled_at IS NULL
        AND b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
      ORDER BY b.starts_at, b.id`;
}

export async function bookingsOfResources(db: DbOrTx, viewer: Viewer, resourceIds: string[], from: Date, to: Date): Promise<ResourceBooking[]> {
  if (!resourceIds.length) return [];
  const rows = await preparedRows<RawBookingRow>(db, bookingsOfResourcesSql(viewer, resourceIds, from, to));
  return rows.map((r) => ({
    ...maskBooking(viewer, {
      id: r.id,
      start: instantOf(r.starts_at),
      end: instantOf(r.ends_at),
      purpose: r.purpose,
      bookedById: r.booked_by_id,
      entryId: r.entry_id,
      booker: r.booker,
      visibility: r.visibility,
      relation:
        r.entry_id === null
          ? null
          : {
              isOwner: r.is_owner === true,
              isAttendee: r.is_attendee === true,
              grantEdit: r.grant_edit === true,
              grantSeePrivate: r.grant_see_private === true,
            },
    }),
    resourceId: r.resource_id,
  }));
}

/** The live bookings of a resource that overlap [from, to), masked for the viewer. */
export async function bookingsInWindow(db: DbOrTx, viewer: Viewer, resourceId: string, from: Date, to: Date): Promise<VisibleBooking[]> {
  return bookingsOfResources(db, viewer, [resourceId], from, to);
}
