import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { isCalendarView } from "@/components/calendar/calendar-range";
import { CalendarNav } from "@/components/calendar/calendar-nav";
import { MyCalendar } from "@/components/calendar/my-calendar";
import { getDb } from "@/db";
import { editableCalendarsOf } from "@/lib/calendar/grants";
import { calendarPersonOf } from "@/lib/calendar/lanes";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";
import { calendarReaderOf } from "./calendar-reader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("work");
  return { title: t("calendarTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/**
 * /calendar?view=week&date=2026-12-07: the person's own plan; with `person=<id>` a colleague's,
 * editable by drag where they let the viewer edit. The grid fetches its entries itself, masked
 * as everywhere.
 */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const [t, tv, search, db] = await Promise.all([getTranslations("work"), getTranslations("calendar.view"), searchParams, getDb()]);
  const personId = typeof search.person === "string" && search.person !== viewer.id ? search.person : null;
  const [reader, otherCalendars, shown] = await Promise.all([
    calendarReaderOf(viewer),
    editableCalendarsOf(db, viewer),
    personId ? calendarPersonOf(db, personId) : null,
  ]);
  if (personId && !shown) notFound();
  const person = shown ? { ...shown, canEdit: otherCalendars.some((c) => c.id === shown.id) } : undefined;
  const view = isCalendarView(search.view) ? search.view : "week";
  const date = typeof search.date === "string" && isLocalDate(search.date) ? search.date : localDateOf(now(), viewer.timeZone);
  return (
    <>
      <h1 className="sr-only">{person ? tv("personTitle", { name: person.name }) : t("calendarTitle")}</h1>
      <CalendarNav colleague={Boolean(person)} />
      <MyCalendar
        reader={reader}
        me={{ id: viewer.id, name: viewer.name }}
        otherCalendars={otherCalendars}
        person={person}
        initialView={view}
        initialDate={date}
      />
    </>
  );
}
