"use client";

import { useTranslations } from "next-intl";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { TASK_REPEAT_KINDS, WEEKS_OF_MONTH, type TaskRepeat, type TaskRepeatKind } from "@/lib/tasks/repeat-rule";
import { describeTaskRepeat, type TaskRepeatTranslator } from "@/lib/tasks/repeat-words";

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** What the form holds: every kind's fields at once, so switching kinds back and forth loses nothing. */
export interface TaskRepeatDraft {
  kind: TaskRepeatKind | "";
  weekdays: number[];
  monthDay: number;
  weekOfMonth: number;
  weekday: number;
  afterDays: number;
  timeOfDay: string;
  dueDays: number;
}

export const NO_REPEAT: TaskRepeatDraft = { kind: "", weekdays: [], monthDay: 1, weekOfMonth: 1, weekday: 1, afterDays: 1, timeOfDay: "08:00", dueDays: 0 };

/** The draft as the actions take it: null when the task does not repeat. */
export function repeatInputOf(d: TaskRepeatDraft) {
  if (!d.kind) return null;
  return {
    kind: d.kind,
    weekdays: d.weekdays,
    monthDay: d.monthDay,
    weekOfMonth: d.weekOfMonth,
    weekday: d.weekday,
    afterDays: d.afterDays,
    timeOfDay: d.timeOfDay,
    dueDays: d.dueDays,
  };
}

function ruleOf(d: TaskRepeatDraft): TaskRepeat | null {
  if (!d.kind) return null;
  return {
    kind: d.kind,
    weekdays: d.weekdays,
    monthDay: d.monthDay,
    weekOfMonth: d.weekOfMonth,
    weekday: d.weekday,
    afterDays: d.afterDays,
    timeOfDay: d.timeOfDay,
  };
}

/**
 * How a task repeats: the kind and its day(s), the time each new task appears, and when it is due,
 * said in words under the controls. Only the delegator changes it (the fieldset is disabled otherwise).
 */
export function TaskRepeatFields({
  value,
  onChange,
  timeZone,
  disabled,
  stoppable,
  errors,
}: {
  value: TaskRepeatDraft;
  onChange: (value: TaskRepeatDraft) => void;
  timeZone: string;
  disabled: boolean;
  /** The task repeats now: choosing "does not repeat" stops it. */
  stoppable: boolean;
  errors: (field: string) => string[] | undefined;
}) {
  const t = useTranslations("tasks.form.repeat");
  const set = (change: Partial<TaskRepeatDraft>) => onChange({ ...value, ...change });
  const rule = ruleOf(value);
  const words = rule && (rule.kind !== "weekly" || rule.weekdays.length) ? describeTaskRepeat(rule, t as unknown as TaskRepeatTranslator) : null;

  return (
    <fieldset disabled={disabled} className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-medium text-slate-700">{t("legend")}</legend>
      {disabled ? <p className="text-xs text-slate-600">{t("assigneeHint")}</p> : null}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-6">
        <Field
          id="repeat-kind"
          label={t("kind")}
          errors={errors("repeat.kind")}
          hint={stoppable && !value.kind ? t("stopHint") : undefined}
          className="md:col-span-3"
        >
          <Select
            id="repeat-kind"
            value={value.kind}
            aria-describedby={words ? "repeat-words" : undefined}
            onChange={(e) => set({ kind: e.target.value as TaskRepeatKind | "" })}
          >
            <option value="">{t("none")}</option>
            {TASK_REPEAT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(k)}
              </option>
            ))}
          </Select>
        </Field>
        {value.kind ? (
          <Field id="repeat-time" label={t("timeOfDay")} hint={t("timeHint", { zone: timeZone })} errors={errors("repeat.timeOfDay")} className="md:col-span-3">
            <Input
              id="repeat-time"
              type="time"
              value={value.timeOfDay}
              onChange={(e) => set({ timeOfDay: e.target.value })}
              aria-describedby={describedBy("repeat-time", errors("repeat.timeOfDay"), true)}
            />
          </Field>
        ) : null}
        {value.kind === "weekly" ? (
          <fieldset className="md:col-span-6">
            <legend className="mb-1 text-xs font-medium text-slate-700">{t("weekdays")}</legend>
            <div className="flex flex-wrap gap-3">
              {ISO_WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
                    checked={value.weekdays.includes(day)}
                    onChange={(e) =>
                      set({ weekdays: e.target.checked ? [...value.weekdays, day].sort((a, b) => a - b) : value.weekdays.filter((d) => d !== day) })
                    }
                  />
                  {t(`weekdayNames.${day}`)}
                </label>
              ))}
            </div>
            {errors("repeat.weekdays")?.map((m) => (
              <p key={m} role="alert" className="mt-1 text-xs text-red-700">
                {m}
              </p>
            ))}
          </fieldset>
        ) : null}
        {value.kind === "monthlyOnDate" ? (
          <WholeNumberField
            id="repeat-month-day"
            label={t("monthDay")}
            errors={errors("repeat.monthDay")}
            min={1}
            max={31}
            value={value.monthDay}
            onChange={(monthDay) => set({ monthDay })}
          />
        ) : null}
        {value.kind === "monthlyOnWeekday" ? (
          <>
            <Field id="repeat-week-of-month" label={t("weekOfMonth")} errors={errors("repeat.weekOfMonth")} className="md:col-span-2">
              <Select id="repeat-week-of-month" value={value.weekOfMonth} onChange={(e) => set({ weekOfMonth: Number(e.target.value) })}>
                {WEEKS_OF_MONTH.map((n) => (
                  <option key={n} value={n}>
                    {t("nth", { nth: String(n) })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="repeat-weekday" label={t("weekday")} errors={errors("repeat.weekday")} className="md:col-span-2">
              <Select id="repeat-weekday" value={value.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                {ISO_WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekdayNames.${d}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        ) : null}
        {value.kind === "afterCompletion" ? (
          <WholeNumberField
            id="repeat-after-days"
            label={t("afterDays")}
            errors={errors("repeat.afterDays")}
            min={0}
            max={365}
            value={value.afterDays}
            onChange={(afterDays) => set({ afterDays })}
          />
        ) : null}
        {value.kind ? (
          <WholeNumberField
            id="repeat-due-days"
            label={t("dueDays")}
            hint={t("dueHint")}
            errors={errors("repeat.dueDays")}
            min={0}
            max={365}
            value={value.dueDays}
            onChange={(dueDays) => set({ dueDays })}
          />
        ) : null}
      </div>
      {words ? (
        <p id="repeat-words" className="text-sm text-slate-700">
          {words}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A whole number of the repetition (a day of the month, a number of days), two columns wide. A cleared field holds
 * NaN and shows empty, and the action refuses it with its message, tied to the input like the hint.
 */
function WholeNumberField({
  id,
  label,
  hint,
  errors,
  min,
  max,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className="md:col-span-2">
      <Input
        id={id}
        type="number"
        min={min}
        max={max}
        value={Number.isNaN(value) ? "" : value}
        onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
        aria-describedby={describedBy(id, errors, Boolean(hint))}
      />
    </Field>
  );
}
