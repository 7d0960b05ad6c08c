import { addCalendarDays, isoWeekdayOf, startOfLocalDay } from "@/lib/time/zoned";

/** The four ways a person looks at their plan. */
export const CALENDAR_VIEWS = ["day", "week", "month", "list"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export function isCalendarView(value: unknown): value is CalendarView {
  return typeof value === "string" && (CALENDAR_VIEWS as readonly string[]).includes(value);
}

/** FullCalendar's name for each view; the list is a week's agenda. */
export const FULLCALENDAR_VIEW: Record<CalendarView, string> = {
  day: "timeGridDay",
  week: "timeGridWeek",
  month: "dayGridMonth",
  list: "listWeek",
};

/** The local dates a view shows: `start` inclusive, `end` exclusive. */
export interface DayRange {
  start: string;
  end: string;
}

/** The first day of the week holding `date`; `firstDay` 0 is Sunday, 1 Monday. */
export function startOfWeek(date: string, firstDay: number): string {
  const weekday = isoWeekdayOf(date) % 7;
  return addCalendarDays(date, -((weekday - firstDay + 7) % 7));
}

/**
 * The days a view shows around `date`, as FullCalendar lays them out: a month is always six
 * whole weeks (fixedWeekCount), so the window asked for is the same whichever day of the month
 * is current, and a prefetched window is the one the next view asks for.
 */
export function visibleDays(view: CalendarView, date: string, firstDay: number): DayRange {
  if (view === "day") return { start: date, end: addCalendarDays(date, 1) };
  if (view === "month") {
    const start = startOfWeek(`${date.slice(0, 8)}01`, firstDay);
    return { start, end: addCalendarDays(start, 42) };
  }
  const start = startOfWeek(date, firstDay);
  return { start, end: addCalendarDays(start, 7) };
}

/** Every local date of a range, in order. */
export function datesOf(range: DayRange): string[] {
  const dates: string[] = [];
  for (let d = range.start; d < range.end; d = addCalendarDays(d, 1)) dates.push(d);
  return dates;
}

function addMonths(date: string, months: number): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The current date after "previous" (-1) or "next" (+1) in a view. */
export function shiftDate(view: CalendarView, date: string, step: -1 | 1): string {
  if (view === "day") return addCalendarDays(date, step);
  if (view === "month") return addMonths(date, step);
  return addCalendarDays(date, 7 * step);
}

/** The instants a range of local dates covers in the viewer's zone: what the window route is asked for. */
export function windowOf(range: DayRange, timeZone: string): { from: string; to: string } {
  const from = startOfLocalDay(range.start, timeZone);
  const to = startOfLocalDay(range.end, timeZone);
  if (!from || !to) throw new RangeError(`Not a day range: ${range.start}..${range.end}`);
  return { from: from.toISOString(), to: to.toISOString() };
}
