"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { TimeZoneInput } from "@/components/admin/time-zone-input";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { saveEscalationSettingsAction } from "@/lib/reminders/actions";
import type { EscalationSettings } from "@/lib/reminders/settings";
import { HOLIDAY_COUNTRIES } from "@/lib/reminders/holidays";
import { DELAY_UNITS, type DelayUnit } from "@/lib/reminders/working-time";
import { PRIORITIES_URGENT_FIRST } from "@/lib/org/vocabulary";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The admin's escalation policy: delay per priority, the optional second level, and the working week. */
export function EscalationSettingsForm({ initial, zones }: { initial: EscalationSettings; zones: string[] }) {
  const t = useTranslations("reminders.admin");
  const tp = useTranslations("common.priority");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, errorsFor } = useAction(saveEscalationSettingsAction, () => setSaved(true));

  function submit(form: FormData) {
    setSaved(false);
    const rule = (p: string) => ({ delay: String(form.get(`${p}.delay`) ?? ""), unit: String(form.get(`${p}.unit`)) as DelayUnit });
    void run({
      policy: { low: rule("low"), normal: rule("normal"), high: rule("high"), urgent: rule("urgent") },
      secondLevelEnabled: form.get("secondLevelEnabled") === "on",
      secondLevelDelay: String(form.get("secondLevelDelay") ?? ""),
      secondLevelUnit: String(form.get("secondLevelUnit")) as DelayUnit,
      timeZone: String(form.get("timeZone") ?? ""),
      workDays: form.getAll("workDays").map(Number),
      dayStart: String(form.get("dayStart") ?? ""),
      dayEnd: String(form.get("dayEnd") ?? ""),
      holidayCountry: String(form.get("holidayCountry") ?? ""),
    } as unknown as Parameters<typeof saveEscalationSettingsAction>[0]);
  }

  const unitOptions = DELAY_UNITS.map((u) => (
    <option key={u} value={u}>
      {t(`units.${u}`)}
    </option>
  ));

  return (
    <form action={submit} className="space-y-5" noValidate>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">{t("policy")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("policyHelp")}</p>
        <table className="w-full max-w-xl text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 pr-3 font-medium">{t("priority")}</th>
              <th className="py-1 pr-3 font-medium">{t("delay")}</th>
              <th className="py-1 font-medium">{t("unit")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {PRIORITIES_URGENT_FIRST.map((p) => {
              const rule = initial.policy.byPriority[p];
              const errors = [...(errorsFor(`policy.${p}.delay`) ?? []), ...(errorsFor(`policy.${p}.unit`) ?? [])];
              return (
                <tr key={p}>
                  <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-800">
                    {tp(p)}
                  </th>
                  <td className="py-1.5 pr-3">
                    <Input
                      type="number"
                      min={1}
                      max={10000}
                      name={`${p}.delay`}
                      defaultValue={rule.delay}
                      aria-label={`${t("delay")}: ${tp(p)}`}
                      aria-invalid={errors.length ? true : undefined}
                      className="w-24 tabular-nums"
                    />
                    {errors.length ? <p className="mt-0.5 text-xs text-red-700">{errors.join(" ")}</p> : null}
                  </td>
                  <td className="py-1.5">
                    <Select name={`${p}.unit`} defaultValue={rule.unit} aria-label={`${t("unit")}: ${tp(p)}`} className="w-full sm:w-48">
                      {unitOptions}
                    </Select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-800">{t("secondLevel")}</legend>
        <label className="mt-1 flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="secondLevelEnabled" defaultChecked={initial.policy.secondLevel.enabled} className="h-4 w-4 rounded border-slate-300" />
          {t("secondLevelEnabled")}
        </label>
        <p className="mt-0.5 mb-2 text-xs text-slate-500">{t("secondLevelHelp")}</p>
        <div className="flex flex-wrap items-start gap-3">
          <Field id="secondLevelDelay" label={t("delay")} errors={errorsFor("secondLevelDelay")}>
            <Input
              id="secondLevelDelay"
              type="number"
              min={1}
              max={10000}
              name="secondLevelDelay"
              defaultValue={initial.policy.secondLevel.delay}
              className="w-24 tabular-nums"
            />
          </Field>
          <Field id="secondLevelUnit" label={t("unit")}>
            <Select id="secondLevelUnit" name="secondLevelUnit" defaultValue={initial.policy.secondLevel.unit} className="w-48">
              {unitOptions}
            </Select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="border-t border-slate-200 pt-4">
        <legend className="text-sm font-semibold text-slate-800">{t("schedule")}</legend>
        <div className="mt-2 grid max-w-xl gap-3 sm:grid-cols-3">
          <Field id="timeZone" label={t("timeZone")} errors={errorsFor("timeZone")} className="sm:col-span-3">
            <TimeZoneInput id="timeZone" name="timeZone" defaultValue={initial.schedule.timeZone} zones={zones} errors={errorsFor("timeZone")} />
          </Field>
          <fieldset className="sm:col-span-3" aria-describedby={errorsFor("workDays") ? "workDays-error" : undefined}>
            <legend className="mb-1 text-xs font-medium text-slate-700">{t("days")}</legend>
            <div className="flex flex-wrap gap-1.5">
              {WEEKDAYS.map((d) => (
                <label
                  key={d}
                  className="flex items-center gap-1 rounded border border-slate-200 px-2 py-1 text-xs has-[:checked]:border-brand-400 has-[:checked]:bg-brand-50"
                >
                  <input type="checkbox" name="workDays" value={d} defaultChecked={initial.schedule.workDays.includes(d)} className="h-3.5 w-3.5" />
                  {t(`weekdays.${d}`)}
                </label>
              ))}
            </div>
            {errorsFor("workDays") ? (
              <p id="workDays-error" role="alert" className="mt-1 text-xs text-red-700">
                {errorsFor("workDays")!.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <Field id="dayStart" label={t("dayStart")} errors={errorsFor("dayStart")}>
            <Input id="dayStart" type="time" name="dayStart" defaultValue={initial.schedule.dayStart} />
          </Field>
          <Field id="dayEnd" label={t("dayEnd")} errors={errorsFor("dayEnd")}>
            <Input id="dayEnd" type="time" name="dayEnd" defaultValue={initial.schedule.dayEnd} />
          </Field>
          <Field id="holidayCountry" label={t("holidayCountry")} errors={errorsFor("holidayCountry")}>
            <Select id="holidayCountry" name="holidayCountry" defaultValue={initial.schedule.holidays.country}>
              {HOLIDAY_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {t(`countries.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>

      <FormAlert error={error} />
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {t("save")}
        </Button>
        <SavedNote show={saved}>{t("saved")}</SavedNote>
      </div>
    </form>
  );
}
