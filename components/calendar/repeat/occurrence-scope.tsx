"use client";

import { useTranslations } from "next-intl";
import { OCCURRENCE_SCOPES_LIST, type OccurrenceScope } from "./scopes";

/** Which occurrences of a series a change or a deletion reaches: radio buttons, the arrows move between them. */
export function OccurrenceScopeField({ value, onChange, idPrefix }: { value: OccurrenceScope; onChange: (scope: OccurrenceScope) => void; idPrefix: string }) {
  const t = useTranslations("calendar.entry");
  return (
    <fieldset className="space-y-1.5 rounded-md border border-slate-200 p-2.5 text-sm">
      <legend className="px-1 text-xs font-medium text-slate-700">{t("scopeLegend")}</legend>
      {OCCURRENCE_SCOPES_LIST.map((scope) => (
        <div key={scope} className="flex items-center gap-2">
          <input
            id={`${idPrefix}-${scope}`}
            type="radio"
            name={`${idPrefix}-scope`}
            value={scope}
            checked={value === scope}
            onChange={() => onChange(scope)}
            className="h-4 w-4 border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
          />
          <label htmlFor={`${idPrefix}-${scope}`} className="text-slate-800">
            {t(`scope.${scope}`)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
