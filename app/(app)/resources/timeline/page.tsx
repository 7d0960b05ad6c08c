import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { List } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { calendarReaderOf } from "@/app/(app)/calendar/calendar-reader";
import { requireViewer } from "@/app/require-viewer";
import { ResourceFilters } from "@/components/resources/resource-filters";
import { ResourceLanes } from "@/components/resources/resource-lanes";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { resourceLocations } from "@/lib/resources/queries";
import { resourceFilterInput } from "@/lib/resources/schema";
import { laneBookingsOf, resourceTimeline } from "@/lib/resources/timeline";
import { isLocalDate } from "@/lib/time/calendar-date";
import { now } from "@/lib/time/clock";
import { localDateOf } from "@/lib/time/zoned";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.timeline");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

/** /resources/timeline?view=week&date=…&kind=…&location=…: the resources the filter picks side by side, a lane each, for a day or a week. */
export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const search = await searchParams;
  const filter = resourceFilterInput.parse(search);
  const at = now();
  const scale = search.view === "day" ? "day" : "week";
  const date = typeof search.date === "string" && isLocalDate(search.date) ? search.date : localDateOf(at, viewer.timeZone);
  const [db, reader, t] = await Promise.all([getDb(), calendarReaderOf(viewer), getTranslations("resources")]);
  const [timeline, locations] = await Promise.all([resourceTimeline(db, viewer, { filter, scale, date, firstDay: reader.firstDay }), resourceLocations(db)]);
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && !!e[1])).toString();
  return (
    <>
      <PageHeader
        title={t("timeline.title")}
        description={t("timeline.description", { zone: viewer.timeZone })}
        actions={
          <Link href={query ? `/resources?${query}` : "/resources"} className={buttonClass("secondary")}>
            <List aria-hidden className="h-4 w-4" />
            {t("timeline.list")}
          </Link>
        }
      />
      <ResourceFilters action="/resources/timeline" filter={filter} locations={locations} keep={{ view: scale, date }} />
      {timeline.resources.length ? (
        <ResourceLanes
          reader={reader}
          arrangement="resources"
          scale={scale}
          date={date}
          days={timeline.days}
          resources={timeline.resources.map((r) => ({ id: r.id, name: r.name, location: r.location }))}
          bookings={laneBookingsOf(timeline.bookings)}
          nowIso={at.toISOString()}
        />
      ) : (
        <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>
      )}
    </>
  );
}
