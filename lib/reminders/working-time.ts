import { addCalendarDays, isoWeekdayOf, localDateOf, wallClockToInstant } from "@/lib/time/zoned";
import { DEFAULT_HOLIDAYS, isDayOff, type HolidayCalendar } from "./holidays";

export const DELAY_UNITS = ["minutes", "working_hours", "working_days"] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** The organisation's working week, read in its own time zone. */
export interface WorkSchedule {
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** "08:00" and "16:00": local wall-clock times. */
  dayStart: string;
  dayEnd: string;
  /** Public holidays and company days off: calendar dates in `timeZone` that are not worked. */
  holidays: HolidayCalendar;
}

export const DEFAULT_SCHEDULE: WorkSchedule = {
  timeZone: "Europe/Warsaw",
  workDays: [1, 2, 3, 4, 5],
  dayStart: "08:00",
  dayEnd: "16:00",
  holidays: DEFAULT_HOLIDAYS,
};

const MINUTE = 60_000;
// Ten years of calendar days: a schedule with no working day at all must not loop forever.
const MAX_DAYS_SCANNED = 3660;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Working minutes in one ordinary working day of the schedule (8 h for 08:00–16:00). */
export function workingDayMinutes(schedule: WorkSchedule): number {
  return Math.max(0, minutesOf(schedule.dayEnd) - minutesOf(schedule.dayStart));
}

/**
 * The instant `minutes` working minutes after `from`, counting only the schedule's working
 * hours in its own zone, on its working weekdays that are not days off. Each day's window is computed from wall-clock times, so a day of
 * 23 or 25 hours still works 08:00–16:00 local.
 */
export function addWorkingMinutes(from: Date, minutes: number, schedule: WorkSchedule): Date {
  let remaining = minutes * MINUTE;
  let day = localDateOf(from, schedule.timeZone);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    if (schedule.workDays.includes(isoWeekdayOf(day)) && !isDayOff(schedule.holidays, day)) {
      const start = wallClockToInstant(`${day}T${schedule.dayStart}`, schedule.timeZone)!;
      const end = wallClockToInstant(`${day}T${schedule.dayEnd}`, schedule.timeZone)!;
      const cursor = Math.max(from.getTime(), start.getTime());
      const available = end.getTime() - cursor;
      if (available > 0) {
        if (remaining <= available && (remaining > 0 || cursor < end.getTime())) return new Date(cursor + remaining);
        remaining -= available;
      }
    }
    day = addCalendarDays(day, 1);
  }
  throw new Error("The work schedule has no working time");
}

/**
 * Adds a policy delay. Minutes are plain elapsed time; working hours count inside the working
 * windows; a working day is one full window's length of working time ("1 working day" after
 * Friday 14:00 is Monday 14:00; after Saturday 10:00 it is the end of Monday; after Wednesday
 * 23 December 14:00 in Poland it is Monday 28 December 14:00).
 */
export function addDelay(from: Date, amount: number, unit: DelayUnit, schedule: WorkSchedule): Date {
  if (unit === "minutes") return new Date(from.getTime() + amount * MINUTE);
  if (unit === "working_hours") return addWorkingMinutes(from, amount * 60, schedule);
  return addWorkingMinutes(from, amount * workingDayMinutes(schedule), schedule);
}
