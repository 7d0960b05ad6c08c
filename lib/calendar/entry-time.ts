import { addCalendarDays } from "@/lib/time/calendar-date";
import { wallClockToInstant } from "@/lib/time/zoned";
import type { FieldProblems } from "@/lib/tasks/references";
import { MAX_ALL_DAY_ENTRY_DAYS, MAX_TIMED_ENTRY_DAYS } from "./limits";
import type { EntryTimeInput } from "./schema";
import type { EntryTime } from "./types";

/** An entry's time as stored: instants for a timed entry, dates (end exclusive) for an all-day one. */
export interface StoredTime {
  allDay: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  startDate: string | null;
  endDate: string | null;
}

const DAY = 86_400_000;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/**
 * The form's time in the viewer's zone, as stored, or problems: an end before the start, or an
 * entry longer than any real one (a year typed for a month).
 */
export function storedTime(input: EntryTimeInput, timeZone: string, problems: FieldProblems): StoredTime {
  if (input.allDay) {
    const endExclusive = addCalendarDays(input.endDate, 1);
    if (input.endDate < input.startDate) problems.add("time.endDate", "calendar.errors.endBeforeStart");
    else if (daysBetween(input.startDate, endExclusive) > MAX_ALL_DAY_ENTRY_DAYS) problems.add("time.endDate", "calendar.errors.tooLong");
    return { allDay: true, startsAt: null, endsAt: null, startDate: input.startDate, endDate: endExclusive };
  }
  const startsAt = wallClockToInstant(input.start, timeZone);
  const endsAt = wallClockToInstant(input.end, timeZone);
  if (!startsAt) problems.add("time.start", "invalidDate");
  if (!endsAt) problems.add("time.end", "invalidDate");
  if (startsAt && endsAt) {
    if (endsAt <= startsAt) problems.add("time.end", "calendar.errors.endBeforeStart");
    else if (endsAt.getTime() - startsAt.getTime() > MAX_TIMED_ENTRY_DAYS * DAY) problems.add("time.end", "calendar.errors.tooLong");
  }
  return { allDay: false, startsAt, endsAt, startDate: null, endDate: null };
}

/** The same moment: a move to where the entry already is changes nothing. */
export function sameTime(a: StoredTime, b: StoredTime): boolean {
  return (
    a.allDay === b.allDay &&
    a.startsAt?.getTime() === b.startsAt?.getTime() &&
    a.endsAt?.getTime() === b.endsAt?.getTime() &&
    a.startDate === b.startDate &&
    a.endDate === b.endDate
  );
}

/** How the history keeps a time: "2026-03-29T07:00:00.000Z/2026-03-29T08:00:00.000Z" or "2026-03-29/2026-03-31". */
export function timeForHistory(t: StoredTime): string {
  return t.allDay ? `${t.startDate}/${t.endDate}` : `${t.startsAt!.toISOString()}/${t.endsAt!.toISOString()}`;
}

/** A stored time as pages and notices read it: ISO instants, or dates with the end exclusive. */
export function entryTimeOf(t: StoredTime): EntryTime {
  return t.allDay
    ? { allDay: true, startDate: t.startDate!, endDate: t.endDate! }
    : { allDay: false, start: t.startsAt!.toISOString(), end: t.endsAt!.toISOString() };
}
