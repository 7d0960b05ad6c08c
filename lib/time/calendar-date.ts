/**
 * Calendar dates ("2026-10-25") with no zone and no clock: the day arithmetic of a zone is done
 * on them and turned into an instant only at the end, with `wallClockToInstant`. A Date in the
 * process zone never takes part, so the server's zone cannot shift a day or pick the other half
 * of a repeated hour.
 */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcMidnightOf(localDate: string): number {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) throw new RangeError(`Not a calendar date: ${localDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  return new Date(utcMidnightOf(value)).toISOString().slice(0, 10) === value;
}

/** The calendar date `days` after (or before) `localDate`. */
export function addCalendarDays(localDate: string, days: number): string {
  return new Date(utcMidnightOf(localDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(localDate: string): number {
  const day = new Date(utcMidnightOf(localDate)).getUTCDay();
  return day === 0 ? 7 : day;
}
