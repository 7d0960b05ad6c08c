"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { FreeSlot } from "@/lib/resources/finder";
import { findFreeSlotsAction } from "@/lib/resources/finder-action";
import { formatInstantFor } from "@/lib/i18n/format-for";
import type { CalendarReader } from "./calendar-reader";

const PROPOSALS = 5;

export interface FreeTimeFinderProps {
  /** The people and resources the meeting needs (the form's attendees, the organiser, its rooms and kit). */
  people: readonly string[];
  resources: readonly string[];
  /** How the organiser reads times: the proposals are shown in their zone and language. */
  reader: CalendarReader;
  initialDurationMinutes?: number;
  /** The chosen slot, as instants (ISO, UTC); the end is exclusive. */
  onPick: (start: string, end: string) => void;
}

/**
 * "Find a time": asks for the first free slots in the next two weeks when everyone and everything
 * chosen is free, and proposes up to five; picking one hands it to the form. It shows nothing of
 * anyone's calendar but the free times.
 */
export function FreeTimeFinder({ people, resources, reader, initialDurationMinutes = 60, onPick }: FreeTimeFinderProps) {
  const t = useTranslations("resources.finder");
  const id = useId();
  const [duration, setDuration] = useState(String(initialDurationMinutes));
  const [workingHoursOnly, setWorkingHoursOnly] = useState(true);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const nothingChosen = people.length === 0 && resources.length === 0;

  const search = () => {
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await findFreeSlotsAction({
          people: [...people],
          resources: [...resources],
          durationMinutes: Number(duration),
          workingHoursOnly,
          limit: PROPOSALS,
        });
        if (result.ok) setSlots(result.data);
        else {
          setSlots(null);
          setError(result.error);
        }
      } catch {
        setSlots(null);
        setError(t("failed"));
      }
    });
  };

  const label = (slot: FreeSlot) => `${formatInstantFor(new Date(slot.start), reader, "short")} – ${formatInstantFor(new Date(slot.end), reader, "time")}`;

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-slate-200 p-3">
      {/* Not a heading: the finder sits in forms whose own headings it must not break the order of. */}
      <p id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("title")}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <Field id={`${id}-duration`} label={t("duration")}>
          <Input
            id={`${id}-duration`}
            type="number"
            inputMode="numeric"
            min={5}
            max={720}
            step={5}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            // Inside the entry form Enter would save the entry: here it searches.
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                search();
              }
            }}
            className="w-28"
          />
        </Field>
        <CheckboxField id={`${id}-working`} label={t("workingHoursOnly")} checked={workingHoursOnly} onChange={setWorkingHoursOnly} />
        <Button onClick={search} disabled={pending || nothingChosen} aria-describedby={nothingChosen ? `${id}-hint` : undefined}>
          {pending ? t("searching") : t("search")}
        </Button>
      </div>
      {nothingChosen ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("chooseSomeone")}
        </p>
      ) : null}
      <FormAlert error={error} />
      <div aria-live="polite">
        {slots && slots.length === 0 ? <p className="text-sm text-slate-700">{t("none")}</p> : null}
        {slots && slots.length > 0 ? (
          <>
            <p className="text-sm text-slate-700">{t("proposals")}</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {slots.map((slot) => (
                <li key={slot.start}>
                  <Button size="sm" onClick={() => onPick(slot.start, slot.end)} aria-label={t("pick", { when: label(slot) })}>
                    {label(slot)}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
