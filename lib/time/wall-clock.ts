/**
 * Due times are typed as wall-clock values (an `<input type="datetime-local">`, no zone) in
 * the viewer's own time zone and stored as instants. The server's time zone never takes part.
 */
import { LRUCache } from "lru-cache";

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Reads "2026-03-29T09:30" strictly: a day that is not in the calendar (2026-02-30) gives null. */
export function parseWallClock(value: string): WallClock | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return null;
  if (year < 1900 || year > 2999) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day, hour, minute };
}

export function isWallClock(value: string): boolean {
  return parseWallClock(value) !== null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at an instant, to the second, read from Intl (a few microseconds a call). */
function exactWallClockMsAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const HOUR = 3_600_000;

/**
 * Each zone's offset through whole UTC hours, once read: NaN for an hour in which the offset
 * changes (a clock change, read exactly each time). The offset at an hour's first and last second
 * being the same means it held all hour, as no zone changes its offset twice within an hour. An
 * export of 100,000 rows reads two instants a row, mostly in a few thousand hours.
 */
const hourOffsets = new Map<string, LRUCache<number, number>>();

function offsetThroughHour(hour: number, timeZone: string): number {
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new LRUCache<number, number>({ max: 20_000 });
    hourOffsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = hour * HOUR;
    const last = first + HOUR - 1000;
    const atFirst = exactWallClockMsAt(first, timeZone) - first;
    offset = atFirst === exactWallClockMsAt(last, timeZone) - last ? atFirst : NaN;
    zone.set(hour, offset);
  }
  return offset;
}

function wallClockMsAt(instantMs: number, timeZone: string): number {
  const offset = offsetThroughHour(Math.floor(instantMs / HOUR), timeZone);
  return Number.isNaN(offset) ? exactWallClockMsAt(instantMs, timeZone) : Math.floor(instantMs / 1000) * 1000 + offset;
}

/** The zone's offset from UTC at an instant, in milliseconds (+2 h for Warsaw in summer). */
function offsetAt(instantMs: number, timeZone: string): number {
  return wallClockMsAt(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the wall clock in `timeZone` shows `value`, or null for an impossible
 * value. Clock changes follow Temporal's "compatible" rule, as calendars do: a time that repeats
 * when clocks go back is the first of the two, and a time skipped when clocks go forward is
 * moved forward by the gap (02:30 on the spring-forward night in Warsaw is 03:30 CEST).
 */
export function wallClockToInstant(value: string, timeZone: string): Date | null {
  const wall = parseWallClock(value);
  if (!wall || !isTimeZone(timeZone)) return null;
  return new Date(wallClockMsToInstantMs(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute), timeZone));
}

/**
 * wallClockToInstant for a wall clock given as the milliseconds it would be in UTC (what a
 * floating local time is), for callers converting many (a series' occurrences); `timeZone` must
 * be valid.
 */
export function wallClockMsToInstantMs(asUtc: number, timeZone: string): number {
  // No zone changes its offset twice within two days, so the offsets a day either side bound
  // every answer.
  const before = offsetAt(asUtc - 86_400_000, timeZone);
  const after = offsetAt(asUtc + 86_400_000, timeZone);
  const first = asUtc - before;
  const second = asUtc - after;
  const firstMatches = wallClockMsAt(first, timeZone) === asUtc;
  const secondMatches = second !== first && wallClockMsAt(second, timeZone) === asUtc;
  if (firstMatches && secondMatches) return Math.min(first, second);
  if (firstMatches) return first;
  if (secondMatches) return second;
  return first;
}

/** The wall clock in `timeZone` at an instant as the milliseconds it would be in UTC (to the second). */
export function wallClockMsOf(instantMs: number, timeZone: string): number {
  return wallClockMsAt(instantMs, timeZone);
}

/** The value for a datetime-local input showing `instant` in `timeZone` ("2026-03-29T09:30"). */
export function instantToWallClock(instant: Date, timeZone: string): string {
  const ms = wallClockMsAt(instant.getTime(), timeZone);
  return new Date(ms).toISOString().slice(0, 16);
}
