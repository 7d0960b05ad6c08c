import { isDayOff } from "@/lib/reminders/holidays";
import type { WorkSchedule } from "@/lib/reminders/working-time";
import { addCalendarDays, isoWeekdayOf, localDateOf } from "@/lib/time/zoned";

// Ten years of calendar days: a schedule with no working day at all must not loop forever.
const MAX_DAYS_SCANNED = 3660;

/**
 * "Due in N working days" as a wall-clock time in `timeZone` (the person's own): the closing hour
 * of the Nth working day after today there, today itself for 0 when it is a working day. Working
 * days are the schedule's weekdays that are not its days off. Written as a wall clock, so a day of
 * 23 or 25 hours still ends at the closing hour.
 */
export function dueInWorkingDays(now: Date, days: number, schedule: Pick<WorkSchedule, "workDays" | "holidays" | "dayEnd">, timeZone: string): string {
  const isWorking = (day: string) => schedule.workDays.includes(isoWeekdayOf(day)) && !isDayOff(schedule.holidays, day);
  let day = localDateOf(now, timeZone);
  let remaining = days;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    if (isWorking(day) && (scanned > 0 || days === 0)) {
      if (remaining <= 1) return `${day}T${schedule.dayEnd}`;
      remaining -= 1;
    }
    day = addCalendarDays(day, 1);
  }
  throw new Error("The work schedule has no working day");
}
