"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { EntryTime } from "@/lib/calendar/types";
import { addCalendarDays, wallClockToInstant } from "@/lib/time/zoned";
import { entryTimeInput } from "./calendar-items";
import { OccurrenceScopeField } from "./repeat/occurrence-scope";
import type { OccurrenceScope } from "./repeat/scopes";
import type { MoveOutcome } from "./use-calendar-window";

/**
 * The keyboard's way to do what a drag or a resize does: new start and end (or first and last
 * day), saved the same way, with the server's refusal shown here.
 */
export function EntryTimeDialog({
  time: current,
  title,
  timeZone,
  onMove,
  onClose,
  onCloseAutoFocus,
  occurrence = false,
}: {
  time: EntryTime;
  title: string;
  timeZone: string;
  /** For an occurrence of a series, `scope` says which occurrences move. */
  onMove: (time: EntryTime, scope: OccurrenceScope) => Promise<MoveOutcome>;
  /** An occurrence of a series: the dialog asks which occurrences move, and offers no all-day switch. */
  occurrence?: boolean;
  onClose: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const t = useTranslations("calendar.entry");
  const tf = useTranslations("calendar.form");
  const initial = entryTimeInput(current, timeZone);
  const [allDay, setAllDay] = useState(initial.allDay);
  const [start, setStart] = useState(initial.allDay ? `${initial.startDate}T09:00` : initial.start);
  const [end, setEnd] = useState(initial.allDay ? `${initial.startDate}T10:00` : initial.end);
  const [startDate, setStartDate] = useState(initial.allDay ? initial.startDate : initial.start.slice(0, 10));
  const [endDate, setEndDate] = useState(initial.allDay ? initial.endDate : initial.end.slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [scope, setScope] = useState<OccurrenceScope>("one");

  function chosenTime(): EntryTime | null {
    if (allDay) {
      if (!startDate || !endDate || endDate < startDate) return null;
      return { allDay: true, startDate, endDate: addCalendarDays(endDate, 1) };
    }
    const from = wallClockToInstant(start, timeZone);
    const to = wallClockToInstant(end, timeZone);
    if (!from || !to || to <= from) return null;
    return { allDay: false, start: from.toISOString(), end: to.toISOString() };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const time = chosenTime();
    if (!time) return setError(t("endBeforeStart"));
    setPending(true);
    const outcome = await onMove(time, scope);
    setPending(false);
    if (outcome.ok) onClose();
    else setError(outcome.error);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t("changeTimeOf", { title })} closeLabel={t("close")} onCloseAutoFocus={onCloseAutoFocus}>
      <form onSubmit={submit} noValidate className="space-y-3">
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <div className={occurrence ? "hidden" : "flex items-center gap-2 text-sm"}>
          <input
            id="move-all-day"
            type="checkbox"
            checked={allDay}
            onChange={(e) => setAllDay(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          <label htmlFor="move-all-day" className="font-medium text-slate-800">
            {tf("allDay")}
          </label>
        </div>
        {allDay ? (
          <div className="grid grid-cols-2 gap-3">
            <Field id="move-start-date" label={tf("startDate")}>
              <Input id="move-start-date" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} autoFocus />
            </Field>
            <Field id="move-end-date" label={tf("endDate")}>
              <Input id="move-end-date" type="date" value={endDate} min={startDate} onChange={(e) => setEndDate(e.target.value)} />
            </Field>
          </div>
        ) : (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field id="move-start" label={tf("start")} hint={tf("zoneHint", { zone: timeZone })}>
              <Input
                id="move-start"
                type="datetime-local"
                value={start}
                onChange={(e) => setStart(e.target.value)}
                autoFocus
                aria-describedby="move-start-hint"
              />
            </Field>
            <Field id="move-end" label={tf("end")}>
              <Input id="move-end" type="datetime-local" value={end} min={start} onChange={(e) => setEnd(e.target.value)} />
            </Field>
          </div>
        )}
        {occurrence ? <OccurrenceScopeField value={scope} onChange={setScope} idPrefix="move" /> : null}
        <div className="flex justify-end gap-2 border-t border-slate-200 pt-3">
          <Button onClick={onClose}>{tf("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {t("saveTime")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
