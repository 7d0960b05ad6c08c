import { addCalendarDays, isLocalDate } from "./calendar-date";
import { instantToWallClock, wallClockToInstant } from "./wall-clock";

/**
 * Conversions between instants (stored in UTC) and wall-clock times in a person's IANA zone.
 * Never use the server's zone: compute "09:00 in Warsaw" as 09:00 in Warsaw.
 */

// Wall clock → instant follows the calendar rule (RFC 5545 / Temporal "compatible"): a time
// skipped in spring moves forward by the gap, a time that repeats in autumn is the first one.
export { instantToWallClock, wallClockToInstant } from "./wall-clock";
export { addCalendarDays, isoWeekdayOf } from "./calendar-date";

/** "2026-10-25" → the instant its day starts in `timeZone`. */
export function startOfLocalDay(localDate: string, timeZone: string): Date | null {
  if (!isLocalDate(localDate)) return null;
  return wallClockToInstant(`${localDate}T00:00`, timeZone);
}

/** The calendar date ("YYYY-MM-DD") of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return instantToWallClock(instant, timeZone).slice(0, 10);
}

const MINUTE = 60_000;

/**
 * Adds whole calendar days in `timeZone`, keeping the wall-clock time across DST changes. The
 * step is taken on the calendar date and read back with the wall-clock rule (a time that
 * repeats is the first one, a skipped one moves forward), never through a Date in the process
 * zone, whose own clock changes would otherwise pick the answer.
 */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const wall = instantToWallClock(instant, timeZone);
  const sameMinute = wallClockToInstant(wall, timeZone);
  const moved = wallClockToInstant(`${addCalendarDays(wall.slice(0, 10), days)}${wall.slice(10)}`, timeZone);
  if (!sameMinute || !moved) throw new RangeError(`No such day in ${timeZone}: ${days} days from ${instant.toISOString()}`);
  // The wall clock is read to the minute; the seconds past it carry over (modulo the hour a
  // repeated time may lie from its first occurrence).
  const seconds = (((instant.getTime() - sameMinute.getTime()) % MINUTE) + MINUTE) % MINUTE;
  return new Date(moved.getTime() + seconds);
}
