import { addCalendarDays, localDateOf, wallClockToInstant } from "@/lib/time/zoned";
import type { MessageParams } from "@/lib/action/errors";

/** A resource's optional booking rules (db/schema/resources.ts). */
export interface BookingRules {
  maxBookingMinutes: number | null;
  bookableFrom: string | null;
  bookableUntil: string | null;
}

export interface RuleBreach {
  key: string;
  params: MessageParams;
}

const MINUTE = 60_000;

/** The instant a bookable-hours bound falls on `localDate` in `timeZone` ("24:00" is the next midnight). */
function boundOn(localDate: string, clock: string, timeZone: string): Date {
  const wall = clock === "24:00" ? `${addCalendarDays(localDate, 1)}T00:00` : `${localDate}T${clock}`;
  const at = wallClockToInstant(wall, timeZone);
  if (!at) throw new RangeError(`No such time ${wall} in ${timeZone}`);
  return at;
}

/**
 * The first rule a booking of [start, end) breaks, or null. Bookable hours are wall-clock times
 * in the organisation's zone: the booking must lie within them on the day it starts (so it
 * cannot run overnight), computed in that zone whatever the server's or the booker's.
 */
export function ruleBreach(rules: BookingRules, start: Date, end: Date, organisationZone: string): RuleBreach | null {
  const minutes = (end.getTime() - start.getTime()) / MINUTE;
  if (rules.maxBookingMinutes !== null && minutes > rules.maxBookingMinutes) {
    return { key: "resources.errors.longerThanAllowed", params: { hours: formatHours(rules.maxBookingMinutes) } };
  }
  if (rules.bookableFrom !== null && rules.bookableUntil !== null) {
    const day = localDateOf(start, organisationZone);
    const from = boundOn(day, rules.bookableFrom, organisationZone);
    const until = boundOn(day, rules.bookableUntil, organisationZone);
    if (start < from || end > until) {
      return { key: "resources.errors.outsideBookableHours", params: { from: rules.bookableFrom, until: rules.bookableUntil, zone: organisationZone } };
    }
  }
  return null;
}

/** 90 → "1.5", 120 → "2": the longest booking as people say it. */
function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}
