import { addCalendarDays, instantToWallClock } from "@/lib/time/zoned";
import type { CalendarView } from "../calendar-range";

/**
 * Where things sit in the lanes. Columns are local days in the viewer's zone; within a day, a
 * stretch of wall-clock hours (the working day unless something needs more), and a position is a
 * fraction of that stretch. Instants are read on the viewer's wall clock (never the browser's), so
 * an entry at 09:00 sits at 09:00 on the days clocks change too.
 */

export type LaneScale = Extract<CalendarView, "day" | "week">;

/** A stretch of a day's wall clock in minutes after local midnight: [start, end). */
export interface Hours {
  start: number;
  end: number;
}

/** From … to, as fractions of a stretch (or column indices, end exclusive). */
export interface Span {
  from: number;
  to: number;
}

/** A timed entry's part of one day's hours; `before` / `after` when it runs on past their edges. */
export interface Segment {
  span: Span;
  before: boolean;
  after: boolean;
}

const HOUR = 60;
const DAY = 24 * HOUR;
const DAY_MS = 86_400_000;

/** The hours a week shows, and a day unless an entry needs more: the working day with some margin. */
export const WORKING_HOURS: Hours = { start: 7 * HOUR, end: 19 * HOUR };

// A week of sixty people reads each entry's times on every day, again at each tick of the clock:
// the zone's answers are kept (a few thousand at most) rather than asked of Intl every time.
const wallTimes = new Map<string, { date: string; minutes: number }>();
const WALL_TIMES_KEPT = 20_000;

/** An instant's local date and minutes after local midnight in `timeZone`. */
export function wallTimeOf(instant: string | Date, timeZone: string): { readonly date: string; readonly minutes: number } {
  const key = `${typeof instant === "string" ? instant : instant.toISOString()} ${timeZone}`;
  let wall = wallTimes.get(key);
  if (!wall) {
    const text = instantToWallClock(typeof instant === "string" ? new Date(instant) : instant, timeZone);
    wall = { date: text.slice(0, 10), minutes: Number(text.slice(11, 13)) * HOUR + Number(text.slice(14, 16)) };
    if (wallTimes.size >= WALL_TIMES_KEPT) wallTimes.clear();
    wallTimes.set(key, wall);
  }
  return wall;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The minutes of local `date` that an entry covers, [from, to) within [0, 1440], or null when it
 * does not touch that day (one ending at the day's first moment does not).
 */
export function minutesOnDay(start: string, end: string, date: string, timeZone: string): Span | null {
  const s = wallTimeOf(start, timeZone);
  const e = wallTimeOf(end, timeZone);
  if (s.date > date || e.date < date) return null;
  const from = s.date < date ? 0 : s.minutes;
  const to = e.date > date ? DAY : e.minutes;
  if (to < from || (to === from && s.date !== date)) return null;
  return { from, to };
}

/** A timed entry's part of `date` within `hours`, or null when it does not touch the day at all. */
export function segmentOn(start: string, end: string, date: string, hours: Hours, timeZone: string): Segment | null {
  const minutes = minutesOnDay(start, end, date, timeZone);
  if (!minutes) return null;
  const length = hours.end - hours.start;
  const at = (m: number) => (clamp(m, hours.start, hours.end) - hours.start) / length;
  return { span: { from: at(minutes.from), to: at(minutes.to) }, before: minutes.from < hours.start, after: minutes.to > hours.end };
}

/** Where a moment of `date` sits within `hours`, or null when it is another day or outside them. */
export function momentOn(instant: string | Date, date: string, hours: Hours, timeZone: string): number | null {
  const wall = wallTimeOf(instant, timeZone);
  if (wall.date !== date || wall.minutes < hours.start || wall.minutes > hours.end) return null;
  return (wall.minutes - hours.start) / (hours.end - hours.start);
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The columns (indices into `days`, end exclusive) that local dates `first` to `last` (inclusive) cover, or null. */
export function dayColumns(first: string, last: string, days: string[]): Span | null {
  const n = days.length;
  const from = clamp(dayNumber(first) - dayNumber(days[0]!), 0, n);
  const to = clamp(dayNumber(last) - dayNumber(days[0]!) + 1, 0, n);
  return to > from ? { from, to } : null;
}

/** An all-day entry's columns (`endDate` exclusive). */
export function allDayColumns(startDate: string, endDate: string, days: string[]): Span | null {
  return dayColumns(startDate, addCalendarDays(endDate, -1), days);
}

/**
 * Where a timed entry goes: a day or longer, across its days in the lane's strip as an all-day
 * entry does; shorter, in the day it starts (the first day shown when it began before), drawn
 * on every day it touches. Null when it lies outside the days shown.
 */
export type TimedPlace = { strip: Span } | { day: string };

export function placeTimed(start: string, end: string, days: string[], timeZone: string): TimedPlace | null {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  const first = wallTimeOf(start, timeZone).date;
  const last = wallTimeOf(new Date(Math.max(startMs, endMs - 1)), timeZone).date;
  const columns = dayColumns(first, last, days);
  if (!columns) return null;
  return endMs - startMs >= DAY_MS ? { strip: columns } : { day: days[columns.from]! };
}

/**
 * The hours a day column shows: the working day, widened to whole hours around every timed
 * entry's part of `date` (a 06:30 visit opens the day at 06:00; one running past midnight opens
 * it to 24:00). A week keeps the working day and marks what runs past it instead.
 */
export function hoursOfDay(entries: { start: string; end: string }[], date: string, timeZone: string): Hours {
  let { start, end } = WORKING_HOURS;
  for (const entry of entries) {
    const minutes = minutesOnDay(entry.start, entry.end, date, timeZone);
    if (!minutes) continue;
    start = Math.min(start, Math.floor(minutes.from / HOUR) * HOUR);
    end = Math.max(end, Math.ceil(minutes.to / HOUR) * HOUR);
  }
  return { start, end };
}

/** The hours within `hours` that are multiples of `step` hours, as minutes and as fractions: a ruler's marks. */
export function hourMarks(hours: Hours, step = 1): { minutes: number; at: number }[] {
  const marks: { minutes: number; at: number }[] = [];
  for (let m = Math.ceil(hours.start / (step * HOUR)) * step * HOUR; m <= hours.end; m += step * HOUR) {
    marks.push({ minutes: m, at: (m - hours.start) / (hours.end - hours.start) });
  }
  return marks;
}

/**
 * Rows so that overlapping spans never cover each other: each span takes the first row free at
 * its start (spans that only touch share a row). Returns each span's row, in the order given,
 * and the number of rows.
 */
export function stackInRows(spans: Span[]): { rows: number[]; count: number } {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.from - spans[b]!.from || spans[b]!.to - spans[a]!.to);
  const rowEnds: number[] = [];
  const rows = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const span = spans[i]!;
    let row = rowEnds.findIndex((end) => end <= span.from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = Math.max(span.to, span.from);
    rows[i] = row;
  }
  return { rows, count: Math.max(1, rowEnds.length) };
}
