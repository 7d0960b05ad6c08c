"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { createEntryAction, updateEntryAction } from "@/lib/calendar/actions";
import { MAX_ENTRY_DESCRIPTION, MAX_ENTRY_LOCATION, MAX_ENTRY_TITLE } from "@/lib/calendar/limits";
import type { DateFormat } from "@/lib/i18n/format-for";
import { AttendeePicker } from "./attendee-picker";
import { EntryConflicts } from "./entry-conflicts";
import { GuestPicker, type GuestValue } from "./guest-picker";

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
 * privacy, client and case, and whom to invite. Every control works from the keyboard; a drag
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
  const attendeeErrors = Object.entries(action.fieldErrors ?? {}).flatMap(([key, list]) => (key.startsWith("attendeeIds") ? list : []));
  const guestErrors = Object.entries(action.fieldErrors ?? {}).flatMap(([key, list]) => (key.startsWith("guests") ? list : []));

  function chooseClient(item: PickerItem | null) {
    const keepCase = v.case?.client && item && v.case.client.id === item.id;
    setV((prev) => ({ ...prev, client: item, case: keepCase ? prev.case : null }));
  }
  function chooseCase(item: PickerItem | null) {
    setV((prev) => ({ ...prev, case: item, client: item?.client ? { id: item.client.id, label: item.client.label } : prev.client }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      title: v.title,
      description: v.description,
      location: v.location,
      visibility: v.private ? ("private" as const) : ("normal" as const),
      clientId: v.client?.id ?? "",
      caseId: v.case?.id ?? "",
      attendeeIds: v.attendees.map((a) => a.id),
      ...(v.guests ? { guests: v.guests.map((g) => ({ email: g.email, name: g.name ?? "" })) } : {}),
      time: v.allDay ? { allDay: true as const, startDate: v.startDate, endDate: v.endDate } : { allDay: false as const, start: v.start, end: v.end },
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
          <Input
            id="entry-title"
            value={v.title}
            onChange={(e) => set("title", e.target.value)}
            maxLength={MAX_ENTRY_TITLE}
            required
            autoFocus
            aria-invalid={errors("title") ? true : undefined}
            aria-describedby={describedBy("entry-title", errors("title"))}
          />
        </Field>

        <div className="flex items-center gap-2 text-sm md:col-span-6">
          <input
            id="entry-all-day"
            type="checkbox"
            checked={v.allDay}
            onChange={(e) => toggleAllDay(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-brand-600"
          />
          <label htmlFor="entry-all-day" className="font-medium text-slate-800">
            {t("allDay")}
          </label>
        </div>

        {v.allDay ? (
          <>
            <Field id="entry-start-date" label={t("startDate")} errors={errors("time.startDate")} className="md:col-span-3">
              <Input
                id="entry-start-date"
                type="date"
                value={v.startDate}
                onChange={(e) => set("startDate", e.target.value)}
                aria-invalid={errors("time.startDate") ? true : undefined}
                aria-describedby={describedBy("entry-start-date", errors("time.startDate"))}
              />
            </Field>
            <Field id="entry-end-date" label={t("endDate")} hint={t("endDateHint")} errors={errors("time.endDate")} className="md:col-span-3">
              <Input
                id="entry-end-date"
                type="date"
                value={v.endDate}
                min={v.startDate}
                onChange={(e) => set("endDate", e.target.value)}
                aria-invalid={errors("time.endDate") ? true : undefined}
                aria-describedby={describedBy("entry-end-date", errors("time.endDate"), true)}
              />
            </Field>
          </>
        ) : (
          <>
            <Field id="entry-start" label={t("start")} hint={t("zoneHint", { zone: timeZone })} errors={errors("time.start")} className="md:col-span-3">
              <Input
                id="entry-start"
                type="datetime-local"
                value={v.start}
                onChange={(e) => set("start", e.target.value)}
                aria-invalid={errors("time.start") ? true : undefined}
                aria-describedby={describedBy("entry-start", errors("time.start"), true)}
              />
            </Field>
            <Field id="entry-end" label={t("end")} errors={errors("time.end")} className="md:col-span-3">
              <Input
                id="entry-end"
                type="datetime-local"
                value={v.end}
                min={v.start}
                onChange={(e) => set("end", e.target.value)}
                aria-invalid={errors("time.end") ? true : undefined}
                aria-describedby={describedBy("entry-end", errors("time.end"))}
              />
            </Field>
          </>
        )}

        <Field id="entry-location" label={t("location")} errors={errors("location")} className="md:col-span-6">
          <Input
            id="entry-location"
            value={v.location}
            onChange={(e) => set("location", e.target.value)}
            maxLength={MAX_ENTRY_LOCATION}
            aria-invalid={errors("location") ? true : undefined}
            aria-describedby={describedBy("entry-location", errors("location"))}
          />
        </Field>
        <Field id="entry-description" label={t("description")} errors={errors("description")} className="md:col-span-6">
          <Textarea
            id="entry-description"
            rows={3}
            value={v.description}
            onChange={(e) => set("description", e.target.value)}
            maxLength={MAX_ENTRY_DESCRIPTION}
            aria-invalid={errors("description") ? true : undefined}
            aria-describedby={describedBy("entry-description", errors("description"))}
          />
        </Field>

        <Field id="entry-client" label={t("client")} errors={errors("clientId")} className="md:col-span-3">
          <SearchPicker
            id="entry-client"
            source="clients"
            value={v.client}
            onChange={chooseClient}
            emptyLabel={t("noClient")}
            aria-invalid={errors("clientId") ? true : undefined}
            aria-describedby={describedBy("entry-client", errors("clientId"))}
          />
        </Field>
        <Field id="entry-case" label={t("case")} errors={errors("caseId")} className="md:col-span-3">
          <SearchPicker
            id="entry-case"
            source="cases"
            params={{ client: v.client?.id }}
            value={v.case}
            onChange={chooseCase}
            emptyLabel={t("noCase")}
            aria-invalid={errors("caseId") ? true : undefined}
            aria-describedby={describedBy("entry-case", errors("caseId"))}
          />
        </Field>

        <EntryConflicts
          time={v}
          people={[ownerId, ...v.attendees.map((a) => a.id)]}
          exceptEntryId={props.mode === "edit" ? props.entryId : undefined}
          reader={{ locale, timeZone, dateFormat: props.dateFormat }}
        />

        <AttendeePicker className="md:col-span-6" value={v.attendees} onChange={(list) => set("attendees", list)} exclude={[ownerId]} errors={attendeeErrors} />
        <GuestPicker className="md:col-span-6" value={v.guests ?? []} onChange={(list) => set("guests", list)} errors={guestErrors} />

        <div className="flex items-start gap-2 text-sm md:col-span-6">
          <input
            id="entry-private"
            type="checkbox"
            checked={v.private}
            onChange={(e) => set("private", e.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
            aria-describedby="entry-private-hint"
          />
          <div>
            <label htmlFor="entry-private" className="font-medium text-slate-800">
              {t("private")}
            </label>
            <p id="entry-private-hint" className="text-xs text-slate-500">
              {t("privateHint")}
            </p>
          </div>
        </div>
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
