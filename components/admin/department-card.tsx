import { getTranslations } from "next-intl/server";
import { Users } from "lucide-react";
import { createTeamAction, deleteDepartmentAction, deleteTeamAction, renameDepartmentAction, renameTeamAction } from "@/lib/org/actions";
import type { DepartmentSummary } from "@/lib/org/queries";
import { AddByName, DeleteWithConfirm, RenameInPlace } from "./structure-controls";

/** One department: its name and head count, its teams with member counts, and the controls to change them. */
export async function DepartmentCard({ department }: { department: DepartmentSummary }) {
  const t = await getTranslations("admin.departments");
  const blocked = department.userCount > 0 || department.teams.length > 0;
  return (
    <section aria-labelledby={`dept-${department.id}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <RenameInPlace
          id={department.id}
          name={department.name}
          action={renameDepartmentAction}
          label={t("renameDepartment")}
          heading="h2"
          headingId={`dept-${department.id}`}
          className="text-sm font-semibold text-slate-900"
        />
        <div className="flex items-center gap-3">
          <span className="inline-flex items-center gap-1 text-xs text-slate-500">
            <Users aria-hidden className="h-3.5 w-3.5" />
            {t("people", { count: department.userCount })} · {t("teamCount", { count: department.teams.length })}
          </span>
          <DeleteWithConfirm
            id={department.id}
            action={deleteDepartmentAction}
            label={t("deleteDepartment", { name: department.name })}
            question={t("confirmDeleteDepartment", { name: department.name })}
            blockedReason={blocked ? t("departmentNotEmptyHint") : undefined}
          />
        </div>
      </header>
      <div className="px-4 py-2">
        {department.teams.length ? (
          <table className="w-full text-sm">
            <caption className="sr-only">{t("teamsOf", { name: department.name })}</caption>
            <thead>
              <tr className="text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                <th scope="col" className="py-1.5 font-semibold">
                  {t("team")}
                </th>
                <th scope="col" className="w-28 py-1.5 text-right font-semibold">
                  {t("members")}
                </th>
                <th scope="col" className="w-16 py-1.5">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {department.teams.map((team) => (
                <tr key={team.id}>
                  <td className="py-1">
                    <RenameInPlace id={team.id} name={team.name} action={renameTeamAction} label={t("renameTeam")} className="text-slate-800" />
                  </td>
                  <td className="py-1 text-right text-slate-600 tabular-nums">{team.memberCount}</td>
                  <td className="py-1 text-right">
                    <DeleteWithConfirm
                      id={team.id}
                      action={deleteTeamAction}
                      label={t("deleteTeam", { name: team.name })}
                      question={
                        team.memberCount
                          ? t("confirmDeleteTeamWithMembers", { name: team.name, count: team.memberCount })
                          : t("confirmDeleteTeam", { name: team.name })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="py-1.5 text-sm text-slate-500">{t("noTeams")}</p>
        )}
        <div className="mt-2 border-t border-slate-100 pt-2.5 pb-1">
          <AddByName
            action={createTeamAction}
            extra={{ departmentId: department.id }}
            label={t("newTeamIn", { name: department.name })}
            placeholder={t("newTeamPlaceholder")}
            submitLabel={t("addTeam")}
          />
        </div>
      </div>
    </section>
  );
}
