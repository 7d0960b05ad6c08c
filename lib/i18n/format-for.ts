/**
 * The one formatter of instants in Baton: every page, the bell, notices, e-mail, SMS and push
 * write a moment through `formatInstantFor`, in the reader's language, zone and date format.
 * Intl is always given the zone, so the process's zone never takes part.
 */

/** A person's date format; "auto" follows their language and zone (`resolveDateFormat`). */
export const DATE_FORMATS = ["auto", "dmy_numeric", "dmy_text", "mdy", "iso"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type ResolvedDateFormat = Exclude<DateFormat, "auto">;

export function isDateFormat(value: unknown): value is DateFormat {
  return typeof value === "string" && (DATE_FORMATS as readonly string[]).includes(value);
}

/** Who reads the instant. No date format means "auto". */
export interface InstantReader {
  locale: "pl" | "en";
  timeZone: string;
  dateFormat?: DateFormat | null;
}

/**
 * full: date and time (pages, notice texts); short: weekday, day and time, for SMS and push;
 * date: the day alone; time: the clock alone.
 */
export type InstantStyle = "full" | "short" | "date" | "time";

/**
 * "auto": Polish reads 03.12.2026, 09:00; English in an America/* zone reads the US way
 * (12/03/2026, 09:00 AM); English anywhere else reads the British way with the month in words
 * (3 Dec 2026, 09:00), which no reader on either side of the Atlantic takes for another day.
 */
export function resolveDateFormat(reader: InstantReader): ResolvedDateFormat {
  const chosen = reader.dateFormat ?? "auto";
  if (chosen !== "auto") return chosen;
  if (reader.locale === "pl") return "dmy_numeric";
  return reader.timeZone.startsWith("America/") ? "mdy" : "dmy_text";
}

// Building an Intl.DateTimeFormat costs far more than using one: one per pattern, language and zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** `pattern` names the options: the cache key is built without serialising them on every call. */
function intl(pattern: string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${pattern}|${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(key, format);
  }
  return format;
}

interface WallParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** The wall clock in the zone, as two-digit strings (hours 00-23). */
function wallParts(instant: Date, timeZone: string): WallParts {
  const parts: Record<string, string> = {};
  const numeric = intl("parts", "en-US", timeZone, { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  for (const p of numeric.formatToParts(instant)) if (p.type !== "literal") parts[p.type] = p.value;
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

const LANGUAGE_TAG = { pl: "pl-PL", en: "en-GB" } as const;

function weekday(instant: Date, reader: InstantReader): string {
  return intl("weekday", LANGUAGE_TAG[reader.locale], reader.timeZone, { weekday: "short" }).format(instant);
}

/** An instant as the reader reads it: their language, their zone and their date format, never the server's. */
export function formatInstantFor(instant: Date, reader: InstantReader, style: InstantStyle = "full"): string {
  const format = resolveDateFormat(reader);
  const { timeZone } = reader;
  if (format === "mdy") {
    const clock = { hour: "2-digit", minute: "2-digit", hour12: true } as const;
    const date = { month: "2-digit", day: "2-digit", year: "numeric" } as const;
    if (style === "time") return intl("mdy-time", "en-US", timeZone, clock).format(instant);
    if (style === "date") return intl("mdy-date", "en-US", timeZone, date).format(instant);
    if (style === "short")
      return `${weekday(instant, reader)} ${intl("mdy-short", "en-US", timeZone, { month: "2-digit", day: "2-digit", ...clock }).format(instant)}`;
    return intl("mdy-full", "en-US", timeZone, { ...date, ...clock }).format(instant);
  }
  if (format === "dmy_text") {
    const tag = LANGUAGE_TAG[reader.locale];
    const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    if (style === "time") return intl("text-time", tag, timeZone, clock).format(instant);
    if (style === "date") return intl("text-date", tag, timeZone, { day: "numeric", month: "short", year: "numeric" }).format(instant);
    if (style === "short") return intl("text-short", tag, timeZone, { weekday: "short", day: "numeric", month: "short", ...clock }).format(instant);
    return intl("text-full", tag, timeZone, { day: "numeric", month: "short", year: "numeric", ...clock }).format(instant);
  }
  const w = wallParts(instant, timeZone);
  const time = `${w.hour}:${w.minute}`;
  if (style === "time") return time;
  if (format === "iso") {
    const date = `${w.year}-${w.month}-${w.day}`;
    if (style === "date") return date;
    return style === "short" ? `${weekday(instant, reader)} ${date} ${time}` : `${date} ${time}`;
  }
  const date = `${w.day}.${w.month}.${w.year}`;
  if (style === "date") return date;
  return style === "short" ? `${weekday(instant, reader)} ${w.day}.${w.month}, ${time}` : `${date}, ${time}`;
}
