import { isoWeekdayOf } from "@/lib/time/calendar-date";
import { instantToWallClock } from "@/lib/time/wall-clock";

/**
 * What the entry form offers as repetition, and the RRULE each choice is stored as. Kept apart
 * from zod and from the expansion (repeat-series.ts) so the form can say a choice in words
 * without bundling either.
 */

export const REPEAT_FREQUENCIES = ["daily", "workdays", "weekly", "monthlyOnDate", "monthlyOnWeekday", "yearly"] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_REPEAT_INTERVAL = 99;
export const MAX_REPEAT_COUNT = 1000;

export type RepeatEnd = { kind: "never" } | { kind: "onDate"; date: string } | { kind: "afterCount"; count: number };

export interface Repeat {
  frequency: RepeatFrequency;
  /** Every N days, weeks, months or years (1 for every working day). */
  interval: number;
  /** For weekly: the days; none means the start's weekday. */
  weekdays: Weekday[];
  ends: RepeatEnd;
}

/** "The second Tuesday" of a start's month: its week of the month, or the last (-1) when it is the fifth. */
export function weekOfMonth(localDate: string): number {
  const n = Math.ceil(Number(localDate.slice(8, 10)) / 7);
  return n === 5 ? -1 : n;
}

export function weekdayOf(localDate: string): Weekday {
  return WEEKDAYS[isoWeekdayOf(localDate) - 1]!;
}

/** The RRULE value (without UNTIL and COUNT) of a choice, for a series starting on `startDate` (local). */
export function ruleOf(repeat: Repeat, startDate: string): string {
  const every = repeat.interval > 1 ? `;INTERVAL=${repeat.interval}` : "";
  switch (repeat.frequency) {
    case "daily":
      return `FREQ=DAILY${every}`;
    case "workdays":
      return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
    case "weekly": {
      const days = repeat.weekdays.length ? WEEKDAYS.filter((d) => repeat.weekdays.includes(d)) : [weekdayOf(startDate)];
      return `FREQ=WEEKLY${every};BYDAY=${days.join(",")}`;
    }
    case "monthlyOnDate":
      return `FREQ=MONTHLY${every};BYMONTHDAY=${Number(startDate.slice(8, 10))}`;
    case "monthlyOnWeekday":
      return `FREQ=MONTHLY${every};BYDAY=${weekOfMonth(startDate)}${weekdayOf(startDate)}`;
    case "yearly":
      return `FREQ=YEARLY${every}`;
  }
}

/** The choice a stored rule came from (the form shows it again); null for a rule the form did not make. */
export function repeatOf(rule: string, until: Date | null, count: number | null, zone: string): Repeat | null {
  const parts = new Map(rule.split(";").map((p) => p.split("=") as [string, string]));
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const byDay = parts.get("BYDAY");
  const ends: RepeatEnd =
    count !== null ? { kind: "afterCount", count } : until ? { kind: "onDate", date: instantToWallClock(until, zone).slice(0, 10) } : { kind: "never" };
  const base = { interval, weekdays: [] as Weekday[], ends };
  switch (parts.get("FREQ")) {
    case "DAILY":
      return { ...base, frequency: "daily" };
    case "WEEKLY":
      if (byDay === "MO,TU,WE,TH,FR" && interval === 1) return { ...base, frequency: "workdays" };
      return { ...base, frequency: "weekly", weekdays: (byDay?.split(",") ?? []).filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)) };
    case "MONTHLY":
      return { ...base, frequency: byDay ? "monthlyOnWeekday" : "monthlyOnDate" };
    case "YEARLY":
      return { ...base, frequency: "yearly" };
    default:
      return null;
  }
}
