"use client";

import { clsx } from "clsx";
import { ChevronLeft, ChevronRight, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { CALENDAR_VIEWS, type CalendarView, type DayRange } from "./calendar-range";

/** The heading of the days shown: "Monday, 7 December 2026", "30 Nov – 6 Dec 2026", "December 2026". */
export function rangeTitle(view: CalendarView, date: string, days: DayRange, languageTag: string): string {
  const at = (d: string) => new Date(`${d}T12:00:00Z`);
  const utc = { timeZone: "UTC" } as const;
  if (view === "day") return new Intl.DateTimeFormat(languageTag, { ...utc, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(at(date));
  if (view === "month") return new Intl.DateTimeFormat(languageTag, { ...utc, month: "long", year: "numeric" }).format(at(date));
  const last = new Date(at(days.end).getTime() - 86_400_000);
  return new Intl.DateTimeFormat(languageTag, { ...utc, day: "numeric", month: "short", year: "numeric" }).formatRange(at(days.start), last);
}

/** Today, previous, next, a date to go to, the view, and "New entry": all without a page load. */
export function CalendarToolbar({
  view,
  date,
  title,
  busy,
  onView,
  onDate,
  onStep,
  onToday,
  onNewEntry,
  children,
}: {
  view: CalendarView;
  date: string;
  title: string;
  busy: boolean;
  onView: (view: CalendarView) => void;
  onDate: (date: string) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
  onNewEntry: () => void;
  /** Room for the people picker of the side-by-side lanes. */
  children?: React.ReactNode;
}) {
  const t = useTranslations("calendar.view");
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <Button onClick={onToday}>{t("today")}</Button>
      <div className="flex items-center">
        <Button variant="ghost" className="w-8 px-0!" aria-label={t(`previous.${view}`)} onClick={() => onStep(-1)}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
        </Button>
        <Button variant="ghost" className="w-8 px-0!" aria-label={t(`next.${view}`)} onClick={() => onStep(1)}>
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
      <h2 aria-live="polite" className="min-w-0 flex-1 truncate text-base font-semibold text-slate-900 first-letter:uppercase">
        {title}
        {busy ? <span className="ml-2 text-xs font-normal text-slate-500">{t("loading")}</span> : null}
      </h2>
      {children}
      <label className="flex items-center gap-1.5 text-xs whitespace-nowrap text-slate-600">
        <span>{t("goTo")}</span>
        <input type="date" value={date} onChange={(e) => e.target.value && onDate(e.target.value)} className={clsx(controlClass, "h-8 w-auto py-1")} />
      </label>
      <div role="group" aria-label={t("viewLabel")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
        {CALENDAR_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => onView(v)}
            className={clsx(
              "h-7 rounded px-2.5 text-xs font-medium transition-colors",
              view === v ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {t(`views.${v}`)}
          </button>
        ))}
      </div>
      <Button variant="primary" onClick={onNewEntry}>
        <Plus aria-hidden className="h-4 w-4" />
        {t("newEntry")}
      </Button>
    </div>
  );
}
