"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { rememberPeopleChoiceAction } from "@/lib/calendar/actions";
import type { LanePerson, LanesSetup, PeopleSet } from "@/lib/calendar/lanes";
import { MAX_PEOPLE_IN_VIEW } from "@/lib/calendar/limits";
import type { CalendarWindow } from "@/lib/calendar/types";
import { isoWeekdayOf, localDateOf } from "@/lib/time/zoned";
import { LaneEntry, LaneTask } from "./lane-entries";
import { LaneGrid, type Lane, type LaneColumn } from "./lane-grid";
import { allDaySpan, hoursToShow, nowPosition, positionOf, shiftDate, timedSpan, type LaneAxis, type LaneScale } from "./lane-layout";
import { LanesToolbar } from "./lanes-toolbar";
import { dateLabel, hourLabel, rangeLabel, type LanesReader } from "./lanes-reader";
import { PeopleChooser } from "./people-chooser";
import { useLanesWindow } from "./use-lanes-window";

const TICK_MS = 30_000;

/** "The week of the people I picked": one lane per person, a day (hours across) or a week (days across). */
export function PeopleLanes({
  reader,
  setup,
  initialScale,
  initialDate,
  initialWindow,
  nowIso,
}: {
  reader: LanesReader;
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
  const { days, window, fetching, failed, retry } = useLanesWindow({
    scale,
    date,
    firstDay: reader.firstDay,
    timeZone: reader.timeZone,
    people: ids,
    initial: initialWindow,
  });

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

  const axis = useMemo<LaneAxis>(() => {
    const timed = (window?.entries ?? []).flatMap((e) => (e.allDay ? [] : [e]));
    return { days, ...hoursToShow(scale, timed, reader.timeZone) };
  }, [window, days, scale, reader.timeZone]);

  const lanes = useMemo<Lane[]>(
    () =>
      people.map((person) => {
        const entries = (window?.entries ?? []).filter((e) => e.personId === person.id);
        const tasks = (window?.tasks ?? []).filter((task) => task.personId === person.id);
        return {
          id: person.id,
          label: person.name,
          emptyText: t("noEntries"),
          banners: entries.flatMap((e) => {
            const span = e.allDay ? allDaySpan(e.startDate, e.endDate, axis) : null;
            return span ? [{ key: e.id, span, node: <LaneEntry entry={e} reader={reader} showDay={scale === "week"} /> }] : [];
          }),
          items: entries.flatMap((e) => {
            const span = e.allDay ? null : timedSpan(e.start, e.end, axis, reader.timeZone);
            return span ? [{ key: e.id, span, node: <LaneEntry entry={e} reader={reader} showDay={scale === "week"} /> }] : [];
          }),
          markers: tasks.map((task) => ({ key: task.id, at: positionOf(task.dueAt, axis, reader.timeZone), node: <LaneTask task={task} reader={reader} /> })),
        };
      }),
    [people, window, axis, reader, scale, t],
  );

  const today = localDateOf(now, reader.timeZone);
  const columns = useMemo<LaneColumn[]>(() => {
    if (scale === "week") {
      return days.map((day, i) => ({
        key: day,
        label: dateLabel(reader, day, { weekday: "short", day: "numeric", month: "numeric" }),
        span: { from: i / days.length, to: (i + 1) / days.length },
        shaded: isWeekend(day),
        current: day === today,
      }));
    }
    const hours = (axis.dayEnd - axis.dayStart) / 60;
    return Array.from({ length: hours }, (_, i) => ({
      key: String(i),
      label: hourLabel(reader, axis.dayStart + i * 60),
      span: { from: i / hours, to: (i + 1) / hours },
    }));
  }, [scale, days, axis, reader, today]);
  const gridlines = scale === "week" ? days.map((_, i) => (i + 0.5) / days.length) : [];

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
        heading={rangeLabel(reader, days)}
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
      {people.length ? (
        <>
          <LaneGrid
            label={t("region")}
            cornerLabel={t("person")}
            columns={columns}
            gridlines={gridlines}
            lanes={lanes}
            now={nowPosition(now, axis, reader.timeZone)}
            nowLabel={t("now")}
            minTrackWidth={scale === "week" ? 7 * 104 : columns.length * 56}
          />
          <p className="text-xs text-slate-500">{t("legend")}</p>
        </>
      ) : (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      )}
    </div>
  );
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
