import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { bookings, calendarEntries, resources, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { canChangeBooking } from "./policy";
import type { ResourceFilter } from "./schema";

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

/** A booking as a viewer may see it: a private entry's booking names neither its booker nor its purpose. */
export interface VisibleBooking {
  id: string;
  start: Date;
  end: Date;
  busy: boolean;
  bookedBy: string | null;
  purpose: string | null;
  /** The calendar entry it is part of (a meeting's room), unless the viewer sees only "Busy". */
  entryId: string | null;
  canChange: boolean;
}

/** The columns a viewer's booking is read from: the booker's name and the entry's visibility decide what is masked. */
export const visibleBookingColumns = {
  id: bookings.id,
  resourceId: bookings.resourceId,
  start: bookings.startsAt,
  end: bookings.endsAt,
  purpose: bookings.purpose,
  bookedById: bookings.bookedById,
  entryId: bookings.entryId,
  booker: users.name,
  visibility: calendarEntries.visibility,
};

type BookingRow = {
  id: string;
  start: Date;
  end: Date;
  purpose: string;
  bookedById: string;
  entryId: string | null;
  booker: string;
  visibility: string | null;
};

/** What a viewer may see of a booking: a private entry's booking is "Busy" to everyone but its booker. */
export function maskBooking(viewer: Viewer, r: BookingRow): VisibleBooking {
  const busy = r.visibility === "private" && r.bookedById !== viewer.id;
  return {
    id: r.id,
    start: r.start,
    end: r.end,
    busy,
    bookedBy: busy ? null : r.booker,
    purpose: busy ? null : r.purpose,
    entryId: busy ? null : r.entryId,
    canChange: canChangeBooking(viewer, r),
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
  visibility: string | null;
}

const instantOf = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * The live bookings of many resources that overlap [from, to), in one prepared query (the ids as
 * one array, so one plan serves any number of lanes), masked for the viewer.
 */
export async function bookingsOfResources(db: DbOrTx, viewer: Viewer, resourceIds: string[], from: Date, to: Date): Promise<ResourceBooking[]> {
  if (!resourceIds.length) return [];
  const rows = await preparedRows<RawBookingRow>(
    db,
    sql`SELECT b.id, b.resource_id, b.starts_at, b.ends_at, b.purpose, b.booked_by_id, b.entry_id, u.name AS booker, e.visibility
      FROM bookings b
      JOIN users u ON u.id = b.booked_by_id
      LEFT JOIN calendar_entries e ON e.id = b.entry_id
      WHERE b.resource_id = ANY(${`{${resourceIds.join(",")}}`}::uuid[]) AND b.cancelled_at IS NULL
        AND b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
      ORDER BY b.starts_at, b.id`,
  );
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
    }),
    resourceId: r.resource_id,
  }));
}

/** The live bookings of a resource that overlap [from, to), masked for the viewer. */
export async function bookingsInWindow(db: DbOrTx, viewer: Viewer, resourceId: string, from: Date, to: Date): Promise<VisibleBooking[]> {
  return bookingsOfResources(db, viewer, [resourceId], from, to);
}
