import { TZDate } from "@date-fns/tz";
import { instantToWallClock, wallClockToInstant } from "./wall-clock";

/**
 * Conversions between instants (stored in UTC) and wall-clock times in a person's IANA zone.
 * Never use the server's zone: compute "09:00 in Warsaw" as 09:00 in Warsaw.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Wall clock → instant follows the calendar rule (RFC 5545 / Temporal "compatible"): a time
// skipped in spring moves forward by the gap, a time that repeats in autumn is the first one.
export { instantToWallClock, wallClockToInstant } from "./wall-clock";

/** "2026-10-25" → the instant its day starts in `timeZone`. */
export function startOfLocalDay(localDate: string, timeZone: string): Date | null {
  if (!LOCAL_DATE.test(localDate)) return null;
  return wallClockToInstant(`${localDate}T00:00`, timeZone);
}

/** The calendar date ("YYYY-MM-DD") of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return instantToWallClock(instant, timeZone).slice(0, 10);
}

/** Adds whole calendar days in `timeZone`, keeping the wall-clock time across DST changes. */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const z = new TZDate(instant.getTime(), timeZone);
  z.setDate(z.getDate() + days);
  return new Date(z.getTime());
}
