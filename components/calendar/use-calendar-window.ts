"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo } from "react";
import { moveEntryAction } from "@/lib/calendar/actions";
import type { CalendarWindow, EntryTime } from "@/lib/calendar/types";
import { entryTimeInput, withEntryMoved } from "./calendar-items";
import { shiftDate, visibleDays, windowOf, type CalendarView } from "./calendar-range";
import { CALENDAR_WINDOWS } from "./window-key";

export { CALENDAR_WINDOWS };

// A window the page showed a moment ago is shown again at once; a refetch follows in the background.
const FRESH_MS = 30_000;

export function windowKey(from: string, to: string, people: readonly string[]) {
  return [...CALENDAR_WINDOWS, from, to, people.join(",")] as const;
}

export async function fetchWindow(from: string, to: string, people: readonly string[], signal?: AbortSignal): Promise<CalendarWindow> {
  const search = new URLSearchParams({ from, to });
  if (people.length) search.set("people", people.join(","));
  const response = await fetch(`/api/calendar/window?${search}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`calendar window answered ${response.status}`);
  return (await response.json()) as CalendarWindow;
}

export interface WindowRequest {
  view: CalendarView;
  date: string;
  firstDay: number;
  timeZone: string;
  /** Whose calendars; empty is the viewer's own unless `ownWhenNobody` is false. */
  people: readonly string[];
  /** The people lanes show nobody when nobody is chosen: they ask nothing then. */
  ownWhenNobody?: boolean;
  /** The window the server rendered the page with, used while its key is the one asked for. */
  initial?: CalendarWindow;
}

/**
 * The entries and due tasks of the days a view shows, fetched per visible range and cached per
 * range and people, with the next range fetched ahead so "next" draws at once. The person's own
 * calendar and the people lanes both read through here.
 */
export function useCalendarWindow({ view, date, firstDay, timeZone, people, ownWhenNobody = true, initial }: WindowRequest) {
  const client = useQueryClient();
  const days = useMemo(() => visibleDays(view, date, firstDay), [view, date, firstDay]);
  const range = useMemo(() => windowOf(days, timeZone), [days, timeZone]);
  const enabled = ownWhenNobody || people.length > 0;
  const matchesInitial = !!initial && initial.from === range.from && initial.to === range.to && initial.people.map((p) => p.id).join(",") === people.join(",");
  const query = useQuery({
    queryKey: windowKey(range.from, range.to, people),
    queryFn: ({ signal }) => fetchWindow(range.from, range.to, people, signal),
    staleTime: FRESH_MS,
    placeholderData: keepPreviousData,
    enabled,
    initialData: matchesInitial ? initial : undefined,
  });

  useEffect(() => {
    if (!enabled) return;
    const next = windowOf(visibleDays(view, shiftDate(view, date, 1), firstDay), timeZone);
    void client.prefetchQuery({ queryKey: windowKey(next.from, next.to, people), queryFn: () => fetchWindow(next.from, next.to, people), staleTime: FRESH_MS });
  }, [client, enabled, view, date, firstDay, timeZone, people]);

  return { days, range, window: enabled ? query.data : undefined, fetching: query.isFetching, failed: query.isError && !query.data, retry: query.refetch };
}

export type MoveOutcome = { ok: true } | { ok: false; error: string };

/**
 * Moves an entry at once in every cached window, then asks the server; when it refuses, every
 * window goes back as it was and the caller shows why. Drags and the "Change time…" dialog both
 * come through here.
 */
export function useMoveEntry(timeZone: string, genericError: string) {
  const client = useQueryClient();
  return useCallback(
    async (entryId: string, time: EntryTime): Promise<MoveOutcome> => {
      await client.cancelQueries({ queryKey: CALENDAR_WINDOWS });
      const before = client.getQueriesData<CalendarWindow>({ queryKey: CALENDAR_WINDOWS });
      client.setQueriesData<CalendarWindow>({ queryKey: CALENDAR_WINDOWS }, (w) => (w ? withEntryMoved(w, entryId, time) : w));
      const result = await moveEntryAction({ id: entryId, time: entryTimeInput(time, timeZone) }).catch(() => null);
      if (!result?.ok) {
        for (const [key, data] of before) client.setQueryData(key, data);
        return { ok: false, error: result?.error ?? genericError };
      }
      void client.invalidateQueries({ queryKey: CALENDAR_WINDOWS });
      return { ok: true };
    },
    [client, timeZone, genericError],
  );
}

/** After a create, an edit, an answer or a cancellation: every cached window is read again. */
export function useRefreshWindows() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: CALENDAR_WINDOWS }), [client]);
}
