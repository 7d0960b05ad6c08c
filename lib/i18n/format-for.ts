// Building an Intl.DateTimeFormat costs far more than using one: one per language, zone and style.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the recipient reads it in text that leaves the app (e-mail, SMS, push, outbox
 * rows): their language, their time zone, never the server's.
 */
export function formatInstantFor(instant: Date, person: { locale: "pl" | "en"; timeZone: string }, style: "full" | "short" = "full"): string {
  const key = `${person.locale}|${person.timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(person.locale === "pl" ? "pl-PL" : "en-GB", {
      timeZone: person.timeZone,
      ...(style === "full" ? { day: "numeric", month: "short", year: "numeric" } : { weekday: "short", day: "numeric", month: "short" }),
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(key, format);
  }
  return format.format(instant);
}
