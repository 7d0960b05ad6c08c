"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { CalendarWindow } from "@/lib/calendar/types";
import { daysShown, shiftDate, windowOfDays, type LaneScale } from "./lane-layout";

// The same key as every calendar view's windows, so a change made anywhere refreshes these too.
const CALENDAR_WINDOWS = "calendar-window";
// A window shown a moment ago is shown again at once; a refetch follows in the background.
const FRESH_MS = 30_000;

function windowKey(from: string, to: string, people: readonly string[]) {
  return [CALENDAR_WINDOWS, from, to, people.join(",")] as const;
}

async function fetchWindow(from: string, to: string, people: readonly string[], signal?: AbortSignal): Promise<CalendarWindow> {
  const search = new URLSearchParams({ from, to, people: people.join(",") });
  const response = await fetch(`/api/calendar/window?${search}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`calendar window answered ${response.status}`);
  return (await response.json()) as CalendarWindow;
}

export interface LanesRequest {
  scale: LaneScale;
  date: string;
  firstDay: number;
  timeZone: string;
  people: readonly string[];
  /** The window the server rendered the page with, used while its key is the one asked for. */
  initial?: CalendarWindow;
}

/**
 * The window of the days and people shown, cached per window and people, with the next days
 * fetched ahead so "next" draws at once. Nobody chosen asks nothing (the route would answer
 * with the viewer's own calendar).
 */
export function useLanesWindow({ scale, date, firstDay, timeZone, people, initial }: LanesRequest) {
  const client = useQueryClient();
  const days = useMemo(() => daysShown(scale, date, firstDay), [scale, date, firstDay]);
  const range = useMemo(() => windowOfDays(days, timeZone), [days, timeZone]);
  const matchesInitial = !!initial && initial.from === range.from && initial.to === range.to && initial.people.map((p) => p.id).join(",") === people.join(",");
  const query = useQuery({
    queryKey: windowKey(range.from, range.to, people),
    queryFn: ({ signal }) => fetchWindow(range.from, range.to, people, signal),
    staleTime: FRESH_MS,
    placeholderData: keepPreviousData,
    enabled: people.length > 0,
    initialData: matchesInitial ? initial : undefined,
  });

  useEffect(() => {
    if (!people.length) return;
    const next = windowOfDays(daysShown(scale, shiftDate(scale, date, 1), firstDay), timeZone);
    void client.prefetchQuery({ queryKey: windowKey(next.from, next.to, people), queryFn: () => fetchWindow(next.from, next.to, people), staleTime: FRESH_MS });
  }, [client, scale, date, firstDay, timeZone, people]);

  const shown = people.length ? query.data : undefined;
  return { days, window: shown, fetching: query.isFetching, failed: query.isError && !query.data, retry: query.refetch };
}
