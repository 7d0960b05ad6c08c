import { addCalendarDays, instantToWallClock, isoWeekdayOf, startOfLocalDay } from "@/lib/time/zoned";

/**
 * Where things sit across a lane. The axis is a run of local days in the viewer's zone, each
 * showing the same stretch of wall-clock hours; a position is a fraction of the lane's width.
 * Instants are read on the viewer's wall clock (never the browser's), so an entry at 09:00
 * sits at 09:00 on the days clocks change too.
 */

export type LaneScale = "day" | "week";

export interface LaneAxis {
  /** Local dates shown, consecutive, in order. */
  days: string[];
  /** The stretch of every day shown, in minutes after local midnight: [dayStart, dayEnd). */
  dayStart: number;
  dayEnd: number;
}

export interface Span {
  from: number;
  to: number;
}

const HOUR = 60;
/** Hours shown when nothing falls outside them: a working day with some margin. */
export const DEFAULT_HOURS: Record<LaneScale, { start: number; end: number }> = {
  day: { start: 7 * HOUR, end: 20 * HOUR },
  week: { start: 7 * HOUR, end: 19 * HOUR },
};

/** The first day of the week holding `date`; `firstDay` 0 is Sunday, 1 Monday. */
export function startOfWeek(date: string, firstDay: number): string {
  const weekday = isoWeekdayOf(date) % 7;
  return addCalendarDays(date, -((weekday - firstDay + 7) % 7));
}

/** The local dates a scale shows around `date`. */
export function daysShown(scale: LaneScale, date: string, firstDay: number): string[] {
  if (scale === "day") return [date];
  const start = startOfWeek(date, firstDay);
  return Array.from({ length: 7 }, (_, i) => addCalendarDays(start, i));
}

/** The date after "previous" (-1) or "next" (+1). */
export function shiftDate(scale: LaneScale, date: string, step: -1 | 1): string {
  return addCalendarDays(date, scale === "day" ? step : 7 * step);
}

/** The instants the days cover in the viewer's zone: what the window route is asked for. */
export function windowOfDays(days: string[], timeZone: string): { from: string; to: string } {
  const from = startOfLocalDay(days[0]!, timeZone);
  const to = startOfLocalDay(addCalendarDays(days[days.length - 1]!, 1), timeZone);
  if (!from || !to) throw new RangeError(`Not a day range: ${days[0]}..${days[days.length - 1]}`);
  return { from: from.toISOString(), to: to.toISOString() };
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Whole days from the axis's first day to `date` (negative before it). */
function dayIndex(axis: LaneAxis, date: string): number {
  return dayNumber(date) - dayNumber(axis.days[0]!);
}

/** An instant's local date and minutes after local midnight in `timeZone`. */
export function wallTimeOf(instant: string | Date, timeZone: string): { date: string; minutes: number } {
  const wall = instantToWallClock(typeof instant === "string" ? new Date(instant) : instant, timeZone);
  return { date: wall.slice(0, 10), minutes: Number(wall.slice(11, 13)) * HOUR + Number(wall.slice(14, 16)) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Where an instant sits across the lane: 0 at the start of the first day shown, 1 at the end of the last. */
export function positionOf(instant: string | Date, axis: LaneAxis, timeZone: string): number {
  const { date, minutes } = wallTimeOf(instant, timeZone);
  const index = dayIndex(axis, date);
  const n = axis.days.length;
  if (index < 0) return 0;
  if (index >= n) return 1;
  return (index + clamp((minutes - axis.dayStart) / (axis.dayEnd - axis.dayStart), 0, 1)) / n;
}

/** A timed entry's stretch across the lane, or null when it lies wholly outside the days shown. */
export function timedSpan(start: string, end: string, axis: LaneAxis, timeZone: string): Span | null {
  const from = positionOf(start, axis, timeZone);
  const to = positionOf(end, axis, timeZone);
  const first = wallTimeOf(start, timeZone).date;
  const last = wallTimeOf(new Date(new Date(end).getTime() - 1), timeZone).date;
  if (dayIndex(axis, last) < 0 || dayIndex(axis, first) >= axis.days.length) return null;
  return { from, to: Math.max(from, to) };
}

/** An all-day entry's days across the lane (`endDate` exclusive), or null outside the days shown. */
export function allDaySpan(startDate: string, endDate: string, axis: LaneAxis): Span | null {
  const n = axis.days.length;
  const from = clamp(dayIndex(axis, startDate), 0, n);
  const to = clamp(dayIndex(axis, endDate), 0, n);
  return to > from ? { from: from / n, to: to / n } : null;
}

/** The current time's place, or null when today is not shown. */
export function nowPosition(now: Date, axis: LaneAxis, timeZone: string): number | null {
  const index = dayIndex(axis, wallTimeOf(now, timeZone).date);
  return index >= 0 && index < axis.days.length ? positionOf(now, axis, timeZone) : null;
}

/**
 * The hours to show: the default stretch, widened to whole hours so that every timed entry
 * that starts and ends on one day is seen whole (a 06:30 visit in a 07:00 view opens the view
 * at 06:00). Entries running over midnight are drawn to the edges and widen nothing.
 */
export function hoursToShow(scale: LaneScale, entries: { start: string; end: string }[], timeZone: string): { dayStart: number; dayEnd: number } {
  let { start: dayStart, end: dayEnd } = DEFAULT_HOURS[scale];
  for (const entry of entries) {
    const start = wallTimeOf(entry.start, timeZone);
    const end = wallTimeOf(entry.end, timeZone);
    const endMinutes = end.date === start.date ? end.minutes : end.date === addCalendarDays(start.date, 1) && end.minutes === 0 ? 24 * HOUR : null;
    if (endMinutes === null) continue;
    dayStart = Math.min(dayStart, Math.floor(start.minutes / HOUR) * HOUR);
    dayEnd = Math.max(dayEnd, Math.ceil(endMinutes / HOUR) * HOUR);
  }
  return { dayStart, dayEnd };
}

/**
 * Rows within a lane so that overlapping spans never cover each other: each span takes the
 * first row free at its start (spans that only touch share a row). Returns each span's row, in
 * the order given, and the number of rows.
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
