import { expandSeries, type Series } from "@/lib/calendar/recurrence";
import { WEEKDAYS } from "@/lib/calendar/repeat";
import { isDayOff } from "@/lib/reminders/holidays";
import type { WorkSchedule } from "@/lib/reminders/working-time";
import { addCalendarDays, isoWeekdayOf, localDateOf, wallClockToInstant } from "@/lib/time/zoned";

/**
 * When a repeating task's next instance is created. Every rule is read on the wall clock of the
 * series' zone (the delegator's), so "Monday 08:00 in Warsaw" stays 08:00 across both clock
 * changes whatever zone the server runs in. Weekly and monthly rules are RRULEs expanded by the
 * calendar's one expansion (lib/calendar/recurrence.ts); working days follow the organisation's
 * working week and days off (lib/reminders), which no RRULE can say.
 */

export const TASK_REPEAT_KINDS = ["workdays", "weekly", "monthlyOnDate", "monthlyOnWeekday", "afterCompletion"] as const;
export type TaskRepeatKind = (typeof TASK_REPEAT_KINDS)[number];
/** "The first … fourth" weekday of a month, or the last (-1). */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;

export interface TaskRepeat {
  kind: TaskRepeatKind;
  /** Weekly: ISO weekdays (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Monthly on a date: 1-31; a month without that day has no instance. */
  monthDay: number | null;
  /** Monthly on a weekday: which one (1-4, -1 the last) … */
  weekOfMonth: number | null;
  /** … of which ISO weekday. */
  weekday: number | null;
  /** After completion: days after the previous instance is done. */
  afterDays: number | null;
  /** "08:00": the wall-clock time an instance is created at. */
  timeOfDay: string;
}

// Ten years of days: a schedule with no working day must not loop forever.
const MAX_DAYS_SCANNED = 3660;
const MAX_CATCH_UP = 1000;
const DAY = 86_400_000;

/** The RRULE of a weekly or monthly repetition; null for the kinds no RRULE expresses. */
export function rruleOf(repeat: TaskRepeat): string | null {
  const day = (iso: number) => WEEKDAYS[iso - 1]!;
  switch (repeat.kind) {
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${[...new Set(repeat.weekdays)]
        .sort((a, b) => a - b)
        .map(day)
        .join(",")}`;
    case "monthlyOnDate":
      return `FREQ=MONTHLY;BYMONTHDAY=${repeat.monthDay}`;
    case "monthlyOnWeekday":
      return `FREQ=MONTHLY;BYDAY=${repeat.weekOfMonth}${day(repeat.weekday!)}`;
    default:
      return null;
  }
}

function isWorkingDay(localDate: string, schedule: WorkSchedule): boolean {
  return schedule.workDays.includes(isoWeekdayOf(localDate)) && !isDayOff(schedule.holidays, localDate);
}

function at(localDate: string, time: string, zone: string): Date {
  const instant = wallClockToInstant(`${localDate}T${time}`, zone);
  if (!instant) throw new RangeError(`No instant for ${localDate}T${time} in ${zone}`);
  return instant;
}

/**
 * The first moment of the rule strictly after `after`; null for "after completion", whose moment
 * only the completion gives (momentAfterCompletion).
 */
export function nextMomentAfter(repeat: TaskRepeat, after: Date, zone: string, schedule: WorkSchedule): Date | null {
  if (repeat.kind === "afterCompletion") return null;
  const firstDay = addCalendarDays(localDateOf(after, zone), -1);
  if (repeat.kind === "workdays") {
    let day = firstDay;
    for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day = addCalendarDays(day, 1)) {
      if (!isWorkingDay(day, schedule)) continue;
      const moment = at(day, repeat.timeOfDay, zone);
      if (moment > after) return moment;
    }
    return null;
  }
  const start = at(firstDay, repeat.timeOfDay, zone);
  const series: Series = { start, end: start, rule: rruleOf(repeat)!, zone, until: null, count: null };
  // A monthly rule on the 31st skips short months; a year always holds its next moment.
  const [first] = expandSeries(series, [], { from: after, to: new Date(after.getTime() + 400 * DAY) });
  return first?.start ?? null;
}

/**
 * The latest moment of the rule in (`after`, `upTo`]: when the job was away for several moments,
 * one instance is created, for the latest, rather than a pile of stale ones.
 */
export function latestMomentUpTo(repeat: TaskRepeat, after: Date, upTo: Date, zone: string, schedule: WorkSchedule): Date | null {
  let latest: Date | null = null;
  let cursor = after;
  for (let i = 0; i < MAX_CATCH_UP; i++) {
    const next = nextMomentAfter(repeat, cursor, zone, schedule);
    if (!next || next > upTo) break;
    latest = next;
    cursor = next;
  }
  return latest;
}

/** "After completion + N days": N calendar days after the day it was done, at the series' time of day. */
export function momentAfterCompletion(repeat: TaskRepeat, completedAt: Date, zone: string): Date {
  return at(addCalendarDays(localDateOf(completedAt, zone), repeat.afterDays ?? 0), repeat.timeOfDay, zone);
}

/** An instance created at `moment` is due `dueDays` days later at `dueTime`, on the series' wall clock. */
export function dueOfInstance(moment: Date, due: { dueDays: number | null; dueTime: string | null }, zone: string): Date | null {
  if (due.dueDays === null || due.dueTime === null) return null;
  return at(addCalendarDays(localDateOf(moment, zone), due.dueDays), due.dueTime, zone);
}
