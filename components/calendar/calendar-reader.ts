import type { CalendarView, DayRange } from "./calendar-range";
import { formatInstantFor, resolveDateFormat, type DateFormat } from "@/lib/i18n/format-for";

/**
 * How the viewer reads a calendar, any of its views: their zone (never the browser's), the page's
 * language and their date format, which also decide the week and the clock (a US reader: Sunday
 * first and 12 hours; anyone else, Polish always: Monday first and 24 hours). Decided on the
 * server (app/(app)/calendar/calendar-reader.ts) and handed to the views.
 */
export interface CalendarReader {
  timeZone: string;
  locale: "pl" | "en";
  dateFormat: DateFormat;
  /** 0 Sunday, 1 Monday. */
  firstDay: 0 | 1;
  hour12: boolean;
  /** The Intl language tag for headings ("pl-PL", "en-GB", "en-US"). */
  languageTag: string;
}

export function calendarReaderFor(pageLocale: string, timeZone: string, dateFormat: DateFormat = "auto"): CalendarReader {
  const locale = pageLocale === "en" ? "en" : "pl";
  const us = locale === "en" && resolveDateFormat({ locale, timeZone, dateFormat }) === "mdy";
  return { timeZone, locale, dateFormat, firstDay: us ? 0 : 1, hour12: us, languageTag: locale === "pl" ? "pl-PL" : us ? "en-US" : "en-GB" };
}

/** An instant's time of day on the reader's clock: "09:00", "9:00 AM". */
export function clockOf(reader: CalendarReader, instant: string | Date): string {
  return formatInstantFor(typeof instant === "string" ? new Date(instant) : instant, reader, "time");
}

/** A local date ("2026-03-29") in words; zone-free dates are read at UTC midnight in UTC, so no zone shifts them. */
export function dateLabel(reader: CalendarReader, date: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(reader.languageTag, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The hour starting `minutes` after midnight: "07:00", "7 AM"; `short` for a ruler: "7", "7a". */
export function hourLabel(reader: CalendarReader, minutes: number, short = false): string {
  const hour = Math.floor(minutes / 60) % 24;
  if (reader.hour12) return short ? `${hour % 12 || 12}${hour < 12 ? "a" : "p"}` : `${hour % 12 || 12} ${hour < 12 ? "AM" : "PM"}`;
  return short ? String(hour) : `${String(hour).padStart(2, "0")}:00`;
}

/** The heading of the days shown: "Monday, 7 December 2026", "30 Nov – 6 Dec 2026", "December 2026". */
export function rangeTitle(view: CalendarView, date: string, days: DayRange, languageTag: string): string {
  const at = (d: string) => new Date(`${d}T12:00:00Z`);
  const utc = { timeZone: "UTC" } as const;
  if (view === "day") return new Intl.DateTimeFormat(languageTag, { ...utc, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(at(date));
  if (view === "month") return new Intl.DateTimeFormat(languageTag, { ...utc, month: "long", year: "numeric" }).format(at(date));
  const last = new Date(at(days.end).getTime() - 86_400_000);
  return new Intl.DateTimeFormat(languageTag, { ...utc, day: "numeric", month: "short", year: "numeric" }).formatRange(at(days.start), last);
}
