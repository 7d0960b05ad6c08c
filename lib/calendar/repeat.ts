import { addCalendarDays, isoWeekdayOf } from "@/lib/time/calendar-date";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { seriesEnd, type Series } from "./recurrence";

/**
 * What the entry form offers as repetition, and the RRULE each choice is stored as. Kept apart
 * from zod so the form can describe a choice in words without bundling the schema.
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

/**
 * The series' columns for a choice, the first occurrence at [start, end) typed in `zone`. "Ends
 * on a date" includes that whole local day.
 */
export function seriesColumnsOf(repeat: Repeat, start: Date, end: Date, zone: string) {
  const startDate = instantToWallClock(start, zone).slice(0, 10);
  const until = repeat.ends.kind === "onDate" ? wallClockToInstant(`${addCalendarDays(repeat.ends.date, 1)}T00:00`, zone) : null;
  const series: Series = {
    start,
    end,
    rule: ruleOf(repeat, startDate),
    zone,
    until: until ? new Date(until.getTime() - 60_000) : null,
    count: repeat.ends.kind === "afterCount" ? repeat.ends.count : null,
  };
  return {
    recurrenceRule: series.rule,
    recurrenceZone: zone,
    recurrenceUntil: series.until,
    recurrenceCount: series.count,
    seriesEndsAt: seriesEnd(series),
  };
}

/** The series columns of an entry that does not repeat. */
export const NO_SERIES = { recurrenceRule: null, recurrenceZone: null, recurrenceUntil: null, recurrenceCount: null, seriesEndsAt: null } as const;

/**
 * The series columns an entry form's choice gives, or the problems with it. Invitations,
 * reminders per occurrence and bookings per occurrence are later steps: until they land, an entry
 * with attendees, guests or resources does not repeat, and says so.
 */
export function seriesValuesFor(
  repeat: Repeat | null | undefined,
  time: { allDay: boolean; startsAt: Date | null; endsAt: Date | null },
  zone: string,
  others: { attendees: number; guests: number; resources: number },
  problems: { add(field: string, key: string): void },
) {
  if (!repeat) return NO_SERIES;
  if (time.allDay) problems.add("repeat", "calendar.errors.repeatAllDay");
  else if (others.attendees || others.guests || others.resources) problems.add("repeat", "calendar.errors.repeatWithInvitations");
  if (time.allDay || !time.startsAt || !time.endsAt) return NO_SERIES;
  if (repeat.ends.kind === "onDate" && repeat.ends.date < instantToWallClock(time.startsAt, zone).slice(0, 10)) {
    problems.add("repeat.ends.date", "calendar.errors.repeatEndsBeforeStart");
    return NO_SERIES;
  }
  return seriesColumnsOf(repeat, time.startsAt, time.endsAt, zone);
}

interface StoredSeries {
  recurrenceRule: string | null;
  recurrenceZone: string | null;
  recurrenceUntil: Date | null;
  recurrenceCount: number | null;
}

/**
 * The series columns after an edit: a new choice (or null: no longer repeating) when the form
 * sent one, else the series' own rule and zone carried to its new first time.
 */
export function seriesValuesAfterChange(
  current: StoredSeries,
  repeat: Repeat | null | undefined,
  time: { allDay: boolean; startsAt: Date | null; endsAt: Date | null },
  zone: string,
  others: { attendees: number; guests: number; resources: number },
  problems: { add(field: string, key: string): void },
) {
  if (repeat !== undefined) return seriesValuesFor(repeat, time, zone, others, problems);
  if (!current.recurrenceRule || !current.recurrenceZone) return NO_SERIES;
  if (time.allDay) problems.add("repeat", "calendar.errors.repeatAllDay");
  else if (others.attendees || others.guests || others.resources) problems.add("repeat", "calendar.errors.repeatWithInvitations");
  if (time.allDay || !time.startsAt || !time.endsAt) return NO_SERIES;
  const until = current.recurrenceUntil && current.recurrenceUntil < time.startsAt ? time.startsAt : current.recurrenceUntil;
  const series: Series = {
    start: time.startsAt,
    end: time.endsAt,
    rule: current.recurrenceRule,
    zone: current.recurrenceZone,
    until,
    count: current.recurrenceCount,
  };
  return { recurrenceRule: series.rule, recurrenceZone: series.zone, recurrenceUntil: until, recurrenceCount: series.count, seriesEndsAt: seriesEnd(series) };
}

/** How the history keeps a repetition: its rule with its end ("FREQ=WEEKLY;BYDAY=MO;COUNT=10"), or null. */
export function repeatForHistory(s: StoredSeries): string | null {
  if (!s.recurrenceRule) return null;
  const end = s.recurrenceCount !== null ? `;COUNT=${s.recurrenceCount}` : s.recurrenceUntil ? `;UNTIL=${s.recurrenceUntil.toISOString()}` : "";
  return `${s.recurrenceRule}${end}`;
}
