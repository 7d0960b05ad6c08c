import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { calendarReaderOf } from "@/app/(app)/calendar/calendar-reader";
import { requireViewer } from "@/app/require-viewer";
import { BookForm } from "@/components/resources/book-form";
import { ChangeableBookings } from "@/components/resources/changeable-bookings";
import { ResourceLanes } from "@/components/resources/resource-lanes";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { bookingsOfResources, resourceById } from "@/lib/resources/queries";
import { laneBookingsOf, timelineDays, windowOfDays } from "@/lib/resources/timeline";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";

type Params = { id: string };
type Search = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resourceOf(id: string) {
  return UUID.test(id) ? resourceById(await getDb(), id) : null;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const resource = await resourceOf((await params).id);
  const t = await getTranslations("work");
  return { title: resource?.name ?? t("resourcesTitle") };
}

/**
 * /resources/:id?view=week&date=2027-03-01: the resource's day or week in the viewer's zone, a
 * lane per day with its hours across, and a form to book it. `week=` (older links) reads as the date.
 */
export default async function Page({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const resource = await resourceOf((await params).id);
  if (!resource) notFound();
  const search = await searchParams;
  const at = now();
  const [db, reader, t] = await Promise.all([getDb(), calendarReaderOf(viewer), getTranslations("resources")]);
  const asked = typeof search.date === "string" ? search.date : search.week;
  const date = typeof asked === "string" && isLocalDate(asked) ? asked : localDateOf(at, viewer.timeZone);
  const scale = search.view === "day" ? "day" : "week";
  const days = timelineDays(scale, date, reader.firstDay);
  const { from, to } = windowOfDays(days, viewer.timeZone);
  const booked = await bookingsOfResources(db, viewer, [resource.id], from, to);
  const facts = [t(`kind.${resource.kind}`), resource.location, resource.capacity ? t("page.capacity", { count: resource.capacity }) : null].filter(Boolean);

  return (
    <>
      <PageHeader title={resource.name} description={facts.join(" · ")} />
      {resource.retiredAt ? <p className="mb-4 text-sm text-slate-600">{t("page.retired")}</p> : null}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(18rem,2fr)]">
        <section aria-label={t("page.calendar", { name: resource.name })} className="min-w-0">
          <ResourceLanes
            reader={reader}
            arrangement="days"
            scale={scale}
            date={date}
            days={days}
            resources={[{ id: resource.id, name: resource.name }]}
            bookings={laneBookingsOf(booked)}
            nowIso={at.toISOString()}
          />
        </section>
        <div className="space-y-4">
          <Card>{resource.retiredAt ? <EmptyState title={t("page.retired")} /> : <BookForm resourceId={resource.id} timeZone={viewer.timeZone} />}</Card>
          <ChangeableBookings bookings={booked} resourceName={resource.name} reader={reader} now={at} />
        </div>
      </div>
    </>
  );
}
