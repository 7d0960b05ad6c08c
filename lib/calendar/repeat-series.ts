import { addCalendarDays } from "@/lib/time/calendar-date";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { seriesEnd, type Series } from "./recurrence";
import { ruleOf, type Repeat } from "./repeat";

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
 * The series columns an entry form's choice gives, or the problems with it. A series invites its
 * attendees and guests like a single entry (one REQUEST with its RRULE) and books its resources
 * for every occurrence (lib/resources/series-bookings.ts).
 */
export function seriesValuesFor(
  repeat: Repeat | null | undefined,
  time: { allDay: boolean; startsAt: Date | null; endsAt: Date | null },
  zone: string,
  problems: { add(field: string, key: string): void },
) {
  if (!repeat) return NO_SERIES;
  if (time.allDay) problems.add("repeat", "calendar.errors.repeatAllDay");
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
  problems: { add(field: string, key: string): void },
) {
  if (repeat !== undefined) return seriesValuesFor(repeat, time, zone, problems);
  if (!current.recurrenceRule || !current.recurrenceZone) return NO_SERIES;
  if (time.allDay) problems.add("repeat", "calendar.errors.repeatAllDay");
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
