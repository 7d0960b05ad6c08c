"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { grantCaseAssignRightAction, revokeCaseAssignRightAction } from "@/lib/crm/actions";
import { CASE_KINDS, type CaseKind } from "@/lib/crm/case-states";

export interface CaseAssignRightView {
  id: string;
  kind: CaseKind | null;
  departmentName: string | null;
}

/** On a person's admin page: which cases they may hand to other people without owning them. */
export function CaseAssignRights({
  userId,
  rights,
  departments,
}: {
  userId: string;
  rights: CaseAssignRightView[];
  departments: { id: string; name: string }[];
}) {
  const t = useTranslations("crm.rights");
  const tk = useTranslations("crm.kind");
  const [scope, setScope] = useState("");
  const grant = useAction(grantCaseAssignRightAction, () => setScope(""));
  const revoke = useAction(revokeCaseAssignRightAction);
  const error = grant.errorsFor("scope")?.join(" ") ?? grant.error;
  const label = (r: CaseAssignRightView) => (r.kind ? t("forKind", { kind: tk(r.kind) }) : t("forDepartment", { department: r.departmentName ?? "" }));

  return (
    <Card title={t("title")} className="self-start">
      <p className="mb-2 text-xs text-slate-600">{t("explain")}</p>
      {rights.length ? (
        <ul aria-label={t("list")} className="-my-1 mb-2 divide-y divide-slate-100">
          {rights.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1.5 text-sm text-slate-800">
              <span>{label(r)}</span>
              <Button
                size="sm"
                variant="ghost"
                // The ghost button's words line up with the select's edge below.
                className="-mr-2.5"
                disabled={revoke.pending}
                aria-label={t("revoke", { right: label(r) })}
                onClick={() => revoke.run({ id: r.id })}
              >
                {t("revokeShort")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-2 text-sm text-slate-500">{t("none")}</p>
      )}
      {revoke.error ? (
        <p role="alert" className="mb-2 text-xs text-red-700">
          {revoke.error}
        </p>
      ) : null}
      <form
        aria-label={t("grantForm")}
        className="space-y-1 border-t border-slate-100 pt-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (scope) void grant.run({ userId, scope });
        }}
      >
        <label htmlFor="case-right-scope" className="block text-xs font-medium text-slate-700">
          {t("scope")}
        </label>
        <Select
          id="case-right-scope"
          value={scope}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "case-right-error" : undefined}
          onChange={(e) => setScope(e.target.value)}
        >
          <option value="">{t("choose")}</option>
          <optgroup label={t("kinds")}>
            {CASE_KINDS.map((k) => (
              <option key={k} value={`kind:${k}`}>
                {tk(k)}
              </option>
            ))}
          </optgroup>
          {departments.length ? (
            <optgroup label={t("departments")}>
              {departments.map((d) => (
                <option key={d.id} value={`department:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
        {error ? (
          <p id="case-right-error" role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
        <Button type="submit" size="sm" disabled={grant.pending || !scope} className="mt-1">
          {t("grant")}
        </Button>
      </form>
    </Card>
  );
}
