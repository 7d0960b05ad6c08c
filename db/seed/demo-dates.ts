import { TZDate } from "@date-fns/tz";

/** The demo organisation lives in Warsaw: its dates are days and hours on Warsaw's calendar. */
export const DEMO_ZONE = "Europe/Warsaw";

const DAY_MS = 86_400_000;

/**
 * `days` days from today at `hour`:00 in Warsaw. The step is taken on the calendar date (no
 * Date in the process zone takes part) and only the final wall-clock time is placed in the
 * zone; demo hours lie in the working day, never in an hour a clock change skips or repeats.
 */
export function demoDayAt(now: Date, days: number, hour: number): Date {
  const today = new TZDate(now.getTime(), DEMO_ZONE);
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) + days * DAY_MS);
  return new Date(new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour, 0, 0, DEMO_ZONE).getTime());
}

/** The date ("YYYY-MM-DD") of ISO weekday `isoDay` (1 = Monday) in the week `weeks` from this one, in Warsaw. */
export function demoWeekDate(now: Date, weeks: number, isoDay: number): string {
  const today = new TZDate(now.getTime(), DEMO_ZONE);
  const weekday = today.getDay() === 0 ? 7 : today.getDay();
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) + (isoDay - weekday + weeks * 7) * DAY_MS);
  return date.toISOString().slice(0, 10);
}

/** That day at `time` ("09:30") in Warsaw; demo times lie in the working day, away from clock changes. */
export function demoWeekDayAt(now: Date, weeks: number, isoDay: number, time: string): Date {
  const [y, m, d] = demoWeekDate(now, weeks, isoDay).split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, DEMO_ZONE).getTime());
}
