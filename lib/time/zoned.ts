import { TZDate } from "@date-fns/tz";

/**
 * Conversions between instants (stored in UTC) and wall-clock times in a person's IANA zone.
 * Never use the server's zone: compute "09:00 in Warsaw" as 09:00 in Warsaw.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * "2026-03-29T09:00" (an <input type="datetime-local"> value) in `timeZone` → the instant.
 * Returns null for malformed or impossible dates (31 February, 25:00). A time that does not
 * exist in the zone (the hour skipped in spring) moves forward by the gap; a time that occurs
 * twice (autumn) is taken at its second occurrence.
 */
export function wallClockToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (!isValidTimeZone(timeZone)) return null;
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime());
}

/** The instant → "YYYY-MM-DDTHH:mm" in `timeZone`, the value a datetime-local input expects. */
export function instantToWallClock(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
}

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
