"use client";

import FullCalendar, { type CalendarRef, type EventDisplayInfo, type EventInput } from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import enGbLocale from "@fullcalendar/react/locales/en-gb";
import plLocale from "@fullcalendar/react/locales/pl";
import formaTheme from "@fullcalendar/react/themes/forma";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/forma/theme.css";
import "@fullcalendar/react/themes/forma/palettes/blue.css";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CalendarItem, EntryTime } from "@/lib/calendar/types";
import { droppedTime, type GridEvent } from "./calendar-items";
import { FULLCALENDAR_VIEW, type CalendarView } from "./calendar-range";

export interface CalendarGridProps {
  view: CalendarView;
  /** The current local date ("2026-12-06"). */
  date: string;
  timeZone: string;
  locale: "pl" | "en";
  /** 0 Sunday, 1 Monday. */
  firstDay: number;
  hour12: boolean;
  events: GridEvent[];
  labels: { private: string; declined: string; unanswered: string; noEvents: string; allDay: string };
  /** A range dragged over free time: the New entry form opens pre-filled. Without it nothing can be dragged out (a calendar the viewer may only read). */
  onSelectRange?: (time: EntryTime) => void;
  onOpenEntry: (item: CalendarItem) => void;
  /** A drag or resize let go: the caller saves it, and calls `revert` when the server refuses. */
  onMoveEntry: (item: CalendarItem, time: EntryTime, revert: () => void) => void;
}

/**
 * The day, week, month and list views: FullCalendar (MIT part) in the viewer's named zone. The
 * page's own toolbar drives it through `view` and `date`; this module is loaded lazily, so the
 * page's first load carries none of it.
 */
export default function CalendarGrid(props: CalendarGridProps) {
  const { view, date, timeZone, locale, firstDay, hour12, events, labels, onSelectRange, onOpenEntry, onMoveEntry } = props;
  const ref = useRef<CalendarRef>(null);
  const router = useRouter();
  // FullCalendar takes its first view and date once; later changes go through its API below.
  const [first] = useState({ view, date });

  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    if (api.view.type !== FULLCALENDAR_VIEW[view]) api.changeView(FULLCALENDAR_VIEW[view], date);
    else api.gotoDate(date);
  }, [view, date]);

  const inputs = useMemo<EventInput[]>(() => events.map((e) => ({ ...e })), [events]);
  const clock = { hour: "2-digit", minute: "2-digit", hour12 } as const;

  return (
    <div className="baton-calendar">
      <FullCalendar
        ref={ref}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, formaTheme]}
        initialView={FULLCALENDAR_VIEW[first.view]}
        initialDate={first.date}
        timeZone={timeZone}
        locale={locale === "pl" ? plLocale : firstDay === 0 ? "en" : enGbLocale}
        firstDay={firstDay}
        headerToolbar={false}
        // Hours scroll inside a grid that fits the window; a month and a list take the height they need.
        height={view === "day" || view === "week" ? "max(30rem, calc(100vh - 9.5rem))" : "auto"}
        fixedWeekCount
        nowIndicator
        weekNumbers={false}
        scrollTime="07:30:00"
        slotDuration="00:30:00"
        eventTimeFormat={clock}
        slotHeaderFormat={clock}
        dayMaxEvents
        allDayText={labels.allDay}
        noEventsText={labels.noEvents}
        events={inputs}
        editable
        eventDurationEditable
        selectable={Boolean(onSelectRange)}
        selectMirror
        eventContent={(info: EventDisplayInfo) => <EventBody info={info} labels={labels} />}
        // Lets a closing dialog give focus back to its entry even after the grid redrew it.
        eventDidMount={(info) => {
          info.el.dataset.gridEvent = info.event.id;
        }}
        eventClick={(info) => {
          const kind = (info.event.extendedProps as GridEvent["extendedProps"]).kind;
          info.jsEvent.preventDefault();
          if (kind === "task") {
            if (info.event.url) router.push(info.event.url);
            return;
          }
          onOpenEntry((info.event.extendedProps as { item: CalendarItem }).item);
        }}
        select={(info) => {
          ref.current?.getApi().unselect();
          onSelectRange?.(droppedTime({ allDay: info.allDay, start: info.start, end: info.end }, timeZone));
        }}
        eventDrop={(info) => {
          const item = (info.event.extendedProps as { item?: CalendarItem }).item;
          if (!item || !info.event.start) return info.revert();
          onMoveEntry(item, droppedTime({ allDay: info.event.allDay, start: info.event.start, end: info.event.end }, timeZone), info.revert);
        }}
        eventResize={(info) => {
          const item = (info.event.extendedProps as { item?: CalendarItem }).item;
          if (!item || !info.event.start) return info.revert();
          onMoveEntry(item, droppedTime({ allDay: info.event.allDay, start: info.event.start, end: info.event.end }, timeZone), info.revert);
        }}
      />
    </div>
  );
}

/** An entry's face: its time and title, with what a glance must tell (private, declined, not yet answered) also said to screen readers. */
function EventBody({ info, labels }: { info: EventDisplayInfo; labels: CalendarGridProps["labels"] }) {
  const props = info.event.extendedProps as GridEvent["extendedProps"];
  const item = props.kind === "entry" ? props.item : null;
  return (
    <span className="cal-body">
      {info.timeText ? <span className="cal-time">{info.timeText}</span> : null}
      <span className="cal-title">
        {item?.visibility === "private" ? <span aria-hidden className="cal-lock" /> : null}
        {info.event.title}
        {item?.visibility === "private" ? <span className="sr-only"> ({labels.private})</span> : null}
        {item?.response === "declined" ? <span className="sr-only"> ({labels.declined})</span> : null}
        {item?.response === "needs_action" || item?.response === "tentative" ? <span className="sr-only"> ({labels.unanswered})</span> : null}
      </span>
    </span>
  );
}
