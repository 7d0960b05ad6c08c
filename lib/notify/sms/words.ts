import { resolveDateFormat, type InstantReader } from "@/lib/i18n/format-for";

// One formatter per zone: building one costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The wall clock in `timeZone` as numbers (never through the process zone). */
function partsOf(instant: Date, timeZone: string): { year: string; month: string; day: string; hour: string; minute: string } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/**
 * A moment as short as an SMS needs it, in the reader's zone and date format, without the year
 * (but for ISO): "03.12 09:00" (Polish, dmy_numeric), "3 Dec 09:00" (dmy_text in English; Polish
 * month abbreviations carry letters outside GSM-7, so Polish stays numeric), "12/03 09:00 AM"
 * (mdy), "2026-12-03 09:00" (iso). ASCII only, so it never decides the SMS's encoding.
 */
export function smsMoment(iso: string, reader: InstantReader): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const p = partsOf(at, reader.timeZone);
  const format = resolveDateFormat(reader);
  if (format === "iso") return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  if (format === "mdy") {
    const h = Number(p.hour);
    return `${p.month}/${p.day} ${String(h % 12 || 12).padStart(2, "0")}:${p.minute} ${h < 12 ? "AM" : "PM"}`;
  }
  if (format === "dmy_text" && reader.locale === "en") return `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.hour}:${p.minute}`;
  return `${p.day}.${p.month} ${p.hour}:${p.minute}`;
}

/** "Małgorzata Woźniak" → "M. Woźniak": the person stays recognisable in a few characters. */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? "";
  const first = Array.from(words[0]!)[0]!;
  return `${first}. ${words.slice(1).join(" ")}`;
}
