"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { conflictsIn } from "@/lib/calendar/conflicts";
import { formatEntryTime } from "@/lib/calendar/entry-format";
import { MAX_PEOPLE_IN_VIEW, MAX_WINDOW_DAYS } from "@/lib/calendar/limits";
import type { InstantReader } from "@/lib/i18n/format-for";
import { addCalendarDays, localDateOf, startOfLocalDay, wallClockToInstant } from "@/lib/time/zoned";
import { fetchWindow, windowKey } from "./use-calendar-window";

const DAY = 86_400_000;

/** The time the form describes, as the conflict check needs it; null while it is not a valid time yet. */
function wantedTime(v: { allDay: boolean; start: string; end: string; startDate: string; endDate: string }, timeZone: string) {
  if (v.allDay) {
    const after = /^\d{4}-\d{2}-\d{2}$/.test(v.endDate) ? addCalendarDays(v.endDate, 1) : "";
    const start = startOfLocalDay(v.startDate, timeZone);
    const end = after ? startOfLocalDay(after, timeZone) : null;
    return start && end && end > start ? { start, end, startDate: v.startDate, endDate: after } : null;
  }
  const start = wallClockToInstant(v.start, timeZone);
  const end = wallClockToInstant(v.end, timeZone);
  if (!start || !end || end <= start) return null;
  return { start, end, startDate: localDateOf(start, timeZone), endDate: addCalendarDays(localDateOf(new Date(end.getTime() - 1), timeZone), 1) };
}

/**
 * Who is already busy when the entry would take place, shown before saving: a warning, not a
 * refusal. It reads the same masked window route as the grid, so a private entry says only "Busy".
 */
export function EntryConflicts({
  time,
  people,
  exceptEntryId,
  reader,
}: {
  time: { allDay: boolean; start: string; end: string; startDate: string; endDate: string };
  people: string[];
  exceptEntryId?: string;
  reader: InstantReader;
}) {
  const t = useTranslations("calendar.form");
  const wanted = wantedTime(time, reader.timeZone);
  const asked = people.slice(0, MAX_PEOPLE_IN_VIEW);
  const usable = wanted && wanted.end.getTime() - wanted.start.getTime() <= MAX_WINDOW_DAYS * DAY;
  const from = usable ? wanted.start.toISOString() : "";
  const to = usable ? wanted.end.toISOString() : "";
  const { data } = useQuery({
    queryKey: windowKey(from, to, asked),
    queryFn: ({ signal }) => fetchWindow(from, to, asked, signal),
    enabled: Boolean(usable && asked.length),
    staleTime: 30_000,
  });
  const conflicts = usable && data ? conflictsIn(data, { ...wanted, people: asked, exceptEntryId }) : [];
  return (
    <div aria-live="polite" className="md:col-span-6">
      {conflicts.length ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="flex items-center gap-1.5 font-medium">
            <TriangleAlert aria-hidden className="h-4 w-4" />
            {t("conflictsTitle")}
          </p>
          <ul className="mt-1 space-y-0.5 text-xs">
            {conflicts.map((c) => (
              <li key={`${c.personId}:${c.entryId}`}>
                <span className="font-medium">{c.personName}</span>: {c.title ?? t("busy")} ({formatEntryTime(c.time, reader)})
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs">{t("conflictsHint")}</p>
        </div>
      ) : null}
    </div>
  );
}
