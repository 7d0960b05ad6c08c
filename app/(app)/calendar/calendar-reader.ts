import { getLocale } from "next-intl/server";
import { calendarReaderFor, type CalendarReader } from "@/components/calendar/calendar-reader";
import type { Viewer } from "@/lib/auth/viewer";

/** How the signed-in viewer reads a calendar on this page: every calendar page starts here. */
export async function calendarReaderOf(viewer: Viewer): Promise<CalendarReader> {
  return calendarReaderFor(await getLocale(), viewer.timeZone, viewer.dateFormat ?? "auto");
}
