import { formatInstantFor, resolveDateFormat, type DateFormat } from "@/lib/i18n/format-for";

/**
 * How the viewer reads the lanes: their zone (never the browser's), their language and date
 * format, which also decide the week and the clock (a US reader: Sunday first and 12 hours;
 * anyone else, Polish always: Monday first and 24 hours).
 */
export interface LanesReader {
  timeZone: string;
  locale: "pl" | "en";
  dateFormat: DateFormat;
  firstDay: 0 | 1;
  hour12: boolean;
  languageTag: string;
}

export function lanesReaderOf(locale: "pl" | "en", timeZone: string, dateFormat: DateFormat = "auto"): LanesReader {
  const us = locale === "en" && resolveDateFormat({ locale, timeZone, dateFormat }) === "mdy";
  return { timeZone, locale, dateFormat, firstDay: us ? 0 : 1, hour12: us, languageTag: locale === "pl" ? "pl-PL" : us ? "en-US" : "en-GB" };
}

export function clockOf(reader: LanesReader, instant: string | Date): string {
  return formatInstantFor(typeof instant === "string" ? new Date(instant) : instant, reader, "time");
}

/** A local date ("2026-03-29") in words; zone-free dates are read at UTC midnight in UTC, so no zone shifts them. */
export function dateLabel(reader: LanesReader, date: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(reader.languageTag, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** "23–29 March 2026", or one day in full. */
export function rangeLabel(reader: LanesReader, days: string[]): string {
  const format = new Intl.DateTimeFormat(reader.languageTag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const first = new Date(`${days[0]}T00:00:00Z`);
  if (days.length === 1) return dateLabel(reader, days[0]!, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return format.formatRange(first, new Date(`${days[days.length - 1]}T00:00:00Z`));
}

export function hourLabel(reader: LanesReader, minutes: number): string {
  const hour = Math.floor(minutes / 60) % 24;
  if (reader.hour12) return `${hour % 12 || 12} ${hour < 12 ? "AM" : "PM"}`;
  return `${String(hour).padStart(2, "0")}:00`;
}
