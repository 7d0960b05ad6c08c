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
