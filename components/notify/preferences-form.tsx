"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SaveRow } from "./save-row";
import { Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { saveNotificationPreferencesAction } from "@/lib/notify/actions";
import type { ChannelMatrix, WorkingMode } from "@/lib/notify/routing";
import { WorkingModeSelect } from "@/components/settings/person-selects";
import { MatrixEditor } from "./matrix-editor";

export interface PreferencesValue {
  workingMode: WorkingMode;
  matrix: ChannelMatrix;
  quietHours: { start: string; end: string } | null;
}

export function PreferencesForm({ initial, timeZone }: { initial: PreferencesValue; timeZone: string }) {
  const t = useTranslations("notifySettings");
  const [value, setValue] = useState(initial);
  const [quietOn, setQuietOn] = useState(Boolean(initial.quietHours));
  const [quiet, setQuiet] = useState(initial.quietHours ?? { start: "22:00", end: "07:00" });
  const { run, pending, error, errorsFor, result } = useAction(saveNotificationPreferencesAction);

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ ...value, quietHours: quietOn ? quiet : null });
      }}
    >
      <Field id="working-mode" label={t("mode")} hint={t("modeHint")} errors={errorsFor("workingMode")} className="max-w-xs">
        <WorkingModeSelect id="working-mode" value={value.workingMode} onChange={(e) => setValue({ ...value, workingMode: e.target.value as WorkingMode })} />
      </Field>

      <div>
        <h3 className="text-sm font-semibold text-slate-800">{t("matrix")}</h3>
        <p className="mb-2 text-xs text-slate-500">{t("matrixHint")}</p>
        <MatrixEditor value={value.matrix} onChange={(matrix) => setValue({ ...value, matrix })} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("quiet")}</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={quietOn} onChange={(e) => setQuietOn(e.target.checked)} />
          {t("quietEnabled")}
        </label>
        {quietOn ? (
          <div className="flex flex-wrap items-end gap-3">
            <Field id="quiet-start" label={t("quietStart")} errors={errorsFor("quietHours.start")} className="w-32">
              <Input id="quiet-start" type="time" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} required />
            </Field>
            <Field id="quiet-end" label={t("quietEnd")} errors={errorsFor("quietHours.end") ?? errorsFor("quietHours")} className="w-32">
              <Input id="quiet-end" type="time" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} required />
            </Field>
          </div>
        ) : null}
        <p className="text-xs text-slate-500">{t("quietHint", { zone: timeZone })}</p>
      </fieldset>

      <SaveRow pending={pending} error={error} saved={!!result?.ok} savedText={t("saved")} />
    </form>
  );
}
