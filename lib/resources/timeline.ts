import type { DbOrTx } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { addCalendarDays, isoWeekdayOf, startOfLocalDay } from "@/lib/time/zoned";
import { bookableResources, bookingsOfResources, type ResourceBooking, type ResourceRow } from "./queries";
import type { ResourceFilter } from "./schema";

export type TimelineScale = "day" | "week";

/** A booking in the timeline: which lane it sits in, masked as every other read of bookings. */
export type TimelineBooking = ResourceBooking;

/** A booking as the lanes in the browser get it: instants as ISO strings, nothing the viewer may not see. */
export interface LaneBooking {
  id: string;
  resourceId: string;
  start: string;
  end: string;
  busy: boolean;
  bookedBy: string | null;
  purpose: string | null;
  entryId: string | null;
}

export function laneBookingsOf(booked: TimelineBooking[]): LaneBooking[] {
  return booked.map((b) => ({
    id: b.id,
    resourceId: b.resourceId,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    busy: b.busy,
    bookedBy: b.bookedBy,
    purpose: b.purpose,
    entryId: b.entryId,
  }));
}

export interface ResourceTimeline {
  /** The local dates shown, in the viewer's zone. */
  days: string[];
  from: Date;
  to: Date;
  resources: ResourceRow[];
  bookings: TimelineBooking[];
}

/** The local dates a day or a week around `date` shows; `firstDay` 0 is Sunday, 1 Monday. */
export function timelineDays(scale: TimelineScale, date: string, firstDay: 0 | 1): string[] {
  if (scale === "day") return [date];
  const start = addCalendarDays(date, -(((isoWeekdayOf(date) % 7) - firstDay + 7) % 7));
  return Array.from({ length: 7 }, (_, i) => addCalendarDays(start, i));
}

/** The instants local dates cover in `timeZone`: from the first day's midnight to the midnight after the last (23 or 25 hours where clocks change). */
export function windowOfDays(days: string[], timeZone: string): { from: Date; to: Date } {
  const from = startOfLocalDay(days[0]!, timeZone);
  const to = startOfLocalDay(addCalendarDays(days.at(-1)!, 1), timeZone);
  if (!from || !to) throw new RangeError(`Not a day range: ${days[0]}..${days.at(-1)}`);
  return { from, to };
}

/**
 * Many resources side by side for a day or a week in the viewer's zone: the bookable ones the
 * filter picks (as the /resources list shows them), and all their bookings in the window.
 */
export async function resourceTimeline(
  db: DbOrTx,
  viewer: Viewer,
  options: { filter: ResourceFilter; scale: TimelineScale; date: string; firstDay: 0 | 1 },
): Promise<ResourceTimeline> {
  const days = timelineDays(options.scale, options.date, options.firstDay);
  const { from, to } = windowOfDays(days, viewer.timeZone);
  const shown = await bookableResources(db, options.filter);
  const booked = await bookingsOfResources(
    db,
    viewer,
    shown.map((r) => r.id),
    from,
    to,
  );
  return { days, from, to, resources: shown, bookings: booked };
}
