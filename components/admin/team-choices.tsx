"use client";

import { useTranslations } from "next-intl";
import type { DepartmentSummary } from "@/lib/org/queries";

/** Team membership as checkboxes grouped by department; a person may belong to teams of any department. */
export function TeamChoices({ departments, selected, errors }: { departments: DepartmentSummary[]; selected: string[]; errors?: string[] }) {
  const t = useTranslations("admin.userForm");
  const withTeams = departments.filter((d) => d.teams.length > 0);
  return (
    <fieldset className="mt-4" aria-describedby={errors?.length ? "user-teams-error" : undefined}>
      <legend className="mb-1.5 text-xs font-medium text-slate-700">{t("teams")}</legend>
      {withTeams.length === 0 ? (
        <p className="text-xs text-slate-500">{t("noTeamsYet")}</p>
      ) : (
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {withTeams.map((d) => (
            <div key={d.id} role="group" aria-labelledby={`dept-${d.id}`}>
              <p id={`dept-${d.id}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {d.name}
              </p>
              <ul className="space-y-1">
                {d.teams.map((team) => (
                  <li key={team.id}>
                    <label className="flex items-center gap-2 text-sm text-slate-800">
                      <input
                        type="checkbox"
                        name="teamIds"
                        value={team.id}
                        defaultChecked={selected.includes(team.id)}
                        className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
                      />
                      {team.name}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {errors?.length ? (
        <p id="user-teams-error" role="alert" className="mt-1 text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
