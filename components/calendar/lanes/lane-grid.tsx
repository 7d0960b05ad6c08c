"use client";

import { clsx } from "clsx";
import Link from "@/components/ui/link";
import { useEffect, useRef, type CSSProperties, type ReactNode } from "react";
import { hourMarks, stackInRows, WORKING_HOURS, type Hours, type Segment, type Span } from "./lane-layout";

/**
 * Rows of things laid along the same columns, one lane per row with its label kept in view while
 * the columns scroll sideways: the people side by side now, resources later. It knows nothing of
 * calendars: a caller gives columns (days), what spans several of them (banners), small notes per
 * column and what each column holds (a day's list, or its hours across: DayBar, DayTimeline).
 */

export interface LaneColumn {
  key: string;
  header: ReactNode;
  /** Width against the other columns: 1, or less for a day with nothing on it. */
  weight: number;
  /** Weekends: a shade darker. */
  shaded?: boolean;
  /** Today. */
  current?: boolean;
}

export interface LaneBanner {
  key: string;
  /** Column indices, end exclusive. */
  columns: Span;
  node: ReactNode;
}

export interface Lane {
  id: string;
  label: string;
  /** Across columns at the top of the lane (all-day entries, and those lasting days). */
  banners: LaneBanner[];
  /** Under the banners, per column (due tasks). */
  notes: ReactNode[][];
  /** What each column holds. */
  cells: ReactNode[];
  /** Read by screen readers when the lane holds nothing. */
  emptyText?: string;
  /** Where the label leads (the person's own calendar), and the link's name, which holds the label. */
  link?: { href: string; name: string };
  /** A second, smaller line under the label (a resource's location), and the whole label shown however long: names that differ only at their end stay told apart. */
  detail?: string;
  wrap?: boolean;
}

const at = (fraction: number) => `${(fraction * 100).toFixed(4)}%`;

function template(columns: LaneColumn[], minColumnRem: number): CSSProperties {
  return { gridTemplateColumns: columns.map((c) => `minmax(${(c.weight * minColumnRem).toFixed(2)}rem, ${c.weight}fr)`).join(" ") };
}

const columnTone = (column: LaneColumn) => (column.current ? "bg-brand-50/60" : column.shaded ? "bg-slate-50" : undefined);

export function LaneGrid({
  label,
  cornerLabel,
  columns,
  lanes,
  minColumnRem,
  startAt,
}: {
  /** Names the scrolling region for assistive technology. */
  label: string;
  cornerLabel: ReactNode;
  columns: LaneColumn[];
  lanes: Lane[];
  /** A column of weight 1 is never narrower: below that the grid scrolls sideways and the labels stay put. */
  minColumnRem: number;
  /**
   * Where the view opens when it scrolls sideways (a phone): this column, `at` (a fraction) into
   * it, is brought next to the names when it is not in view; again whenever it changes.
   */
  startAt?: { column: number; at: number } | null;
}) {
  const region = useRef<HTMLDivElement>(null);
  const startColumn = startAt?.column ?? -1;
  const startFraction = startAt?.at ?? 0;
  useEffect(() => {
    const box = region.current;
    const column = box?.querySelector<HTMLElement>(`[data-column="${startColumn}"]`);
    const names = box?.querySelector<HTMLElement>("[data-corner]");
    if (!box || !column || !names || box.scrollWidth <= box.clientWidth) return;
    const left =
      column.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft + startFraction * column.offsetWidth - names.offsetWidth;
    const shown = left >= box.scrollLeft && left + Math.min(column.offsetWidth, box.clientWidth / 2) <= box.scrollLeft + box.clientWidth - names.offsetWidth;
    if (!shown) box.scrollLeft = left;
  }, [startColumn, startFraction, columns.length]);
  const columnsStyle = template(columns, minColumnRem);
  const minTrack = columns.reduce((sum, c) => sum + c.weight, 0) * minColumnRem;
  return (
    // The names stay put while the columns scroll: what gets focus is scrolled clear of them.
    <div
      ref={region}
      role="region"
      aria-label={label}
      tabIndex={0}
      className="scroll-pl-[var(--names)] overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm [--names:7.5rem] sm:[--names:11rem]"
    >
      <div className="grid grid-cols-[var(--names)_minmax(0,1fr)]" style={{ minWidth: `calc(var(--names) + ${minTrack.toFixed(2)}rem)` }}>
        <div
          data-corner
          className="sticky left-0 z-30 flex items-end border-r border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs font-medium text-slate-600"
        >
          {cornerLabel}
        </div>
        <div className="grid border-b border-slate-200 bg-slate-50" style={columnsStyle}>
          {columns.map((column, i) => (
            <div
              key={column.key}
              data-column={i}
              className={clsx("min-w-0 border-l border-slate-200 first:border-l-0", column.current ? "bg-brand-50 text-brand-700" : "text-slate-700")}
            >
              {column.header}
            </div>
          ))}
        </div>
        {lanes.map((lane) => (
          <LaneRow key={lane.id} lane={lane} columns={columns} columnsStyle={columnsStyle} />
        ))}
      </div>
    </div>
  );
}

function LaneRow({ lane, columns, columnsStyle }: { lane: Lane; columns: LaneColumn[]; columnsStyle: CSSProperties }) {
  const stacked = stackInRows(lane.banners.map((b) => b.columns));
  const bannerRows = lane.banners.length ? stacked.count : 0;
  const hasNotes = lane.notes.some((n) => n.length);
  const rows = bannerRows + (hasNotes ? 1 : 0) + 1;
  const cellsRow = rows;
  const rowSizes = [...Array.from({ length: rows - 1 }, () => "auto"), "minmax(2.5rem, auto)"].join(" ");

  return (
    <>
      <div className="sticky left-0 z-20 flex items-start border-r border-b border-slate-200 bg-white px-2 py-1.5 text-sm font-medium text-slate-800">
        <div className="min-w-0">
          {lane.link ? (
            <Link
              href={lane.link.href}
              aria-label={lane.link.name}
              title={lane.link.name}
              className={clsx(!lane.wrap && "line-clamp-2", "min-w-0 break-words hover:text-brand-700 hover:underline")}
            >
              {lane.label}
            </Link>
          ) : (
            <span className={clsx(!lane.wrap && "line-clamp-2", "min-w-0 break-words")} title={lane.label}>
              {lane.label}
            </span>
          )}
          {lane.detail ? <span className="block text-xs font-normal break-words text-slate-600">{lane.detail}</span> : null}
        </div>
      </div>
      <div className="grid border-b border-slate-200" style={{ ...columnsStyle, gridTemplateRows: rowSizes }}>
        {columns.map((column, i) => (
          <div
            key={column.key}
            aria-hidden
            className={clsx("border-l border-slate-200", i === 0 && "border-l-0", columnTone(column))}
            style={{ gridColumn: i + 1, gridRow: `1 / ${rows + 1}` }}
          />
        ))}
        {lane.banners.map((banner, i) => (
          <div
            key={banner.key}
            className="relative min-w-0 px-1 pt-1"
            style={{ gridColumn: `${banner.columns.from + 1} / ${banner.columns.to + 1}`, gridRow: stacked.rows[i]! + 1 }}
          >
            {banner.node}
          </div>
        ))}
        {hasNotes
          ? lane.notes.map((notes, i) =>
              notes.length ? (
                <ul
                  key={columns[i]!.key}
                  className="flex min-w-0 flex-wrap gap-x-1.5 gap-y-0.5 px-1.5 pt-1"
                  style={{ gridColumn: i + 1, gridRow: bannerRows + 1 }}
                >
                  {notes.map((note, j) => (
                    <li key={j} className="max-w-full min-w-0">
                      {note}
                    </li>
                  ))}
                </ul>
              ) : null,
            )
          : null}
        {lane.cells.map((cell, i) => (
          <div key={columns[i]!.key} className="relative min-w-0" style={{ gridColumn: i + 1, gridRow: cellsRow }}>
            {cell}
          </div>
        ))}
        {lane.emptyText ? <span className="sr-only">{lane.emptyText}</span> : null}
      </div>
    </>
  );
}

/** Labels along a stretch of hours, for a column's header: `marks` as fractions. */
export function HourRuler({ marks, className }: { marks: { at: number; label: string }[]; className?: string }) {
  return (
    <div aria-hidden className={clsx("relative h-4", className)}>
      {marks.map((mark) => (
        <span
          key={mark.at}
          className={clsx(
            "absolute top-0 text-[10px] leading-4 whitespace-nowrap text-slate-600 tabular-nums",
            mark.at <= 0 ? "" : mark.at >= 1 ? "-translate-x-full" : "-translate-x-1/2",
          )}
          style={{ left: at(mark.at) }}
        >
          {mark.label}
        </span>
      ))}
    </div>
  );
}

// Small triangles at an edge: something runs on before or after the hours shown.
const NOTCH_LEFT = "pointer-events-none absolute top-1/2 z-[2] -translate-y-1/2 border-y-[4px] border-r-[5px] border-y-transparent border-r-slate-600";
const NOTCH_RIGHT = "pointer-events-none absolute top-1/2 z-[2] -translate-y-1/2 border-y-[4px] border-l-[5px] border-y-transparent border-l-slate-600";

export interface BarSegment {
  key: string;
  segment: Segment;
  className: string;
}

/**
 * One day's hours as a thin bar: busy stretches filled, free time left light, a notch at either
 * end where something runs on past the hours shown, faint hour marks and the current time.
 * Decoration only: what the bar shows is said in words by the entries listed under it.
 */
export function DayBar({ segments, marks, now }: { segments: BarSegment[]; marks: number[]; now: number | null }) {
  const before = segments.some((s) => s.segment.before);
  const after = segments.some((s) => s.segment.after);
  return (
    <div aria-hidden className="relative mx-1.5 mt-1.5 mb-1 h-2.5 rounded-[3px] bg-emerald-50 ring-1 ring-emerald-200 ring-inset">
      {segments.map(({ key, segment, className }) =>
        segment.span.to > segment.span.from ? (
          <span
            key={key}
            className={clsx("absolute inset-y-0 rounded-[2px]", className)}
            style={{ left: at(segment.span.from), width: `max(${at(segment.span.to - segment.span.from)}, 2px)` }}
          />
        ) : null,
      )}
      {marks.map((mark) => (
        <span key={mark} className="absolute inset-y-0 w-px bg-white/70" style={{ left: at(mark) }} />
      ))}
      {before ? <span className={clsx(NOTCH_LEFT, "-left-1.5")} /> : null}
      {after ? <span className={clsx(NOTCH_RIGHT, "-right-1.5")} /> : null}
      {now !== null ? <span className="absolute -inset-y-1 w-0.5 -translate-x-1/2 rounded-full bg-red-500" style={{ left: at(now) }} /> : null}
    </div>
  );
}

export interface TimelineItem {
  key: string;
  segment: Segment;
  node: ReactNode;
}

const ITEM_H = 34;
const PAD = 4;

/**
 * One day's hours across: items at their times, in rows where they overlap, each at least
 * `minWidth` (a fraction) wide so a short one still has room for its time and title. Hour lines,
 * the stretches outside working hours shaded, the current time as a line.
 */
export function DayTimeline({
  items,
  marks,
  shaded,
  now,
  minWidth,
  tinted,
}: {
  items: TimelineItem[];
  marks: number[];
  shaded: Span[];
  now: number | null;
  minWidth: number;
  /** The whole stretch taken by something (a day off, a fair): a pale tone under the hours. */
  tinted?: boolean;
}) {
  // Stacked by the room each takes on screen, so a short item's text never lies under the next one.
  const shown = items.map(({ segment: { span } }) => ({ from: span.from, to: Math.min(1, Math.max(span.to, span.from + minWidth)) }));
  const { rows, count } = stackInRows(shown);
  return (
    <div className={clsx("relative", tinted && "bg-brand-50")} style={{ height: PAD * 2 + count * ITEM_H }}>
      {shaded.map((span) => (
        <div key={span.from} aria-hidden className="absolute inset-y-0 bg-slate-50" style={{ left: at(span.from), width: at(span.to - span.from) }} />
      ))}
      {marks.map((mark) => (
        <div key={mark} aria-hidden className="absolute inset-y-0 border-l border-slate-100" style={{ left: at(mark) }} />
      ))}
      <ul>
        {items.map((item, i) => (
          <li
            key={item.key}
            className="absolute z-[1] px-px hover:z-10 focus-within:z-10"
            style={{ left: at(shown[i]!.from), width: `max(${at(shown[i]!.to - shown[i]!.from)}, 1.75rem)`, top: PAD + rows[i]! * ITEM_H, height: ITEM_H - 2 }}
          >
            {item.node}
          </li>
        ))}
      </ul>
      {now !== null ? (
        <div aria-hidden className="pointer-events-none absolute inset-y-0 z-[3] w-0.5 -translate-x-1/2 bg-red-500" style={{ left: at(now) }} />
      ) : null}
    </div>
  );
}

/** A week's day in a lane: the working hours as a bar (DayBar) over the list of what starts that day. */
export function WeekDayCell({ segments, now, list }: { segments: BarSegment[]; now: number | null; list: { key: string; node: ReactNode }[] }) {
  return (
    <>
      <DayBar
        segments={segments}
        marks={hourMarks(WORKING_HOURS, 3)
          .map((m) => m.at)
          .filter((m) => m > 0 && m < 1)}
        now={now}
      />
      {list.length ? (
        <ul className="space-y-px px-0.5 pb-1">
          {list.map((item) => (
            <li key={item.key} className="min-w-0">
              {item.node}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * A day in a lane: `hours` across (DayTimeline) with an hour line each, the stretches outside the
 * working day shaded, a short item given at least `minMinutes` of room.
 */
export function HoursCell({
  items,
  hours,
  now,
  minMinutes,
  tinted,
}: {
  items: TimelineItem[];
  hours: Hours;
  now: number | null;
  minMinutes: number;
  tinted?: boolean;
}) {
  const length = hours.end - hours.start;
  const shaded: Span[] = [];
  if (hours.start < WORKING_HOURS.start) shaded.push({ from: 0, to: (WORKING_HOURS.start - hours.start) / length });
  if (hours.end > WORKING_HOURS.end) shaded.push({ from: (WORKING_HOURS.end - hours.start) / length, to: 1 });
  return <DayTimeline items={items} marks={hourMarks(hours).map((m) => m.at)} shaded={shaded} now={now} minWidth={minMinutes / length} tinted={tinted} />;
}
