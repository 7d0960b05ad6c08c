"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { changeCaseStatusAction } from "@/lib/crm/actions";
import { statusesForKind, type CaseKind, type CaseStatus } from "@/lib/crm/case-states";

/** Moves a case along without opening the edit form. */
export function CaseStatusControl({ caseId, kind, status }: { caseId: string; kind: CaseKind; status: CaseStatus }) {
  const t = useTranslations("crm");
  const [value, setValue] = useState(status);
  const change = useAction(changeCaseStatusAction);
  return (
    <div className="space-y-1">
      <label htmlFor="case-status-quick" className="sr-only">
        {t("case.changeStatus")}
      </label>
      <Select
        id="case-status-quick"
        value={value}
        disabled={change.pending}
        aria-describedby={change.error ? "case-status-quick-error" : undefined}
        className="h-7 py-0 text-xs"
        onChange={async (e) => {
          const next = e.target.value as CaseStatus;
          const previous = value;
          setValue(next);
          const r = await change.run({ id: caseId, status: next });
          if (!r.ok) setValue(previous);
        }}
      >
        {statusesForKind(kind).map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
      {change.error ? (
        <p id="case-status-quick-error" role="alert" className="text-xs text-red-700">
          {change.error}
        </p>
      ) : null}
    </div>
  );
}
