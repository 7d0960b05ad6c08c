import { getLocale } from "next-intl/server";
import type { CalendarReader } from "@/components/calendar/my-calendar";
import type { Viewer } from "@/lib/auth/viewer";
import { resolveDateFormat } from "@/lib/i18n/format-for";

/**
 * How the viewer reads a calendar: their zone, the page's language, and their date format,
 * which also decides the week and the clock (a US reader: Sunday first and 12 hours; anyone
 * else, Polish always: Monday first and 24 hours).
 */
export async function calendarReaderOf(viewer: Viewer): Promise<CalendarReader> {
  const locale = (await getLocale()) === "en" ? "en" : "pl";
  const dateFormat = viewer.dateFormat ?? "auto";
  const us = locale === "en" && resolveDateFormat({ locale, timeZone: viewer.timeZone, dateFormat }) === "mdy";
  return {
    timeZone: viewer.timeZone,
    locale,
    dateFormat,
    firstDay: us ? 0 : 1,
    hour12: us,
    languageTag: locale === "pl" ? "pl-PL" : us ? "en-US" : "en-GB",
  };
}
