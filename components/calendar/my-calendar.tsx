"use client";

import dynamic from "next/dynamic";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { changeOccurrenceAction } from "@/lib/calendar/actions";
import type { CalendarItem, EntryTime } from "@/lib/calendar/types";
import { localDateOf } from "@/lib/time/zoned";
import { entryTimeInput, gridEventsOf, itemKey } from "./calendar-items";
import type { OccurrenceScope } from "./repeat/scopes";
import { shiftDate, type CalendarView } from "./calendar-range";
import { rangeTitle, type CalendarReader } from "./calendar-reader";
import { CalendarToolbar } from "./calendar-toolbar";
import { EntryDetailsDialog } from "./entry-details-dialog";
import { EntryForm, type EntryFormValues } from "./entry-form";
import { EntryTimeDialog } from "./entry-time-dialog";
import { newEntryValues } from "./new-entry-values";
import { useCalendarWindow, useMoveEntry, useRefreshWindows } from "./use-calendar-window";

// FullCalendar is most of the page's script: it loads after the page, which draws its toolbar
// and a placeholder of the grid's height meanwhile.
const CalendarGrid = dynamic(() => import("./calendar-grid"), {
  ssr: false,
  loading: () => <div className="h-[36rem] animate-pulse rounded-lg border border-slate-200 bg-white" />,
});

type Notice = { tone: "info" | "error"; text: string };

/** Another person's calendar opened on its own; `canEdit` when they let the viewer edit it. */
export interface CalendarPerson {
  id: string;
  name: string;
  canEdit: boolean;
}

/**
 * The person's own calendar (or, with `person`, a colleague's): day, week, month and list views with a toolbar that never reloads
 * the page, entries and due tasks from the window route, drag to create, drag or resize to move
 * (optimistic, rolled back with a message when refused), and a dialog for each of those for the
 * keyboard. The people side by side (/calendar/people, components/calendar/lanes/) read their
 * windows through the same hook.
 */
export function MyCalendar({
  reader,
  me,
  otherCalendars,
  person,
  initialView,
  initialDate,
}: {
  reader: CalendarReader;
  me: { id: string; name: string };
  /** Calendars of owners who let the viewer edit theirs: the New entry form offers them. */
  otherCalendars?: { id: string; name: string }[];
  /** Whose calendar is shown when it is not the viewer's own. */
  person?: CalendarPerson;
  initialView: CalendarView;
  initialDate: string;
}) {
  const t = useTranslations("calendar.view");
  const tf = useTranslations("calendar.form");
  const te = useTranslations("calendar.entry");
  const { timeZone, firstDay } = reader;
  const [view, setView] = useState<CalendarView>(initialView);
  const [date, setDate] = useState(initialDate);
  const people = useMemo<readonly string[]>(() => (person ? [person.id] : []), [person]);
  // New entries go to the calendar shown when the viewer may write to it, else to their own.
  const newEntryOwner = person?.canEdit ? person.id : me.id;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [opened, setOpened] = useState<CalendarItem | null>(null);
  const [timing, setTiming] = useState<CalendarItem | null>(null);
  const [draft, setDraft] = useState<EntryFormValues | null>(null);

  // The address follows the view, so a reload or a shared link opens the same days.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("view", view);
    url.searchParams.set("date", date);
    window.history.replaceState(window.history.state, "", url);
  }, [view, date]);

  const { days, window: data, fetching, failed, retry } = useCalendarWindow({ view, date, firstDay, timeZone, people });
  const busyLabel = t("busy");
  const shownId = person?.id ?? me.id;
  const events = useMemo(() => gridEventsOf(data, shownId, busyLabel), [data, shownId, busyLabel]);
  const move = useMoveEntry(timeZone, t("moveFailed"));
  const refresh = useRefreshWindows();
  // One occurrence, it and the following ones, or the whole series, as the time dialog asked.
  const moveOccurrence = async (item: CalendarItem, time: EntryTime, scope: OccurrenceScope) => {
    if (time.allDay || !item.recurrenceId) return { ok: false as const, error: t("moveFailed") };
    const result = await changeOccurrenceAction({ id: item.id, recurrenceId: item.recurrenceId, scope, time: entryTimeInput(time, timeZone) }).catch(
      () => null,
    );
    if (!result?.ok) return { ok: false as const, error: result?.error ?? t("moveFailed") };
    void refresh();
    return { ok: true as const };
  };
  const titleOf = (item: CalendarItem) => (item.masked || !item.title ? busyLabel : item.title);

  const moveByDrag = useCallback(
    async (item: CalendarItem, time: EntryTime, revert: () => void) => {
      const outcome = await move(item.id, time);
      if (outcome.ok) setNotice({ tone: "info", text: t("moved", { title: item.title ?? busyLabel }) });
      else {
        revert();
        setNotice({ tone: "error", text: t("moveRefused", { reason: outcome.error }) });
      }
    },
    [move, t, busyLabel],
  );

  // A closing dialog hands focus back to its entry in the grid, found afresh since the grid may
  // have redrawn it; not when one dialog hands over to the next.
  const handingOver = useRef(false);
  const focusEntry = (item: CalendarItem) => (event: Event) => {
    const id = itemKey(item);
    const entry = document.querySelector<HTMLElement>(`[data-grid-event="entry:${CSS.escape(id)}"]`);
    if (handingOver.current || entry) event.preventDefault();
    if (handingOver.current) handingOver.current = false;
    else entry?.focus();
  };

  const openNewEntry = useCallback((time?: EntryTime) => setDraft(newEntryValues(time, date, timeZone)), [date, timeZone]);

  return (
    <div>
      {person ? (
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="text-sm text-slate-600">
            <span className="font-semibold text-slate-900">{t("personTitle", { name: person.name })}</span>
            {" · "}
            {person.canEdit ? t("personEditable") : t("personReadOnly")}
          </p>
          <Link href="/calendar" className="text-sm font-medium text-brand-700 hover:underline">
            {t("backToMine")}
          </Link>
        </div>
      ) : null}
      <CalendarToolbar
        view={view}
        date={date}
        title={rangeTitle(view, date, days, reader.languageTag)}
        busy={fetching}
        onView={setView}
        onDate={setDate}
        onStep={(step) => setDate((d) => shiftDate(view, d, step))}
        // The browser's clock: "today" is where the person is now, even on a page left open overnight.
        // eslint-disable-next-line no-restricted-syntax
        onToday={() => setDate(localDateOf(new Date(), timeZone))}
        onNewEntry={() => openNewEntry()}
      />

      <div aria-live="polite" role="status" className="sr-only">
        {notice?.tone === "info" ? notice.text : ""}
      </div>
      {notice?.tone === "error" ? (
        <div role="alert" className="mb-3 flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <span>{notice.text}</span>
          <Button size="sm" variant="ghost" onClick={() => setNotice(null)}>
            {t("dismiss")}
          </Button>
        </div>
      ) : null}
      {failed ? (
        <div
          role="alert"
          className="mb-3 flex items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span>{t("loadFailed")}</span>
          <Button size="sm" onClick={() => void retry()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}

      <CalendarGrid
        view={view}
        date={date}
        timeZone={timeZone}
        locale={reader.locale}
        firstDay={firstDay}
        hour12={reader.hour12}
        events={events}
        labels={{ private: t("private"), declined: t("declined"), unanswered: t("unanswered"), noEvents: t("noEvents"), allDay: t("allDay") }}
        onSelectRange={!person || person.canEdit ? openNewEntry : undefined}
        onOpenEntry={setOpened}
        onMoveEntry={(item, time, revert) => void moveByDrag(item, time, revert)}
      />

      {opened ? (
        <EntryDetailsDialog
          item={opened}
          title={titleOf(opened)}
          reader={reader}
          meId={me.id}
          onChangeTime={() => {
            handingOver.current = true;
            setTiming(opened);
            setOpened(null);
          }}
          onChanged={(text) => {
            setNotice({ tone: "info", text });
            void refresh();
          }}
          onClose={() => setOpened(null)}
          onCloseAutoFocus={focusEntry(opened)}
        />
      ) : null}
      {timing ? (
        <EntryTimeDialog
          time={timing}
          title={titleOf(timing)}
          timeZone={timeZone}
          occurrence={timing.recurrenceId !== null}
          onMove={async (time, scope) => {
            const outcome = timing.recurrenceId ? await moveOccurrence(timing, time, scope) : await move(timing.id, time);
            if (outcome.ok) setNotice({ tone: "info", text: t("moved", { title: titleOf(timing) }) });
            return outcome;
          }}
          onClose={() => setTiming(null)}
          onCloseAutoFocus={focusEntry(timing)}
        />
      ) : null}
      {draft ? (
        <Dialog open onOpenChange={(open) => !open && setDraft(null)} title={tf("newTitle")} closeLabel={te("close")} wide>
          <EntryForm
            mode="create"
            initial={draft}
            timeZone={timeZone}
            dateFormat={reader.dateFormat}
            me={me}
            otherCalendars={otherCalendars}
            ownerId={newEntryOwner}
            onCancel={() => setDraft(null)}
            onDone={() => {
              setNotice({ tone: "info", text: t("created") });
              setDraft(null);
              void refresh();
            }}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
