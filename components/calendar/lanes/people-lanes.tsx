"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { rememberPeopleChoiceAction } from "@/lib/calendar/actions";
import type { LanePerson, LanesSetup, PeopleSet } from "@/lib/calendar/lanes";
import { MAX_PEOPLE_IN_VIEW } from "@/lib/calendar/limits";
import type { CalendarItem, CalendarWindow, DueMarker } from "@/lib/calendar/types";
import { isoWeekdayOf, localDateOf } from "@/lib/time/zoned";
import { entryStateOf, itemKey } from "../calendar-items";
import { datesOf, shiftDate } from "../calendar-range";
import { dateLabel, hourLabel, rangeTitle, type CalendarReader } from "../calendar-reader";
import { useCalendarWindow } from "../use-calendar-window";
import { BAR, LaneEntry, LaneTask } from "./lane-entries";
import { HourRuler, HoursCell, LaneGrid, WeekDayCell, type BarSegment, type Lane, type LaneBanner, type LaneColumn, type TimelineItem } from "./lane-grid";
import { LanesLegend } from "./lanes-legend";
import {
  allDayColumns,
  hourMarks,
  hoursOfDay,
  momentOn,
  placeTimed,
  segmentOn,
  WORKING_HOURS,
  type Hours,
  type LaneScale,
  type Segment,
  type Span,
} from "./lane-layout";
import { LanesToolbar } from "./lanes-toolbar";
import { PeopleChooser } from "./people-chooser";

const TICK_MS = 30_000;
/** A week's day is never narrower than this (rem), a weekend day with nothing on it about half; a day's hour never narrower than HOUR_REM. */
const DAY_REM = 8;
const QUIET_WEEKEND = 0.55;
const HOUR_REM = 4;
/** In a day, a short entry takes at least the room of this many minutes, enough for its time and some of its title. */
const MIN_BLOCK_MINUTES = 50;
const WHOLE_DAY: Segment = { span: { from: 0, to: 1 }, before: false, after: false };

/** "The week of the people I picked": one lane per person, a day (hours across) or a week (days across, each day's hours as a bar over its list). */
export function PeopleLanes({
  reader,
  setup,
  initialScale,
  initialDate,
  initialWindow,
  nowIso,
}: {
  reader: CalendarReader;
  setup: LanesSetup;
  initialScale: LaneScale;
  initialDate: string;
  initialWindow?: CalendarWindow;
  nowIso: string;
}) {
  const t = useTranslations("calendar.lanes");
  const [scale, setScale] = useState(initialScale);
  const [date, setDate] = useState(initialDate);
  const [people, setPeople] = useState<LanePerson[]>(setup.chosen);
  const [groups, setGroups] = useState<PeopleSet[]>(setup.groups);
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(nowIso);
  const ids = useMemo(() => people.map((p) => p.id), [people]);
  const {
    days: range,
    window,
    fetching,
    failed,
    retry,
  } = useCalendarWindow({
    view: scale,
    date,
    firstDay: reader.firstDay,
    timeZone: reader.timeZone,
    people: ids,
    ownWhenNobody: false,
    initial: initialWindow,
  });
  const days = useMemo(() => datesOf(range), [range]);

  // Where the view is lives in the address, so a reload or a shared link opens the same days.
  useEffect(() => {
    const url = new URL(globalThis.location.href);
    url.searchParams.set("view", scale);
    url.searchParams.set("date", date);
    globalThis.history.replaceState(globalThis.history.state, "", url);
  }, [scale, date]);

  const choose = useCallback(
    (next: LanePerson[]) => {
      const unique = [...new Map(next.map((p) => [p.id, p])).values()];
      setNotice(unique.length > MAX_PEOPLE_IN_VIEW ? t("limit", { max: MAX_PEOPLE_IN_VIEW }) : null);
      const kept = unique.slice(0, MAX_PEOPLE_IN_VIEW);
      setPeople(kept);
      // Remembered on the server, so the same people greet the person on their phone; a lost write costs only that.
      void rememberPeopleChoiceAction({ memberIds: kept.map((p) => p.id) }).catch(() => undefined);
    },
    [t],
  );

  const today = localDateOf(now, reader.timeZone);
  // The grid is drawn in the browser only: a team's week is thousands of elements, which the
  // server would render and send twice (as HTML and as the payload React hydrates from). The
  // page still carries the first window, so the grid appears without another request.
  const drawn = useSyncExternalStore(noSubscription, inBrowser, onServer);
  const layout = useMemo(() => (drawn && window ? layOut(window, days, scale, reader.timeZone) : null), [drawn, window, days, scale, reader.timeZone]);

  const columns = useMemo<LaneColumn[]>(() => {
    if (scale === "day") {
      const hours = layout?.hours ?? WORKING_HOURS;
      const marks = hourMarks(hours).map((m) => ({ at: m.at, label: hourLabel(reader, m.minutes) }));
      return [{ key: days[0]!, weight: (hours.end - hours.start) / 60, header: <HourRuler marks={marks} className="mx-1 my-2" /> }];
    }
    const marks = hourMarks(WORKING_HOURS, 3).map((m) => ({ at: m.at, label: hourLabel(reader, m.minutes, true), noon: m.minutes === 12 * 60 }));
    return days.map((day) => {
      const weight = isWeekend(day) && !layout?.busyDays.has(day) ? QUIET_WEEKEND : 1;
      return {
        key: day,
        weight,
        shaded: isWeekend(day),
        current: day === today,
        header: (
          <div className="px-1.5 pt-1.5 pb-0.5">
            <div className="truncate text-xs font-semibold first-letter:uppercase">
              {dateLabel(reader, day, { weekday: "short" })} <span className="font-normal">{dateLabel(reader, day, { day: "numeric", month: "numeric" })}</span>
            </div>
            <HourRuler marks={weight < 1 ? marks.filter((m) => m.noon) : marks} className="mt-0.5" />
          </div>
        ),
      };
    });
  }, [scale, days, layout, reader, today]);

  // A phone opens a week at today, a day at the start of the working day.
  const dayHours = layout?.hours ?? WORKING_HOURS;
  const startAt =
    scale === "day"
      ? { column: 0, at: (WORKING_HOURS.start - dayHours.start) / (dayHours.end - dayHours.start) }
      : days.includes(today)
        ? { column: days.indexOf(today), at: 0 }
        : null;

  const lanes = useMemo<Lane[]>(() => {
    if (!drawn) return [];
    const byPerson = (personId: string) => ({
      entries: (window?.entries ?? []).filter((e) => e.personId === personId),
      tasks: (window?.tasks ?? []).filter((task) => task.personId === personId),
    });
    return people.map((person) => {
      const { entries, tasks } = byPerson(person.id);
      const banners: LaneBanner[] = [];
      for (const e of entries) {
        const strip = layout?.strip.get(itemKey(e));
        if (strip) banners.push({ key: itemKey(e), columns: strip, node: <LaneEntry entry={e} reader={reader} variant="banner" /> });
      }
      const notes = days.map((day) => tasksOn(tasks, day, reader.timeZone).map((task) => <LaneTask key={task.id} task={task} reader={reader} />));
      const cells =
        scale === "day"
          ? [dayCell(entries, days[0]!, layout?.hours ?? WORKING_HOURS, now, reader)]
          : days.map((day) => weekCell(entries, day, now, reader, layout?.listedOn));
      return {
        id: person.id,
        label: person.name,
        link: { href: `/calendar?person=${person.id}&view=${scale}&date=${date}`, name: t("openCalendar", { name: person.name }) },
        banners,
        notes,
        cells,
        emptyText: entries.length || tasks.length ? undefined : t("noEntries"),
      };
    });
  }, [drawn, people, window, layout, days, scale, date, now, reader, t]);

  return (
    <div className="space-y-3">
      <PeopleChooser
        chosen={people}
        teams={setup.teams}
        departments={setup.departments}
        groups={groups}
        notice={notice}
        onAdd={(added) => choose([...people, ...added])}
        onRemove={(id) => choose(people.filter((p) => p.id !== id))}
        onReplace={choose}
        onGroupsChange={setGroups}
      />
      <LanesToolbar
        scale={scale}
        date={date}
        heading={rangeTitle(scale, date, range, reader.languageTag)}
        busy={fetching}
        onScale={setScale}
        onDate={setDate}
        onStep={(step) => setDate((d) => shiftDate(scale, d, step))}
        onToday={() => setDate(localDateOf(now, reader.timeZone))}
      />
      {failed ? (
        <div role="alert" className="flex items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("failed")}
          <Button size="sm" onClick={() => void retry()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      {people.length && !drawn ? (
        <div
          role="status"
          aria-busy="true"
          className="animate-pulse rounded-lg border border-slate-200 bg-white"
          style={{ height: `${3 + people.length * 3.5}rem` }}
        >
          <span className="sr-only">{t("loading")}</span>
        </div>
      ) : people.length ? (
        <>
          <LaneGrid
            label={t("region")}
            cornerLabel={t("person")}
            columns={columns}
            lanes={lanes}
            minColumnRem={scale === "day" ? HOUR_REM : DAY_REM}
            startAt={startAt}
          />
          <LanesLegend scale={scale} hours={`${hourLabel(reader, WORKING_HOURS.start)}–${hourLabel(reader, WORKING_HOURS.end)}`} />
        </>
      ) : (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      )}
    </div>
  );
}

type TimedItem = Extract<CalendarItem, { allDay: false }>;

const noSubscription = () => () => undefined;
const inBrowser = () => true;
const onServer = () => false;

/**
 * Where each entry of the window goes: those spanning days (all-day, or in a week timed and a
 * day or longer) in the strip across their columns, the rest listed on one day; the days
 * something is on (a quiet weekend day is drawn narrow) and, for a day, the hours its entries
 * shorter than a day need (a trip of days is cut at the edges instead of opening the night).
 */
function layOut(window: CalendarWindow, days: string[], scale: LaneScale, timeZone: string) {
  const strip = new Map<string, Span>();
  const listedOn = new Map<string, string>();
  const busyDays = new Set<string>();
  const short: TimedItem[] = [];
  for (const e of window.entries) {
    const place = e.allDay ? allDayColumns(e.startDate, e.endDate, days) : placeTimed(e.start, e.end, days, timeZone);
    if (!place) continue;
    if ("from" in place) strip.set(itemKey(e), place);
    else if ("strip" in place && scale === "week") strip.set(itemKey(e), place.strip);
    else if ("strip" in place) listedOn.set(itemKey(e), days[0]!);
    else {
      listedOn.set(itemKey(e), place.day);
      busyDays.add(place.day);
      short.push(e as TimedItem);
    }
  }
  for (const task of window.tasks) busyDays.add(localDateOf(new Date(task.dueAt), timeZone));
  const hours: Hours = scale === "day" ? hoursOfDay(short, days[0]!, timeZone) : WORKING_HOURS;
  return { strip, listedOn, busyDays, hours };
}

function tasksOn(tasks: DueMarker[], day: string, timeZone: string): DueMarker[] {
  return tasks.filter((task) => localDateOf(new Date(task.dueAt), timeZone) === day).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

function byStart(a: TimedItem, b: TimedItem): number {
  return a.start.localeCompare(b.start) || b.end.localeCompare(a.end);
}

/**
 * A week's day for one person: the working hours as a bar, busy where something is on (a day
 * taken by an all-day entry, a leave or a fair, in a paler tone), over the list of what starts that day.
 */
function weekCell(entries: CalendarItem[], day: string, now: Date, reader: CalendarReader, listedOn: Map<string, string> | undefined): ReactNode {
  const segments: BarSegment[] = entries.flatMap((e) => {
    const tone = BAR[entryStateOf(e)];
    if (!tone) return [];
    if (e.allDay) return e.startDate <= day && day < e.endDate ? [{ key: itemKey(e), segment: WHOLE_DAY, className: clsx(tone, "opacity-40") }] : [];
    const segment = segmentOn(e.start, e.end, day, WORKING_HOURS, reader.timeZone);
    return segment ? [{ key: itemKey(e), segment, className: tone }] : [];
  });
  const listed = (entries.filter((e) => !e.allDay && listedOn?.get(itemKey(e)) === day) as TimedItem[]).sort(byStart);
  return (
    <WeekDayCell
      segments={segments}
      now={momentOn(now, day, WORKING_HOURS, reader.timeZone)}
      list={listed.map((e) => ({ key: itemKey(e), node: <LaneEntry entry={e} reader={reader} variant="line" /> }))}
    />
  );
}

/** A day for one person: its hours across, each entry a block at its time, the day tinted when an all-day entry takes it. */
function dayCell(entries: CalendarItem[], day: string, hours: Hours, now: Date, reader: CalendarReader): ReactNode {
  const timed = entries.filter((e) => !e.allDay) as TimedItem[];
  const away = entries.some((e) => e.allDay && BAR[entryStateOf(e)] && e.startDate <= day && day < e.endDate);
  const items: TimelineItem[] = timed.sort(byStart).flatMap((e) => {
    const segment = segmentOn(e.start, e.end, day, hours, reader.timeZone);
    return segment ? [{ key: itemKey(e), segment, node: <LaneEntry entry={e} reader={reader} variant="block" cut={segment} /> }] : [];
  });
  return <HoursCell items={items} hours={hours} now={momentOn(now, day, hours, reader.timeZone)} minMinutes={MIN_BLOCK_MINUTES} tinted={away} />;
}

function isWeekend(date: string): boolean {
  return isoWeekdayOf(date) >= 6;
}

/**
 * The current moment on the server's clock (which an end-to-end test may move): the server's
 * at first, so both renders agree, then the browser's clock shifted by the difference seen at load.
 */
function useNow(nowIso: string): Date {
  const [now, setNow] = useState(() => new Date(nowIso));
  useEffect(() => {
    const skew = Date.parse(nowIso) - browserClock();
    const timer = setInterval(() => setNow(new Date(browserClock() + skew)), TICK_MS);
    return () => clearInterval(timer);
  }, [nowIso]);
  return now;
}

function browserClock(): number {
  // lib/time/clock.ts reads the server's test clock from a file, which a browser cannot: the
  // server's moment comes with the page and only the browser's ticking is measured here.
  // eslint-disable-next-line no-restricted-syntax
  return Date.now();
}
