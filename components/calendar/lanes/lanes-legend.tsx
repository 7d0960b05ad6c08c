"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BAR, DOT } from "./lane-entries";
import type { LaneScale } from "./lane-layout";

type LegendItem = { key: "busy" | "unanswered" | "private" | "free" | "outside" | "declined" | "task"; mark: ReactNode };

// The day's bar and its marks: only the week draws them.
const WEEK_ONLY: LegendItem[] = [
  { key: "free", mark: <span className="inline-block h-2.5 w-5 shrink-0 rounded-[3px] bg-emerald-50 ring-1 ring-emerald-200 ring-inset" /> },
  { key: "outside", mark: <span className="inline-block border-y-[4px] border-l-[5px] border-y-transparent border-l-slate-600" /> },
];

/** What the colours and marks mean, swatches as they appear in the lanes. */
export function LanesLegend({ scale, hours }: { scale: LaneScale; hours: string }) {
  const t = useTranslations("calendar.lanes.legend");
  const swatch = "inline-block h-2.5 w-5 shrink-0 rounded-[3px]";
  const items: LegendItem[] = [
    { key: "busy", mark: <span className={clsx(swatch, BAR.confirmed)} /> },
    {
      // The lists' dot too: at a glance it is close to a declined one's, and the legend tells them apart.
      key: "unanswered",
      mark: (
        <span className="inline-flex items-center gap-1">
          <span className={clsx(swatch, BAR.unanswered)} />
          <span className={clsx("h-2 w-2 rounded-full", DOT.unanswered)} />
        </span>
      ),
    },
    { key: "private", mark: <span className={clsx(swatch, BAR.masked)} /> },
    ...(scale === "week" ? WEEK_ONLY : []),
    {
      key: "declined",
      mark: (
        <span className="inline-flex items-center gap-0.5">
          <span className={clsx("h-2 w-2 rounded-full", DOT.declined)} />
          <span className="w-4 border-t border-slate-500" />
        </span>
      ),
    },
    { key: "task", mark: <span className="mx-1 inline-block h-2 w-2 rotate-45 rounded-[1px] bg-amber-500" /> },
  ];
  return (
    <LegendRow
      hours={scale === "week" ? t("hours", { hours }) : null}
      label={t("label")}
      items={items.map((item) => ({ key: item.key, mark: item.mark, text: t(item.key) }))}
    />
  );
}

/** A legend under lanes: the hours the bars show (a week's), then each swatch with its meaning. */
export function LegendRow({ hours, label, items }: { hours: string | null; label: string; items: { key: string; mark: ReactNode; text: string }[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      {hours ? <p className="font-medium text-slate-700">{hours}</p> : null}
      <ul aria-label={label} className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            <span aria-hidden className="flex items-center">
              {item.mark}
            </span>
            {item.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
