"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useTransition, type ReactNode } from "react";
import { shiftDate } from "@/components/calendar/calendar-range";
import { dateLabel, hourLabel, rangeTitle, type CalendarReader } from "@/components/calendar/calendar-reader";
import { HourRuler, HoursCell, LaneGrid, WeekDayCell, type Lane, type LaneColumn, type TimelineItem } from "@/components/calendar/lanes/lane-grid";
import { hourMarks, hoursOfDay, momentOn, placeTimed, segmentOn, WORKING_HOURS, type Hours, type LaneScale } from "@/components/calendar/lanes/lane-layout";
import { LegendRow } from "@/components/calendar/lanes/lanes-legend";
import { LanesToolbar } from "@/components/calendar/lanes/lanes-toolbar";
import { addCalendarDays, isoWeekdayOf, localDateOf } from "@/lib/time/zoned";
import type { LaneBooking } from "@/lib/resources/timeline";
import { BOOKING_BAR, BookingBlock } from "./booking-block";

export interface LaneResource {
  id: string;
  name: string;
  location?: string | null;
}

/** A week's day is never narrower than this (rem); a day's hour never narrower than HOUR_REM (a room's days beside its booking form: NARROW_HOUR_REM). */
const DAY_REM = 8;
const HOUR_REM = 4;
const NARROW_HOUR_REM = 2.75;
const DAY_MS = 86_400_000;
/** In a day, a short booking takes at least the room of this many minutes, enough for its time and some of its purpose. */
const MIN_BLOCK_MINUTES = 50;

/**
 * Bookings in lanes (LaneGrid), in the viewer's zone. `resources`: one lane per resource, a day
 * with its hours across or a week of days, each day's hours as a bar (free time light) over the
 * list of its bookings. `days`: one resource's calendar, a lane per day with its hours across.
 * Previous, today, next, a date and day or week are links in the address, so a reload keeps them.
 */
export function ResourceLanes({
  reader,
  arrangement,
  scale,
  date,
  days,
  resources,
  bookings,
  nowIso,
}: {
  reader: CalendarReader;
  arrangement: "resources" | "days";
  scale: LaneScale;
  date: string;
  days: string[];
  resources: LaneResource[];
  bookings: LaneBooking[];
  nowIso: string;
}) {
  const t = useTranslations("resources.timeline");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const now = useMemo(() => new Date(nowIso), [nowIso]);
  const today = localDateOf(now, reader.timeZone);

  const go = (next: { scale?: LaneScale; date?: string }) => {
    const params = new URLSearchParams(search.toString());
    params.set("view", next.scale ?? scale);
    params.set("date", next.date ?? date);
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  };

  const byLane = useMemo(() => {
    const map = new Map<string, LaneBooking[]>();
    for (const b of bookings) map.set(b.resourceId, [...(map.get(b.resourceId) ?? []), b]);
    return map;
  }, [bookings]);

  // A day opens to whole hours around whatever runs outside the working day; a week keeps the working day and marks what runs past it.
  const hours: Hours = useMemo(() => {
    if (arrangement === "resources" && scale === "week") return WORKING_HOURS;
    // A booking of a day or more is cut at the edges instead of opening the night.
    const short = bookings.filter((b) => Date.parse(b.end) - Date.parse(b.start) < DAY_MS);
    return days.map((day) => hoursOfDay(short, day, reader.timeZone)).reduce((a, b) => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }));
  }, [arrangement, scale, days, bookings, reader.timeZone]);

  const hoursColumn = (key: string): LaneColumn => ({
    key,
    weight: (hours.end - hours.start) / 60,
    // Beside the booking form the hours are narrow: "9" rather than "09:00".
    header: (
      <HourRuler marks={hourMarks(hours).map((m) => ({ at: m.at, label: hourLabel(reader, m.minutes, arrangement === "days") }))} className="mx-1 my-2" />
    ),
  });

  let columns: LaneColumn[];
  let lanes: Lane[];
  if (arrangement === "days") {
    columns = [hoursColumn("hours")];
    lanes = days.map((day) => ({
      id: day,
      label: dateLabel(reader, day, { weekday: "short", day: "numeric", month: "short" }),
      banners: [],
      notes: [],
      cells: [dayCell(bookings, day, hours, now, reader)],
      emptyText: bookings.some((b) => segmentOn(b.start, b.end, day, hours, reader.timeZone)) ? undefined : t("free"),
    }));
  } else {
    columns =
      scale === "day"
        ? [hoursColumn(days[0]!)]
        : days.map((day) => ({
            key: day,
            weight: 1,
            shaded: isoWeekdayOf(day) >= 6,
            current: day === today,
            header: (
              <div className="px-1.5 pt-1.5 pb-0.5">
                <div className="truncate text-xs font-semibold first-letter:uppercase">
                  {dateLabel(reader, day, { weekday: "short" })}{" "}
                  <span className="font-normal">{dateLabel(reader, day, { day: "numeric", month: "numeric" })}</span>
                </div>
                <HourRuler marks={hourMarks(WORKING_HOURS, 3).map((m) => ({ at: m.at, label: hourLabel(reader, m.minutes, true) }))} className="mt-0.5" />
              </div>
            ),
          }));
    lanes = resources.map((resource) => {
      const own = byLane.get(resource.id) ?? [];
      return {
        id: resource.id,
        // The whole name and its place: two long names alike at their start stay told apart on a phone.
        label: resource.name,
        detail: resource.location ?? undefined,
        wrap: true,
        link: {
          href: `/resources/${resource.id}?view=${scale}&date=${date}`,
          name: t("open", { name: resource.location ? `${resource.name} (${resource.location})` : resource.name }),
        },
        banners: [],
        notes: [],
        cells: scale === "day" ? [dayCell(own, days[0]!, hours, now, reader)] : days.map((day) => weekCell(own, day, days, now, reader)),
        emptyText: own.length ? undefined : t("free"),
      };
    });
  }

  // A phone opens a week at today, a day at the start of the working day.
  const startAt =
    columns.length === 1
      ? { column: 0, at: (WORKING_HOURS.start - hours.start) / (hours.end - hours.start) }
      : days.includes(today)
        ? { column: days.indexOf(today), at: 0 }
        : null;
  const range = { start: days[0]!, end: days.at(-1)! };
  const heading = rangeTitle(scale, date, { start: range.start, end: addCalendarDays(range.end, 1) }, reader.languageTag);
  return (
    <div className="space-y-3">
      <LanesToolbar
        scale={scale}
        date={date}
        heading={heading}
        busy={pending}
        onScale={(s) => go({ scale: s })}
        onDate={(d) => go({ date: d })}
        onStep={(step) => go({ date: shiftDate(scale, date, step) })}
        onToday={() => go({ date: today })}
      />
      <LaneGrid
        label={t("region")}
        cornerLabel={arrangement === "days" ? t("day") : t("resource")}
        columns={columns}
        lanes={lanes}
        minColumnRem={columns.length > 1 ? DAY_REM : arrangement === "days" ? NARROW_HOUR_REM : HOUR_REM}
        startAt={startAt}
      />
      <Legend week={columns.length > 1} hours={`${hourLabel(reader, WORKING_HOURS.start)}–${hourLabel(reader, WORKING_HOURS.end)}`} />
    </div>
  );
}

function byStart(a: LaneBooking, b: LaneBooking): number {
  return a.start.localeCompare(b.start) || b.end.localeCompare(a.end);
}

function listedOn(booking: LaneBooking, days: string[], timeZone: string): string | null {
  const place = placeTimed(booking.start, booking.end, days, timeZone);
  if (!place) return null;
  return "day" in place ? place.day : days[place.strip.from]!;
}

/** A week's day for one resource: the working hours as a bar, filled where it is booked, over the list of what starts that day. */
function weekCell(bookings: LaneBooking[], day: string, days: string[], now: Date, reader: CalendarReader): ReactNode {
  const segments = bookings.flatMap((b) => {
    const segment = segmentOn(b.start, b.end, day, WORKING_HOURS, reader.timeZone);
    return segment ? [{ key: b.id, segment, className: BOOKING_BAR[b.busy ? "busy" : "open"] }] : [];
  });
  // Listed on the day it starts (the first day shown when it began before): its bar runs on over the next days.
  const listed = bookings.filter((b) => listedOn(b, days, reader.timeZone) === day).sort(byStart);
  return (
    <WeekDayCell
      segments={segments}
      now={momentOn(now, day, WORKING_HOURS, reader.timeZone)}
      list={listed.map((b) => ({ key: b.id, node: <BookingBlock booking={b} reader={reader} variant="line" /> }))}
    />
  );
}

/** A day's hours across, each booking a block at its time, the hours outside the working day shaded. */
function dayCell(bookings: LaneBooking[], day: string, hours: Hours, now: Date, reader: CalendarReader): ReactNode {
  const items: TimelineItem[] = [...bookings].sort(byStart).flatMap((b) => {
    const segment = segmentOn(b.start, b.end, day, hours, reader.timeZone);
    return segment && segment.span.to > segment.span.from
      ? [{ key: b.id, segment, node: <BookingBlock booking={b} reader={reader} variant="block" cut={segment} /> }]
      : [];
  });
  return <HoursCell items={items} hours={hours} now={momentOn(now, day, hours, reader.timeZone)} minMinutes={MIN_BLOCK_MINUTES} />;
}

/** What the colours mean, swatches as they appear in the lanes. */
function Legend({ week, hours }: { week: boolean; hours: string }) {
  const t = useTranslations("resources.timeline");
  const swatch = "inline-block h-2.5 w-5 shrink-0 rounded-[3px]";
  const items = [
    { key: "booked", mark: <span className={clsx(swatch, BOOKING_BAR.open)} /> },
    { key: "busy", mark: <span className={clsx(swatch, BOOKING_BAR.busy)} /> },
    {
      key: "free",
      mark: <span className={clsx(swatch, week ? "bg-emerald-50 ring-1 ring-emerald-200 ring-inset" : "bg-white ring-1 ring-slate-200 ring-inset")} />,
    },
  ] as const;
  return (
    <LegendRow
      hours={week ? t("legend.hours", { hours }) : null}
      label={t("legend.label")}
      items={items.map((item) => ({ key: item.key, mark: item.mark, text: t(`legend.${item.key}`) }))}
    />
  );
}
