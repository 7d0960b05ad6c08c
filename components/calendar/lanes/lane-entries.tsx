"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { priorityDotClass } from "@/components/ui/priority-label";
import type { CalendarItem, DueMarker } from "@/lib/calendar/types";
import { clockOf, dateLabel, type LanesReader } from "./lanes-reader";
import { wallTimeOf } from "./lane-layout";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600";
// Busy time whose details are private: hatched, so it reads as "taken" without a title.
const hatched = "bg-[repeating-linear-gradient(135deg,#e2e8f0_0,#e2e8f0_4px,#f8fafc_4px,#f8fafc_8px)] text-slate-700 border-slate-300";

function toneOf(entry: CalendarItem): string {
  if (entry.masked) return hatched;
  if (entry.response === "declined") return "border-slate-300 bg-white text-slate-600 line-through";
  if (entry.response === "needs_action" || entry.response === "tentative") return "border-dashed border-brand-500 bg-white text-brand-900";
  return "border-brand-200 border-l-brand-600 bg-brand-50 text-brand-900";
}

/** One entry in a lane: a link to its page, named in full for screen readers (day, time, title or "Busy", answer). */
export function LaneEntry({ entry, reader, showDay }: { entry: CalendarItem; reader: LanesReader; showDay: boolean }) {
  const t = useTranslations("calendar.lanes");
  const title = entry.masked || !entry.title ? t("busy") : entry.title;
  const day = (date: string) => dateLabel(reader, date, { weekday: "short", day: "numeric", month: "short" });
  const notes = [
    entry.response === "declined" ? t("declined") : null,
    entry.response === "tentative" ? t("tentative") : null,
    entry.response === "needs_action" ? t("needsAction") : null,
    !entry.masked && entry.visibility === "private" ? t("private") : null,
  ].filter(Boolean);
  const start = entry.allDay ? "" : clockOf(reader, entry.start);
  const end = entry.allDay ? "" : clockOf(reader, entry.end);
  // The name starts with the visible words ("10:00 Busy"); screen readers then hear the end, the day and the answer.
  const more = [
    entry.allDay ? `${day(entry.startDate)}, ${t("allDay")}` : t("until", { time: end }),
    !entry.allDay && showDay ? day(wallTimeOf(entry.start, reader.timeZone).date) : null,
    ...notes,
  ]
    .filter(Boolean)
    .join(", ");
  const tooltip = `${entry.allDay ? `${day(entry.startDate)}, ${t("allDay")}` : `${start}–${end}`}, ${title}${notes.length ? `, ${notes.join(", ")}` : ""}${entry.location ? ` · ${entry.location}` : ""}`;

  return (
    <Link
      href={`/calendar/entries/${entry.id}`}
      title={tooltip}
      data-entry-id={entry.id}
      data-masked={entry.masked || undefined}
      className={clsx(
        "block h-full truncate rounded border border-l-[3px] px-1 text-xs",
        entry.allDay ? "leading-4" : "leading-[22px]",
        toneOf(entry),
        focusRing,
      )}
    >
      {/* A week's hour is a sliver: the start is left to the tooltip and screen readers, the title gets the room. */}
      {entry.allDay ? null : <span className={showDay ? "sr-only" : "tabular-nums opacity-80"}>{start} </span>}
      <span className={entry.masked ? "italic" : "font-medium"}>{title}</span>
      <span className="sr-only">, {more}</span>
    </Link>
  );
}

/** A task due at this moment: a diamond in its priority's colour, opening the task. */
export function LaneTask({ task, reader }: { task: DueMarker; reader: LanesReader }) {
  const t = useTranslations("calendar.lanes");
  const name = t("taskDue", { number: task.number, time: clockOf(reader, task.dueAt), title: task.title });
  return (
    <Link href={`/tasks/${task.id}`} aria-label={name} title={name} className={clsx("flex h-4 w-4 items-center justify-center rounded-sm", focusRing)}>
      <span
        aria-hidden
        className={clsx("block h-2.5 w-2.5 rotate-45 rounded-[1px] ring-1 ring-white", priorityDotClass[task.priority], task.done && "opacity-40")}
      />
    </Link>
  );
}
