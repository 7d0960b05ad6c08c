import { clsx } from "clsx";
import type { CSSProperties, ReactNode } from "react";
import { stackInRows, type Span } from "./lane-layout";

/**
 * Rows of things laid along one time axis, one lane per row with its label kept in view: the
 * people side by side now, resources later. It knows nothing of calendars: a caller gives
 * spans as fractions of the axis (lane-layout.ts computes them) and what to draw in them.
 */

export interface LaneItem {
  key: string;
  span: Span;
  node: ReactNode;
}

export interface LaneMarker {
  key: string;
  at: number;
  node: ReactNode;
}

export interface Lane {
  id: string;
  label: ReactNode;
  /** Across the top of the lane (all-day entries). */
  banners: LaneItem[];
  /** At their time (timed entries). */
  items: LaneItem[];
  /** Small marks at a moment (due tasks). */
  markers: LaneMarker[];
  /** Read by screen readers when the lane holds nothing. */
  emptyText: string;
}

export interface LaneColumn {
  key: string;
  label: ReactNode;
  span: Span;
  /** Weekends and the hours outside the day: drawn a shade darker. */
  shaded?: boolean;
  current?: boolean;
}

const BANNER_H = 20;
const ITEM_H = 26;
const MARKER_H = 16;
const PAD = 4;

const at = (fraction: number) => `${(fraction * 100).toFixed(4)}%`;

/** Absolute placement along the axis; anything shorter than a sliver stays visible and clickable. */
export function spanStyle(span: Span, top: number, height: number): CSSProperties {
  return { left: at(span.from), width: `max(calc(${at(span.to - span.from)} - 2px), 6px)`, top, height };
}

export function LaneGrid({
  label,
  cornerLabel,
  columns,
  gridlines,
  lanes,
  now,
  nowLabel,
  minTrackWidth,
}: {
  /** Names the scrolling region for assistive technology. */
  label: string;
  cornerLabel: ReactNode;
  columns: LaneColumn[];
  /** Faint vertical lines (hours), as fractions. */
  gridlines: number[];
  lanes: Lane[];
  /** The current time's place, or null when it is not on the axis. */
  now: number | null;
  nowLabel: string;
  /** Below this the grid scrolls sideways (phones) and the lane labels stay put. */
  minTrackWidth: number;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="grid grid-cols-[7.5rem_1fr] sm:grid-cols-[11rem_1fr]" style={{ minWidth: `calc(${minTrackWidth}px + 7.5rem)` }}>
        <div className="sticky left-0 z-20 border-r border-b border-slate-200 bg-slate-50 px-2 py-1.5 text-xs font-medium text-slate-600">{cornerLabel}</div>
        <div aria-hidden className="relative h-8 border-b border-slate-200 bg-slate-50">
          {columns.map((column) => (
            <div
              key={column.key}
              className={clsx(
                "absolute inset-y-0 flex items-center truncate border-l border-slate-200 px-1.5 text-xs first:border-l-0",
                column.current ? "font-semibold text-brand-700" : "text-slate-600",
              )}
              style={{ left: at(column.span.from), width: at(column.span.to - column.span.from) }}
            >
              {column.label}
            </div>
          ))}
        </div>
        {lanes.map((lane) => (
          <LaneRow key={lane.id} lane={lane} columns={columns} gridlines={gridlines} now={now} nowLabel={nowLabel} />
        ))}
      </div>
    </div>
  );
}

function LaneRow({
  lane,
  columns,
  gridlines,
  now,
  nowLabel,
}: {
  lane: Lane;
  columns: LaneColumn[];
  gridlines: number[];
  now: number | null;
  nowLabel: string;
}) {
  const banners = stackInRows(lane.banners.map((b) => b.span));
  const items = stackInRows(lane.items.map((i) => i.span));
  const bannerRows = lane.banners.length ? banners.count : 0;
  const itemsTop = PAD + bannerRows * BANNER_H;
  const markersTop = itemsTop + items.count * ITEM_H;
  const height = markersTop + (lane.markers.length ? MARKER_H : 0) + PAD;
  const empty = !lane.banners.length && !lane.items.length && !lane.markers.length;

  return (
    <>
      <div className="sticky left-0 z-20 flex items-start border-r border-b border-slate-200 bg-white px-2 py-1.5 text-sm font-medium text-slate-800">
        <div className="min-w-0 truncate" title={typeof lane.label === "string" ? lane.label : undefined}>
          {lane.label}
        </div>
      </div>
      <div className="relative border-b border-slate-200" style={{ height }}>
        {columns.map((column) => (
          <div
            key={column.key}
            aria-hidden
            className={clsx("absolute inset-y-0 border-l border-slate-200 first:border-l-0", column.shaded && "bg-slate-50")}
            style={{ left: at(column.span.from), width: at(column.span.to - column.span.from) }}
          />
        ))}
        {gridlines.map((line) => (
          <div key={line} aria-hidden className="absolute inset-y-0 border-l border-dashed border-slate-100" style={{ left: at(line) }} />
        ))}
        <ul className="contents">
          {lane.banners.map((banner, i) => (
            <li key={banner.key} className="absolute z-[1] px-px" style={spanStyle(banner.span, PAD + banners.rows[i]! * BANNER_H, BANNER_H - 2)}>
              {banner.node}
            </li>
          ))}
          {lane.items.map((item, i) => (
            <li key={item.key} className="absolute z-[1] px-px" style={spanStyle(item.span, itemsTop + items.rows[i]! * ITEM_H, ITEM_H - 2)}>
              {item.node}
            </li>
          ))}
          {lane.markers.map((marker) => (
            <li key={marker.key} className="absolute z-[2] -translate-x-1/2" style={{ left: at(marker.at), top: markersTop, height: MARKER_H }}>
              {marker.node}
            </li>
          ))}
        </ul>
        {empty ? <span className="sr-only">{lane.emptyText}</span> : null}
        {now !== null ? (
          <div
            aria-hidden
            title={nowLabel}
            className="pointer-events-none absolute inset-y-0 z-[3] w-0.5 -translate-x-1/2 bg-red-500"
            style={{ left: at(now) }}
          />
        ) : null}
      </div>
    </>
  );
}
