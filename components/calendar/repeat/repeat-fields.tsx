"use client";

import { useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { MAX_REPEAT_COUNT, MAX_REPEAT_INTERVAL, REPEAT_FREQUENCIES, WEEKDAYS, type Repeat, type RepeatFrequency } from "@/lib/calendar/repeat";
import { dateLabel, type CalendarReader } from "../calendar-reader";
import { describeRepeat, type RepeatTranslator } from "@/lib/calendar/repeat-words";

const UNIT: Record<RepeatFrequency, string> = {
  daily: "daily",
  workdays: "daily",
  weekly: "weekly",
  monthlyOnDate: "monthly",
  monthlyOnWeekday: "monthly",
  yearly: "yearly",
};

/**
 * How an entry repeats: the kind, every how many, on which weekdays, and when it ends, said in
 * words under the controls as it will happen ("Every 2 weeks on Monday and Thursday, 10 times").
 */
export function RepeatFields({
  value,
  onChange,
  startDate,
  reader,
  errors,
}: {
  value: Repeat | null;
  onChange: (value: Repeat | null) => void;
  /** The first occurrence's local date: it names the day of a monthly or yearly series. */
  startDate: string;
  reader: CalendarReader;
  errors: (field: string) => string[] | undefined;
}) {
  const t = useTranslations("calendar.form.repeat");
  const say = t as unknown as RepeatTranslator;
  const set = (change: Partial<Repeat>) => value && onChange({ ...value, ...change });
  const formatDate = (date: string, withYear: boolean) =>
    dateLabel(reader, date, withYear ? { day: "numeric", month: "long", year: "numeric" } : { day: "numeric", month: "long" });
  const words = value && /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? describeRepeat(value, startDate, say, formatDate) : null;

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 md:col-span-6">
      <legend className="px-1 text-xs font-medium text-slate-700">{t("legend")}</legend>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-6">
        <Field id="repeat-frequency" label={t("frequency")} errors={errors("repeat")} className="md:col-span-3">
          <Select
            id="repeat-frequency"
            value={value?.frequency ?? ""}
            aria-describedby={words ? "repeat-words" : undefined}
            onChange={(e) =>
              onChange(
                e.target.value
                  ? {
                      frequency: e.target.value as RepeatFrequency,
                      interval: value?.interval ?? 1,
                      weekdays: value?.weekdays ?? [],
                      ends: value?.ends ?? { kind: "never" },
                    }
                  : null,
              )
            }
          >
            <option value="">{t("none")}</option>
            {REPEAT_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(f)}
              </option>
            ))}
          </Select>
        </Field>
        {value && value.frequency !== "workdays" ? (
          <Field id="repeat-interval" label={t("interval")} errors={errors("repeat.interval")} className="md:col-span-3">
            <div className="flex items-center gap-2">
              <Input
                id="repeat-interval"
                type="number"
                min={1}
                max={MAX_REPEAT_INTERVAL}
                value={value.interval}
                onChange={(e) => set({ interval: Number(e.target.value) })}
                className="w-20"
                aria-describedby="repeat-interval-unit"
              />
              <span id="repeat-interval-unit" className="text-sm text-slate-700">
                {t("intervalUnit", { unit: UNIT[value.frequency], n: value.interval || 1 })}
              </span>
            </div>
          </Field>
        ) : null}
        {value?.frequency === "weekly" ? (
          <fieldset className="md:col-span-6">
            <legend className="mb-1 text-xs font-medium text-slate-700">{t("weekdays")}</legend>
            <div className="flex flex-wrap gap-3">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
                    checked={value.weekdays.includes(day)}
                    onChange={(e) => set({ weekdays: e.target.checked ? [...value.weekdays, day] : value.weekdays.filter((d) => d !== day) })}
                    aria-label={t(`weekdayNames.${day}`)}
                  />
                  <span aria-hidden>{t(`weekdayShort.${day}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {value ? (
          <>
            <Field id="repeat-ends" label={t("ends")} className="md:col-span-2">
              <Select
                id="repeat-ends"
                value={value.ends.kind}
                onChange={(e) => {
                  const kind = e.target.value;
                  set({ ends: kind === "onDate" ? { kind, date: startDate } : kind === "afterCount" ? { kind, count: 10 } : { kind: "never" } });
                }}
              >
                <option value="never">{t("endsNever")}</option>
                <option value="onDate">{t("endsOnDate")}</option>
                <option value="afterCount">{t("endsAfterCount")}</option>
              </Select>
            </Field>
            {value.ends.kind === "onDate" ? (
              <Field id="repeat-end-date" label={t("endDate")} errors={errors("repeat.ends.date")} className="md:col-span-2">
                <Input
                  id="repeat-end-date"
                  type="date"
                  min={startDate}
                  value={value.ends.date}
                  onChange={(e) => set({ ends: { kind: "onDate", date: e.target.value } })}
                />
              </Field>
            ) : null}
            {value.ends.kind === "afterCount" ? (
              <Field id="repeat-count" label={t("count")} errors={errors("repeat.ends.count")} className="md:col-span-2">
                <Input
                  id="repeat-count"
                  type="number"
                  min={1}
                  max={MAX_REPEAT_COUNT}
                  value={value.ends.count}
                  onChange={(e) => set({ ends: { kind: "afterCount", count: Number(e.target.value) } })}
                />
              </Field>
            ) : null}
          </>
        ) : null}
      </div>
      {words ? (
        <p id="repeat-words" className="text-sm text-slate-700" aria-live="polite">
          {words}
        </p>
      ) : null}
      {value ? <p className="text-xs text-slate-500">{t("onlyAlone")}</p> : null}
    </fieldset>
  );
}
