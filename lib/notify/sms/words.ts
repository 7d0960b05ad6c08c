import type { Locale } from "@/lib/i18n/locale";

// One formatter per language and zone: building one costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, locale: Locale, timeZone: string): Record<string, string> {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", {
      timeZone,
      day: locale === "pl" ? "2-digit" : "numeric",
      month: locale === "pl" ? "2-digit" : "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(key, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
}

/**
 * A moment as short as an SMS needs it, in the reader's zone: "03.12 09:00" in Polish,
 * "3 Dec 09:00" in English. ASCII only, so it never decides the SMS's encoding.
 */
export function smsMoment(iso: string, locale: Locale, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const p = partsOf(at, locale, timeZone);
  return locale === "pl" ? `${p.day}.${p.month} ${p.hour}:${p.minute}` : `${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** "Małgorzata Woźniak" → "M. Woźniak": the person stays recognisable in a few characters. */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words[0] ?? "";
  const first = Array.from(words[0]!)[0]!;
  return `${first}. ${words.slice(1).join(" ")}`;
}
