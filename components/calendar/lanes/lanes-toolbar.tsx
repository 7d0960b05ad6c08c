"use client";

import { clsx } from "clsx";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { isLocalDate } from "@/lib/time/calendar-date";
import type { LaneScale } from "./lane-layout";

/** Previous / today / next, a date to jump to, and day or week: none of them reloads the page. */
export function LanesToolbar({
  scale,
  date,
  heading,
  busy,
  onScale,
  onDate,
  onStep,
  onToday,
}: {
  scale: LaneScale;
  date: string;
  heading: string;
  busy: boolean;
  onScale: (scale: LaneScale) => void;
  onDate: (date: string) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
}) {
  const t = useTranslations("calendar.lanes");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex items-center gap-1">
        <Button size="md" aria-label={scale === "day" ? t("previousDay") : t("previousWeek")} onClick={() => onStep(-1)}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
        </Button>
        <Button size="md" onClick={onToday}>
          {t("today")}
        </Button>
        <Button size="md" aria-label={scale === "day" ? t("nextDay") : t("nextWeek")} onClick={() => onStep(1)}>
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Button>
      </div>
      <h2 className="min-w-0 flex-1 basis-48 truncate text-base font-semibold first-letter:uppercase" aria-live="polite">
        {heading}
        {busy ? <span className="ml-2 text-xs font-normal text-slate-500">{t("loading")}</span> : null}
      </h2>
      <div className="w-40">
        <label htmlFor="lanes-date" className="sr-only">
          {t("goToDate")}
        </label>
        <input
          id="lanes-date"
          type="date"
          value={date}
          onChange={(e) => {
            if (isLocalDate(e.target.value)) onDate(e.target.value);
          }}
          className={clsx(controlClass, "py-1")}
        />
      </div>
      <fieldset className="flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
        <legend className="sr-only">{t("scale")}</legend>
        {(["day", "week"] as const).map((s) => (
          <label
            key={s}
            className={clsx(
              "cursor-pointer rounded px-2.5 py-1 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
              scale === s ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            <input type="radio" name="lanes-scale" value={s} checked={scale === s} onChange={() => onScale(s)} className="sr-only" />
            {t(s)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
