import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { CalendarNav } from "@/components/calendar/calendar-nav";
import { visibleDays, windowOf } from "@/components/calendar/calendar-range";
import { PeopleLanes } from "@/components/calendar/lanes/people-lanes";
import type { LaneScale } from "@/components/calendar/lanes/lane-layout";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { lanesSetupOf } from "@/lib/calendar/lanes";
import { calendarWindow } from "@/lib/calendar/window";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";
import { calendarReaderOf } from "../calendar-reader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendar.lanes");
  return { title: t("title") };
}

type SearchParams = { view?: string | string[]; date?: string | string[] };

/** "The week of the people I picked": the lanes are drawn in the browser, from the first window rendered here. */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const [t, reader, params, db] = await Promise.all([getTranslations("calendar.lanes"), calendarReaderOf(viewer), searchParams, getDb()]);
  const at = now();
  const scale: LaneScale = params.view === "day" ? "day" : "week";
  const date = typeof params.date === "string" && isLocalDate(params.date) ? params.date : localDateOf(at, viewer.timeZone);

  const setup = await lanesSetupOf(db, viewer);
  const range = windowOf(visibleDays(scale, date, reader.firstDay), viewer.timeZone);
  const initialWindow = setup.chosen.length
    ? await calendarWindow(db, viewer, { people: setup.chosen.map((p) => p.id), from: new Date(range.from), to: new Date(range.to) })
    : undefined;

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { zone: viewer.timeZone })} />
      <CalendarNav />
      <PeopleLanes reader={reader} setup={setup} initialScale={scale} initialDate={date} initialWindow={initialWindow} nowIso={at.toISOString()} />
    </>
  );
}
