"use client";

import { clsx } from "clsx";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { priorityDotClass } from "@/components/ui/priority-label";
import type { CalendarItem, DueMarker } from "@/lib/calendar/types";
import { entryStateOf, type EntryState } from "../calendar-items";
import { clockOf, dateLabel, type CalendarReader } from "../calendar-reader";
import { wallTimeOf } from "./lane-layout";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600";
// On hover or focus a truncated entry grows over its neighbours to show all it says.
const grows =
  "hover:z-10 hover:w-max hover:min-w-full hover:max-w-[22rem] hover:shadow-md focus-visible:z-10 focus-visible:w-max focus-visible:min-w-full focus-visible:max-w-[22rem] focus-visible:shadow-md";

// The colours of the person's own calendar grid (calendar-items.ts): filled for blocks and banners,
// a dot for the week's lists, a stretch of the day's bar.
const FILL: Record<EntryState, string> = {
  confirmed: "border-brand-700 bg-brand-600 text-white",
  unanswered: "border-dashed border-brand-500 bg-brand-100 text-brand-900",
  declined: "border-slate-300 bg-slate-100 text-slate-600 line-through",
  masked: "cal-masked border-slate-600 bg-slate-500 text-white",
};
export const DOT: Record<EntryState, string> = {
  confirmed: "bg-brand-600",
  unanswered: "border border-brand-500 bg-brand-100",
  declined: "border border-slate-400 bg-white",
  masked: "cal-masked bg-slate-500",
};
/** The bar's stretch for an entry; a declined one does not take the time. */
export const BAR: Record<EntryState, string | null> = {
  confirmed: "bg-brand-600",
  unanswered: "bg-brand-200 bg-[repeating-linear-gradient(135deg,transparent_0_3px,#3b6fd855_3px_5px)]",
  declined: null,
  masked: "cal-masked bg-slate-500",
};

function entryTitle(entry: CalendarItem, busy: string): string {
  return entry.masked || !entry.title ? busy : entry.title;
}

/**
 * One entry as a link to its page: in a week a line of its day's list (a dot, its start, its
 * title), in a day or a strip a block at its time. Named for screen readers from its visible
 * words first ("10:00 Busy"), then the end, the day, the place and the answer.
 */
export function LaneEntry({
  entry,
  reader,
  variant,
  cut,
}: {
  entry: CalendarItem;
  reader: CalendarReader;
  variant: "line" | "block" | "banner";
  /** A block cut at the edges of the hours shown: it began before them, or runs on after. */
  cut?: { before: boolean; after: boolean };
}) {
  const t = useTranslations("calendar.lanes");
  const state = entryStateOf(entry);
  const title = entryTitle(entry, t("busy"));
  const day = (date: string) => dateLabel(reader, date, { weekday: "short", day: "numeric", month: "short" });
  const start = entry.allDay ? "" : clockOf(reader, entry.start);
  const end = entry.allDay ? "" : clockOf(reader, entry.end);
  const notes = [
    entry.response === "declined" ? t("declined") : null,
    entry.response === "tentative" ? t("tentative") : null,
    entry.response === "needs_action" ? t("needsAction") : null,
    !entry.masked && entry.visibility === "private" ? t("private") : null,
  ].filter((n): n is string => !!n);
  const lastDay = entry.allDay ? null : wallTimeOf(new Date(Date.parse(entry.end) - 1), reader.timeZone).date;
  const startDay = entry.allDay ? entry.startDate : wallTimeOf(entry.start, reader.timeZone).date;
  const more = [
    entry.allDay ? `${day(entry.startDate)}, ${t("allDay")}` : t("until", { time: lastDay !== startDay ? `${day(lastDay!)} ${end}` : end }),
    entry.allDay ? null : day(startDay),
    entry.location,
    ...notes,
  ]
    .filter(Boolean)
    .join(", ");
  // What a hover or focus adds to the visible words; screen readers have it all in `more`.
  const extra = [entry.allDay ? t("allDay") : `–${end}`, entry.location, ...notes].filter(Boolean).join(" · ");
  const common = { href: `/calendar/entries/${entry.id}`, "data-entry-id": entry.id, "data-masked": entry.masked || undefined };
  const words = (
    <>
      {entry.allDay ? null : <span className="tabular-nums opacity-85">{start} </span>}
      <span className={clsx(entry.masked ? "italic" : "font-medium")}>{title}</span>
      <span aria-hidden className="hidden group-hover:inline group-focus-visible:inline">
        {" "}
        <span className="opacity-85">{extra}</span>
      </span>
      <span className="sr-only">, {more}</span>
    </>
  );

  if (variant === "line") {
    return (
      <Link
        {...common}
        className={clsx(
          "group relative flex h-5 items-center gap-1 rounded-sm px-1 text-[11px] leading-5 text-slate-800 hover:bg-white focus-visible:bg-white",
          entry.response === "declined" && "text-slate-500 line-through",
          grows,
          focusRing,
        )}
      >
        <span aria-hidden className={clsx("h-2 w-2 shrink-0 rounded-full", DOT[state])} />
        {/* relative: the words hidden from sight stay in the column instead of widening its scroll */}
        <span className="relative min-w-0 truncate">{words}</span>
      </Link>
    );
  }
  if (variant === "block") {
    // Two lines, so an hour's width holds its start and some of its title: the time (with its
    // end and place where there is room, which screen readers hear in `more`), then the title.
    return (
      <Link
        {...common}
        className={clsx("group relative flex h-full flex-col justify-center rounded border px-1.5 text-[11px] leading-[14px]", FILL[state], grows, focusRing)}
      >
        <span className="flex min-w-0 tabular-nums opacity-85">
          {cut?.before ? <span aria-hidden>◂&nbsp;</span> : null}
          <span className="shrink-0">{start}</span>
          <span aria-hidden className="relative min-w-0 truncate">
            {[`–${end}${cut?.after ? " ▸" : ""}`, entry.location, ...notes].filter(Boolean).join(" · ")}
          </span>
        </span>
        <span className={clsx("relative truncate", entry.masked ? "italic" : "font-medium")}>
          {" "}
          {title}
          <span className="sr-only">, {more}</span>
        </span>
      </Link>
    );
  }
  return (
    <Link {...common} className={clsx("group relative block h-5 truncate rounded border px-1.5 text-[11px] leading-[18px]", FILL[state], grows, focusRing)}>
      {words}
    </Link>
  );
}

/** A task due on a day: a diamond in its priority's colour, its time and title, opening the task. */
export function LaneTask({ task, reader }: { task: DueMarker; reader: CalendarReader }) {
  const t = useTranslations("calendar.lanes");
  return (
    <Link
      href={`/tasks/${task.id}`}
      className={clsx(
        "group relative flex h-5 max-w-full items-center gap-1 rounded-sm px-0.5 text-[11px] leading-5 text-slate-700 hover:bg-white focus-visible:bg-white",
        grows,
        focusRing,
      )}
    >
      <span aria-hidden className={clsx("mx-0.5 block h-2 w-2 shrink-0 rotate-45 rounded-[1px]", priorityDotClass[task.priority], task.done && "opacity-40")} />
      <span className={clsx("relative min-w-0 truncate", task.done && "line-through")}>
        <span className="tabular-nums">{clockOf(reader, task.dueAt)}</span> {task.title}
        <span className="sr-only">, {t("task", { number: task.number })}</span>
      </span>
    </Link>
  );
}
