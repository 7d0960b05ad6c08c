"use client";

import { clsx } from "clsx";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { clockOf, dateLabel, type CalendarReader } from "@/components/calendar/calendar-reader";
import { wallTimeOf } from "@/components/calendar/lanes/lane-layout";
import type { LaneBooking } from "@/lib/resources/timeline";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600";
// On hover or focus a truncated booking grows over its neighbours to show all it says.
const grows =
  "hover:z-10 hover:w-max hover:min-w-full hover:max-w-[22rem] hover:shadow-md focus-visible:z-10 focus-visible:w-max focus-visible:min-w-full focus-visible:max-w-[22rem] focus-visible:shadow-md";

/** The bar's stretch and the block's fill: a booking one may read, and one that is only "Busy". */
export const BOOKING_BAR = { open: "bg-brand-600", busy: "cal-masked bg-slate-500" } as const;
const FILL = { open: "border-brand-700 bg-brand-600 text-white", busy: "cal-masked border-slate-600 bg-slate-500 text-white" } as const;

/**
 * One booking: in a week a line of its day's list (a dot, its start, what it is for), in a day a
 * block at its time. What it is for and who booked it, or "Busy" for a private entry's; a link to
 * the entry it belongs to when the viewer may open it. Screen readers hear the whole span and day.
 */
export function BookingBlock({
  booking,
  reader,
  variant,
  cut,
}: {
  booking: LaneBooking;
  reader: CalendarReader;
  variant: "line" | "block";
  /** A block cut at the edges of the hours shown: it began before them, or runs on after. */
  cut?: { before: boolean; after: boolean };
}) {
  const t = useTranslations("resources.timeline");
  const tone = booking.busy ? "busy" : "open";
  const what = booking.busy ? t("busy") : (booking.purpose ?? "");
  const who = booking.busy ? null : booking.bookedBy;
  const start = clockOf(reader, booking.start);
  const end = clockOf(reader, booking.end);
  const startDay = wallTimeOf(booking.start, reader.timeZone).date;
  const lastDay = wallTimeOf(new Date(Date.parse(booking.end) - 1), reader.timeZone).date;
  const day = (date: string) => dateLabel(reader, date, { weekday: "short", day: "numeric", month: "short" });
  const until = lastDay !== startDay ? `${day(lastDay)} ${end}` : end;
  const more = [t("until", { time: until }), day(startDay), who].filter(Boolean).join(", ");
  const words =
    variant === "line" ? (
      <>
        <span aria-hidden className={clsx("h-2 w-2 shrink-0 rounded-full", BOOKING_BAR[tone])} />
        <span className="relative min-w-0 truncate">
          <span className="tabular-nums opacity-85">{start} </span>
          <span className={booking.busy ? "italic" : "font-medium"}>{what}</span>
          {who ? <span className="opacity-85"> · {who}</span> : null}
          <span className="sr-only">, {more}</span>
        </span>
      </>
    ) : (
      <>
        <span className="flex min-w-0 tabular-nums opacity-85">
          {cut?.before ? <span aria-hidden>◂&nbsp;</span> : null}
          <span className="shrink-0">{start}</span>
          <span aria-hidden className="relative min-w-0 truncate">
            {[`–${until}${cut?.after ? " ▸" : ""}`, who].filter(Boolean).join(" · ")}
          </span>
        </span>
        <span className={clsx("relative truncate", booking.busy ? "italic" : "font-medium")}>
          {what}
          <span className="sr-only">, {more}</span>
        </span>
      </>
    );
  const className =
    variant === "line"
      ? clsx("group relative flex h-5 items-center gap-1 rounded-sm px-1 text-[11px] leading-5 text-slate-800 hover:bg-white", grows)
      : clsx("group relative flex h-full flex-col justify-center rounded border px-1.5 text-[11px] leading-[14px]", FILL[tone], grows);
  const common = { "data-booking-id": booking.id, "data-masked": booking.busy || undefined };
  if (booking.entryId) {
    return (
      <Link {...common} href={`/calendar/entries/${booking.entryId}`} className={clsx(className, focusRing, variant === "line" && "focus-visible:bg-white")}>
        {words}
      </Link>
    );
  }
  return (
    <span {...common} className={className}>
      {words}
    </span>
  );
}
