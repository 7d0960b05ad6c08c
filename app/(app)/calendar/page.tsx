import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { isCalendarView } from "@/components/calendar/calendar-range";
import { CalendarNav } from "@/components/calendar/calendar-nav";
import { MyCalendar } from "@/components/calendar/my-calendar";
import { getDb } from "@/db";
import { editableCalendarsOf } from "@/lib/calendar/grants";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";
import { calendarReaderOf } from "./calendar-reader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("work");
  return { title: t("calendarTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** /calendar?view=week&date=2026-12-07: the person's own plan; the grid fetches its entries itself. */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const t = await getTranslations("work");
  const search = await searchParams;
  const [reader, otherCalendars] = await Promise.all([calendarReaderOf(viewer), editableCalendarsOf(await getDb(), viewer)]);
  const view = isCalendarView(search.view) ? search.view : "week";
  const date = typeof search.date === "string" && isLocalDate(search.date) ? search.date : localDateOf(now(), viewer.timeZone);
  return (
    <>
      <h1 className="sr-only">{t("calendarTitle")}</h1>
      <CalendarNav />
      <MyCalendar reader={reader} me={{ id: viewer.id, name: viewer.name }} otherCalendars={otherCalendars} initialView={view} initialDate={date} />
    </>
  );
}
