"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { TimeZoneInput } from "@/components/admin/time-zone-input";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { DATE_FORMATS, type DateFormat } from "@/lib/i18n/format-for";
import { useAction } from "@/components/ui/use-action";
import { setLanguageAction } from "@/lib/i18n/actions";
import { updateProfileAction } from "@/lib/org/actions";
import { LanguageSelect, WorkingModeSelect } from "./person-selects";
import type { WorkingMode } from "@/lib/org/vocabulary";

interface ProfileValues {
  name: string;
  phone: string;
  timeZone: string;
  locale: "pl" | "en";
  dateFormat: DateFormat;
  workingMode: WorkingMode;
}

/** The person's own name, phone, time zone, language, date format and working mode. */
export function ProfileForm({
  values,
  timeZones,
  dateFormatExamples,
}: {
  values: ProfileValues;
  timeZones: string[];
  /** Now, written in each format for this person (the server formats: the browser's zone takes no part). */
  dateFormatExamples: Record<DateFormat, string>;
}) {
  const t = useTranslations("settings.profile");
  const tc = useTranslations("common");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const save = useAction(updateProfileAction);
  const err = (field: string) => save.errorsFor(field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const locale = text("locale") as ProfileValues["locale"];
    const result = await save.run({
      name: text("name"),
      phone: text("phone"),
      timeZone: text("timeZone"),
      locale,
      dateFormat: text("dateFormat") as DateFormat,
      workingMode: text("workingMode") as WorkingMode,
    });
    if (!result.ok) return;
    // The language cookie keeps the choice on the login page after signing out.
    if (locale !== values.locale) await setLanguageAction(locale);
    setSaved(true);
    router.refresh();
  }

  return (
    <Card title={t("personal")}>
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("personal")}>
        <FormAlert error={save.error} />
        <div className="grid gap-3 md:grid-cols-2">
          <Field id="profile-name" label={t("name")} errors={err("name")}>
            <Input
              id="profile-name"
              name="name"
              defaultValue={values.name}
              autoComplete="name"
              required
              aria-invalid={!!err("name")}
              aria-describedby={describedBy("profile-name", err("name"))}
            />
          </Field>
          <Field id="profile-phone" label={t("phone")} hint={t("phoneHint")} errors={err("phone")}>
            <Input
              id="profile-phone"
              name="phone"
              type="tel"
              defaultValue={values.phone}
              autoComplete="tel"
              aria-invalid={!!err("phone")}
              aria-describedby={describedBy("profile-phone", err("phone"), true)}
            />
          </Field>
          <Field id="profile-tz" label={t("timeZone")} hint={t("timeZoneHint")} errors={err("timeZone")}>
            <TimeZoneInput id="profile-tz" name="timeZone" defaultValue={values.timeZone} zones={timeZones} errors={err("timeZone")} hint />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="profile-locale" label={t("language")} errors={err("locale")}>
              <LanguageSelect id="profile-locale" name="locale" defaultValue={values.locale} />
            </Field>
            <Field id="profile-mode" label={t("workingMode")} errors={err("workingMode")}>
              <WorkingModeSelect id="profile-mode" name="workingMode" defaultValue={values.workingMode} />
            </Field>
          </div>
          <Field id="profile-date-format" label={t("dateFormat")} hint={t("dateFormatHint")} errors={err("dateFormat")}>
            <Select
              id="profile-date-format"
              name="dateFormat"
              defaultValue={values.dateFormat}
              aria-invalid={!!err("dateFormat")}
              aria-describedby={describedBy("profile-date-format", err("dateFormat"), true)}
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`dateFormats.${f}`, { example: dateFormatExamples[f] })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <p className="text-xs text-slate-500">{t("workingModeHint")}</p>
        <div className="flex items-center justify-end gap-3">
          <SavedNote show={saved && !save.pending}>{tc("saved")}</SavedNote>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {save.pending ? tc("saving") : tc("save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
