"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { ClientCasePickers } from "@/components/crm/client-case-pickers";
import { Button } from "@/components/ui/button";
import { CheckboxField, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import type { PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { createEntryAction, updateEntryAction } from "@/lib/calendar/actions";
import { MAX_ENTRY_DESCRIPTION, MAX_ENTRY_LOCATION, MAX_ENTRY_TITLE } from "@/lib/calendar/limits";
import type { Repeat } from "@/lib/calendar/repeat";
import type { DateFormat } from "@/lib/i18n/format-for";
import type { ConflictDetails } from "@/lib/resources/conflicts";
import type { SeriesConflictDetails } from "@/lib/resources/series-bookings";
import { instantToWallClock } from "@/lib/time/wall-clock";
import { AttendeePicker } from "./attendee-picker";
import { calendarReaderFor } from "./calendar-reader";
import { EntryConflicts } from "./entry-conflicts";
import { EntryResourceConflict } from "./entry-resource-conflict";
import { EntrySeriesConflict } from "./entry-series-conflict";
import { FreeTimeFinder } from "./free-time-finder";
import { GuestPicker, type GuestValue } from "./guest-picker";
import { RepeatFields } from "./repeat/repeat-fields";
import { ResourcePicker } from "./resource-picker";

export interface EntryFormValues {
  title: string;
  allDay: boolean;
  /** Wall-clock values ("2026-12-07T09:00") in the viewer's zone, for a timed entry. */
  start: string;
  end: string;
  /** First and last day ("2026-12-07"), the last one inclusive, for an all-day entry. */
  startDate: string;
  endDate: string;
  location: string;
  description: string;
  private: boolean;
  client: PickerItem | null;
  case: PickerItem | null;
  attendees: PickerItem[];
  /** People outside Baton invited by e-mail; absent: the form leaves the entry's guests as they are. */
  guests?: GuestValue[];
  /** Rooms and equipment booked for the entry's time; absent when editing: the entry keeps its resources. */
  resources?: PickerItem[];
  /** How it repeats (null: it does not); absent when editing: a series keeps its repetition. */
  repeat?: Repeat | null;
}

type Props = {
  initial: EntryFormValues;
  timeZone: string;
  /** How the reader writes dates, for the conflict warning; "auto" when not given. */
  dateFormat?: DateFormat;
  /** Whose calendar the entry is in (the viewer, unless they edit someone else's). */
  me: { id: string; name: string };
  onDone: (entryId: string) => void;
  onCancel: () => void;
  /** The id of the element that names the form (a dialog's title). */
  labelledBy?: string;
} & (
  | {
      mode: "create";
      ownerId?: string;
      /** Calendars the viewer may add to besides their own (owners who let them edit): a choice when there are any. */
      otherCalendars?: { id: string; name: string }[];
    }
  | { mode: "edit"; entryId: string }
);

/**
 * The New entry form and the edit form: title, when (hours or whole days), place, description,
 * privacy, client and case, whom to invite, and the rooms and equipment it books. Every control works from the keyboard; a drag
 * over free time only pre-fills it.
 */
export function EntryForm(props: Props) {
  const t = useTranslations("calendar.form");
  const { initial, timeZone, me } = props;
  const locale = useLocale() === "en" ? "en" : "pl";
  const [v, setV] = useState<EntryFormValues>(initial);
  const otherCalendars = props.mode === "create" ? (props.otherCalendars ?? []) : [];
  const [ownerId, setOwnerId] = useState(props.mode === "create" ? (props.ownerId ?? me.id) : me.id);
  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  const create = useAction(createEntryAction, (data) => props.onDone(data.id));
  const update = useAction(updateEntryAction, () => props.mode === "edit" && props.onDone(props.entryId));
  const action = props.mode === "create" ? create : update;
  const errors = (field: string) => action.fieldErrors?.[field];
  // The title, place and description: a control bound to its value, its errors wired to it.
  const textControl = (key: "title" | "location" | "description") => ({
    id: `entry-${key}`,
    value: v[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.target.value),
    "aria-invalid": errors(key) ? true : undefined,
    "aria-describedby": describedBy(`entry-${key}`, errors(key)),
  });
  const timeField = (name: TimeName, label: string, more?: { hint?: string; min?: string }) => (
    <TimeField name={name} label={label} {...more} value={v[name]} onChange={(value) => set(name, value)} errors={errors(`time.${name}`)} />
  );
  const attendeeErrors = Object.entries(action.fieldErrors ?? {}).flatMap(([key, list]) => (key.startsWith("attendeeIds") ? list : []));
  const guestErrors = Object.entries(action.fieldErrors ?? {}).flatMap(([key, list]) => (key.startsWith("guests") ? list : []));
  const resourceErrors = Object.entries(action.fieldErrors ?? {}).flatMap(([key, list]) => (key.startsWith("resourceIds") ? list : []));
  // A taken resource: the message names it and who holds it; the form offers what is free instead.
  const conflictDetails = action.result && !action.result.ok && action.result.code === "conflict" ? action.result.details : undefined;
  const resourceConflict = conflictDetails && "resource" in conflictDetails ? (conflictDetails as unknown as ConflictDetails) : undefined;
  // A series whose resources are taken on some dates: the dates, to skip or to book another resource for.
  const seriesConflict = conflictDetails && "seriesConflicts" in conflictDetails ? (conflictDetails as unknown as SeriesConflictDetails) : undefined;
  // Dates already chosen to be left out: kept while the time and the repetition stay as they were.
  const [skipped, setSkipped] = useState<{ key: string; dates: string[] }>({ key: "", dates: [] });
  const skipKey = JSON.stringify([v.start, v.end, v.allDay, v.repeat]);
  const skipDates = skipped.key === skipKey ? skipped.dates : [];

  function submit(e: FormEvent) {
    e.preventDefault();
    send(skipDates);
  }

  function skipAndSend(dates: string[]) {
    const all = [...new Set([...skipDates, ...dates])];
    setSkipped({ key: skipKey, dates: all });
    send(all);
  }

  function send(skip: string[]) {
    const fields = {
      title: v.title,
      description: v.description,
      location: v.location,
      visibility: v.private ? ("private" as const) : ("normal" as const),
      clientId: v.client?.id ?? "",
      caseId: v.case?.id ?? "",
      attendeeIds: v.attendees.map((a) => a.id),
      ...(v.guests ? { guests: v.guests.map((g) => (g.contactId ? { contactId: g.contactId } : { email: g.email, name: g.name ?? "" })) } : {}),
      ...(v.resources || props.mode === "create" ? { resourceIds: (v.resources ?? []).map((r) => r.id) } : {}),
      time: v.allDay ? { allDay: true as const, startDate: v.startDate, endDate: v.endDate } : { allDay: false as const, start: v.start, end: v.end },
      ...(v.repeat !== undefined && !v.allDay ? { repeat: v.repeat } : {}),
      ...(skip.length && !v.allDay ? { skipDates: skip } : {}),
    };
    if (props.mode === "create") void create.run({ ...fields, ownerId: ownerId === me.id ? "" : ownerId });
    else void update.run({ ...fields, id: props.entryId });
  }

  function toggleAllDay(allDay: boolean) {
    // Switching keeps the days: hours become whole days and back, so nothing typed is lost.
    setV((prev) =>
      allDay
        ? { ...prev, allDay, startDate: prev.start.slice(0, 10) || prev.startDate, endDate: prev.end.slice(0, 10) || prev.endDate }
        : { ...prev, allDay, start: prev.start || `${prev.startDate}T09:00`, end: prev.end || `${prev.startDate}T10:00` },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby={props.labelledBy}>
      {action.error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {action.error}
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-6">
        {otherCalendars.length ? (
          <Field id="entry-owner" label={t("calendar")} errors={errors("ownerId")} className="md:col-span-6">
            <Select id="entry-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} className="md:w-80">
              <option value={me.id}>{t("myCalendar")}</option>
              {otherCalendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field id="entry-title" label={t("title")} errors={errors("title")} className="md:col-span-6">
          <Input {...textControl("title")} maxLength={MAX_ENTRY_TITLE} required autoFocus />
        </Field>

        <CheckboxField id="entry-all-day" label={t("allDay")} checked={v.allDay} onChange={toggleAllDay} className="md:col-span-6" />

        {v.allDay ? (
          <>
            {timeField("startDate", t("startDate"))}
            {timeField("endDate", t("endDate"), { hint: t("endDateHint"), min: v.startDate })}
          </>
        ) : (
          <>
            {timeField("start", t("start"), { hint: t("zoneHint", { zone: timeZone }) })}
            {timeField("end", t("end"), { min: v.start })}
            {props.mode === "create" || v.repeat !== undefined ? (
              <RepeatFields
                value={v.repeat ?? null}
                onChange={(repeat) => set("repeat", repeat)}
                startDate={v.start.slice(0, 10)}
                reader={calendarReaderFor(locale, timeZone, props.dateFormat)}
                errors={errors}
              />
            ) : null}
          </>
        )}

        <Field id="entry-location" label={t("location")} errors={errors("location")} className="md:col-span-6">
          <Input {...textControl("location")} maxLength={MAX_ENTRY_LOCATION} />
        </Field>
        <Field id="entry-description" label={t("description")} errors={errors("description")} className="md:col-span-6">
          <Textarea {...textControl("description")} rows={3} maxLength={MAX_ENTRY_DESCRIPTION} />
        </Field>

        <ClientCasePickers
          ids={{ client: "entry-client", case: "entry-case" }}
          text={{ client: t("client"), noClient: t("noClient"), case: t("case"), noCase: t("noCase") }}
          value={v}
          onChange={(link) => setV((prev) => ({ ...prev, ...link }))}
          errors={{ client: errors("clientId"), case: errors("caseId") }}
        />

        <EntryConflicts
          time={v}
          people={[ownerId, ...v.attendees.map((a) => a.id)]}
          exceptEntryId={props.mode === "edit" ? props.entryId : undefined}
          reader={{ locale, timeZone, dateFormat: props.dateFormat }}
        />

        <AttendeePicker className="md:col-span-6" value={v.attendees} onChange={(list) => set("attendees", list)} exclude={[ownerId]} errors={attendeeErrors} />
        <GuestPicker className="md:col-span-6" value={v.guests ?? []} onChange={(list) => set("guests", list)} errors={guestErrors} clientId={v.client?.id} />
        <ResourcePicker
          className="md:col-span-6"
          value={v.resources ?? []}
          onChange={(list) => set("resources", list)}
          errors={resourceErrors}
          disabledHint={v.allDay ? t("resourcesAllDay") : undefined}
        />
        {v.allDay ? null : (
          <details className="rounded-md md:col-span-6">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">{t("findTime")}</summary>
            <div className="mt-2">
              <FreeTimeFinder
                people={[ownerId, ...v.attendees.map((a) => a.id)]}
                resources={(v.resources ?? []).map((r) => r.id)}
                reader={calendarReaderFor(locale, timeZone, props.dateFormat)}
                initialDurationMinutes={durationMinutesOf(v.start, v.end)}
                onPick={(start, end) => {
                  setV((prev) => ({ ...prev, start: instantToWallClock(new Date(start), timeZone), end: instantToWallClock(new Date(end), timeZone) }));
                  action.reset();
                }}
              />
            </div>
          </details>
        )}
        {resourceConflict?.resource ? (
          <EntryResourceConflict
            details={resourceConflict}
            reader={{ locale, timeZone, dateFormat: props.dateFormat }}
            onSwap={(taken, instead) => {
              set(
                "resources",
                (v.resources ?? []).map((r) => (r.id === taken ? instead : r)),
              );
              action.reset();
            }}
            onMove={(slot) => {
              setV((prev) => ({
                ...prev,
                start: instantToWallClock(new Date(slot.start), timeZone),
                end: instantToWallClock(new Date(slot.end), timeZone),
              }));
              action.reset();
            }}
          />
        ) : null}
        {seriesConflict ? (
          <EntrySeriesConflict
            details={seriesConflict}
            reader={{ locale, timeZone, dateFormat: props.dateFormat }}
            pending={action.pending}
            onSkip={skipAndSend}
            onSwap={(taken, instead) => {
              set(
                "resources",
                (v.resources ?? []).map((r) => (r.id === taken ? instead : r)),
              );
              action.reset();
            }}
          />
        ) : null}

        <CheckboxField
          id="entry-private"
          label={t("private")}
          hint={t("privateHint")}
          checked={v.private}
          onChange={(checked) => set("private", checked)}
          className="md:col-span-6"
        />
      </div>

      <div className="flex items-center justify-end gap-2 border-t border-slate-200 pt-3">
        <Button onClick={props.onCancel}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={action.pending}>
          {props.mode === "create" ? t("submitCreate") : t("submitSave")}
        </Button>
      </div>
    </form>
  );
}

type TimeName = "start" | "end" | "startDate" | "endDate";

/** The length the form holds now ("2026-12-08T09:00" to "…T10:30": 90), for the finder to start from; an hour when it cannot tell. */
function durationMinutesOf(start: string, end: string): number {
  // Both are wall-clock values of one zone: their difference as if in UTC is the length on any day without a clock change.
  const minutes = (Date.parse(`${end}:00Z`) - Date.parse(`${start}:00Z`)) / 60_000;
  return Number.isFinite(minutes) && minutes >= 5 && minutes <= 720 ? Math.round(minutes / 5) * 5 : 60;
}

const TIME_INPUTS: Record<TimeName, { id: string; type: "datetime-local" | "date" }> = {
  start: { id: "entry-start", type: "datetime-local" },
  end: { id: "entry-end", type: "datetime-local" },
  startDate: { id: "entry-start-date", type: "date" },
  endDate: { id: "entry-end-date", type: "date" },
};

/** One of the entry's times: a day and hour in the viewer's zone, or a whole day; half a row wide. */
function TimeField({
  name,
  label,
  hint,
  min,
  value,
  onChange,
  errors,
}: {
  name: TimeName;
  label: string;
  hint?: string;
  /** The earliest value offered: an end never before its start. */
  min?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  const { id, type } = TIME_INPUTS[name];
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className="md:col-span-3">
      <Input
        id={id}
        type={type}
        value={value}
        min={min}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, errors, hint !== undefined)}
      />
    </Field>
  );
}
