"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { CHANNELS } from "@/lib/org/vocabulary";
import { MAX_REMINDERS } from "@/lib/tasks/input-limits";
import { offsetLabel, REMINDER_OFFSETS, type ReminderDraft } from "./reminder-drafts";

let counter = 0;
function newReminderKey(): string {
  counter += 1;
  return `new-${counter}`;
}

/** Reminders as rows: a lead time before the due moment or a moment of its own, and an optional channel. */
export function RemindersEditor({
  value,
  onChange,
  disabled,
  fieldErrors,
}: {
  value: ReminderDraft[];
  onChange: (next: ReminderDraft[]) => void;
  disabled: boolean;
  fieldErrors: Record<string, string[]> | undefined;
}) {
  const t = useTranslations("tasks");
  const update = (key: string, patch: Partial<ReminderDraft>) => onChange(value.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const general = fieldErrors?.reminders ?? [];
  const errorsFor = (i: number) =>
    Object.entries(fieldErrors ?? {})
      .filter(([k]) => k.startsWith(`reminders.${i}.`))
      .flatMap(([, v]) => v);
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-xs font-medium text-slate-700">{t("form.reminders")}</legend>
      <p className="text-xs text-slate-500">{t("form.remindersHint")}</p>
      {value.length === 0 ? <p className="text-xs text-slate-500 italic">{t("form.noReminders")}</p> : null}
      <ul className="space-y-2">
        {value.map((r, i) => {
          const errors = errorsFor(i);
          const id = `reminder-${r.key}`;
          return (
            <li key={r.key} className="rounded-md border border-slate-200 bg-slate-50/60 p-2">
              <div className="flex flex-wrap items-end gap-2">
                <div className="min-w-44 space-y-0.5">
                  <label htmlFor={`${id}-type`} className="block text-[11px] text-slate-500">
                    {t("form.reminderType")}
                  </label>
                  <Select id={`${id}-type`} value={r.type} onChange={(e) => update(r.key, { type: e.target.value as ReminderDraft["type"] })}>
                    <option value="before">{t("form.reminderBefore")}</option>
                    <option value="at">{t("form.reminderAt")}</option>
                  </Select>
                </div>
                {r.type === "before" ? (
                  <div className="min-w-36 space-y-0.5">
                    <label htmlFor={`${id}-offset`} className="block text-[11px] text-slate-500">
                      {t("form.reminderOffset")}
                    </label>
                    <Select
                      id={`${id}-offset`}
                      value={r.offsetMinutes}
                      onChange={(e) => update(r.key, { offsetMinutes: Number(e.target.value) })}
                      aria-invalid={errors.length ? true : undefined}
                      aria-describedby={errors.length ? `${id}-error` : undefined}
                    >
                      {withCurrent(r.offsetMinutes).map((m) => (
                        <option key={m} value={m}>
                          {offsetLabel(t, m)}
                        </option>
                      ))}
                    </Select>
                  </div>
                ) : (
                  <div className="space-y-0.5 w-52">
                    <label htmlFor={`${id}-at`} className="block text-[11px] text-slate-500">
                      {t("form.reminderTime")}
                    </label>
                    <Input
                      id={`${id}-at`}
                      type="datetime-local"
                      value={r.fireAt}
                      onChange={(e) => update(r.key, { fireAt: e.target.value })}
                      aria-invalid={errors.length ? true : undefined}
                      aria-describedby={errors.length ? `${id}-error` : undefined}
                    />
                  </div>
                )}
                <div className="min-w-44 space-y-0.5">
                  <label htmlFor={`${id}-channel`} className="block text-[11px] text-slate-500">
                    {t("form.channel")}
                  </label>
                  <Select id={`${id}-channel`} value={r.channel} onChange={(e) => update(r.key, { channel: e.target.value as ReminderDraft["channel"] })}>
                    <option value="">{t("form.channelDefault")}</option>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {t(`channels.${c}`)}
                      </option>
                    ))}
                  </Select>
                </div>
                <Button
                  variant="ghost"
                  size="md"
                  onClick={() => onChange(value.filter((x) => x.key !== r.key))}
                  aria-label={t("form.removeReminder")}
                  title={t("form.removeReminder")}
                >
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              </div>
              {errors.length ? (
                <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
                  {errors.join(" ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {general.length ? (
        <p role="alert" className="text-xs text-red-700">
          {general.join(" ")}
        </p>
      ) : null}
      {value.length < MAX_REMINDERS ? (
        <Button size="sm" onClick={() => onChange([...value, { key: newReminderKey(), type: "before", offsetMinutes: 60, fireAt: "", channel: "" }])}>
          <Plus aria-hidden className="h-3.5 w-3.5" />
          {t("form.addReminder")}
        </Button>
      ) : null}
    </fieldset>
  );
}

/** A stored lead time that is not one of the offered ones still shows as itself. */
function withCurrent(minutes: number): number[] {
  const list: number[] = [...REMINDER_OFFSETS];
  return list.includes(minutes) ? list : [...list, minutes].sort((a, b) => a - b);
}
