"use client";

import { clsx } from "clsx";
import { ChevronLeft, ChevronRight, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { CALENDAR_VIEWS, type CalendarView } from "./calendar-range";

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
