import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { visibleDays, windowOf } from "@/components/calendar/calendar-range";
import { BookForm } from "@/components/resources/book-form";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { bookingsInWindow, resourceById } from "@/lib/resources/queries";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { addCalendarDays, localDateOf, startOfLocalDay } from "@/lib/time/zoned";

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

/** /resources/:id?week=2027-03-01: the resource's bookings for a week, day by day in the viewer's zone, and a form to book it. */
export default async function Page({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const resource = await resourceOf((await params).id);
  if (!resource) notFound();
  const search = await searchParams;
  const t = await getTranslations("resources");
  const format = await getInstantFormat();
  const date = typeof search.week === "string" && isLocalDate(search.week) ? search.week : localDateOf(now(), viewer.timeZone);
  const week = visibleDays("week", date, 1);
  const window = windowOf(week, viewer.timeZone);
  const booked = await bookingsInWindow(await getDb(), viewer, resource.id, new Date(window.from), new Date(window.to));
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(week.start, i)).map((day) => {
    const from = startOfLocalDay(day, viewer.timeZone)!;
    const to = startOfLocalDay(addCalendarDays(day, 1), viewer.timeZone)!;
    return { day, from, bookings: booked.filter((b) => b.start < to && b.end > from) };
  });
  const facts = [t(`kind.${resource.kind}`), resource.location, resource.capacity ? t("page.capacity", { count: resource.capacity }) : null].filter(Boolean);

  return (
    <>
      <PageHeader title={resource.name} description={facts.join(" · ")} />
      {resource.retiredAt ? <p className="mb-4 text-sm text-slate-600">{t("page.retired")}</p> : null}
      <div className="grid items-start gap-4 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="week-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="week-heading">{t("page.week", { from: format(days[0]!.from, "date"), to: format(days[6]!.from, "date") })}</h2>
            <nav aria-label={t("page.weekNav")} className="flex gap-2">
              <Link className={buttonClass("secondary", "sm")} href={`/resources/${resource.id}?week=${addCalendarDays(week.start, -7)}`}>
                {t("page.previousWeek")}
              </Link>
              <Link className={buttonClass("secondary", "sm")} href={`/resources/${resource.id}?week=${addCalendarDays(week.start, 7)}`}>
                {t("page.nextWeek")}
              </Link>
            </nav>
          </div>
          <ol className="space-y-2">
            {days.map(({ day, from, bookings }) => (
              <li key={day} className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
                <h3 className="text-sm font-semibold">{format(from, "date")}</h3>
                {bookings.length ? (
                  <ul className="mt-1 space-y-1 text-sm">
                    {bookings.map((b) => (
                      <li key={b.id}>
                        <span className="font-medium tabular-nums">
                          {format(b.start, localDateOf(b.start, viewer.timeZone) === day ? "time" : "full")} –{" "}
                          {format(b.end, localDateOf(b.end, viewer.timeZone) === day ? "time" : "full")}
                        </span>{" "}
                        {b.busy ? (
                          t("page.busy")
                        ) : b.entryId ? (
                          <Link
                            href={`/calendar/entries/${b.entryId}`}
                            className="text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                          >
                            {t("page.bookedBy", { purpose: b.purpose ?? "", name: b.bookedBy ?? "" })}
                          </Link>
                        ) : (
                          t("page.bookedBy", { purpose: b.purpose ?? "", name: b.bookedBy ?? "" })
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">{t("page.free")}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
        <Card>{resource.retiredAt ? <EmptyState title={t("page.retired")} /> : <BookForm resourceId={resource.id} timeZone={viewer.timeZone} />}</Card>
      </div>
    </>
  );
}
