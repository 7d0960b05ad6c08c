import { clsx } from "clsx";
import { ArrowRight, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** One entry of a history as the timeline shows it, already worded in the viewer's language, zone and date format. */
export interface TimelineItem {
  id: number;
  icon: LucideIcon;
  /** The colours of the icon's dot; a neutral grey when left out. */
  tone?: string;
  actor: string;
  what: string;
  at: Date;
  atLabel: string;
  /** The value before and after, struck through → new; none for entries that change no value. */
  change?: { from: string; to: string } | null;
  /** Anything shown under the entry (a comment, a note). */
  extra?: ReactNode;
}

/** Who did what and when, oldest first, as a vertical timeline (the history of a task or of a case). */
export function HistoryTimeline({ items, preLineValues = false }: { items: TimelineItem[]; preLineValues?: boolean }) {
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5">
      {items.map((item) => (
        <li key={item.id} className="relative">
          <span
            aria-hidden
            className={clsx(
              "absolute top-0.5 -left-[29px] flex h-[18px] w-[18px] items-center justify-center rounded-full ring-4 ring-white",
              item.tone ?? "bg-slate-100 text-slate-600",
            )}
          >
            <item.icon className="h-3 w-3" />
          </span>
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium text-slate-900">{item.actor}</span>
            <span className="text-slate-600">{item.what}</span>
            <time dateTime={item.at.toISOString()} className="ml-auto text-xs text-slate-500 tabular-nums">
              {item.atLabel}
            </time>
          </div>
          {item.change ? (
            <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
              <span
                className={clsx("rounded bg-slate-100 px-1.5 py-0.5 text-slate-600 line-through decoration-slate-400", preLineValues && "whitespace-pre-line")}
              >
                {item.change.from}
              </span>
              <ArrowRight aria-label="→" className="h-3 w-3 text-muted" />
              <span className={clsx("rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-800", preLineValues && "whitespace-pre-line")}>
                {item.change.to}
              </span>
            </div>
          ) : null}
          {item.extra}
        </li>
      ))}
    </ol>
  );
}
