import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/admin/back-link";
import { DirectReports } from "@/components/admin/direct-reports";
import { CaseAssignRights } from "@/components/crm/case-assign-rights";
import { UserForm } from "@/components/admin/user-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { NotFound } from "@/lib/action/errors";
import { caseAssignRightsForAdmin } from "@/lib/crm/assign-rights";
import { chosenPerson } from "@/lib/pickers/people";
import { organisationTree, userForEdit } from "@/lib/org/queries";
import { supportedTimeZones } from "@/lib/org/schema";
import { displayPhone } from "@/lib/phone/display";
import { requireAdmin } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.userForm");
  return { title: t("editTitle") };
}

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const viewer = await requireAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const user = await userForEdit(db, viewer, id).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  if (!user) notFound();
  // A supervisor deactivated since still shows as the current choice.
  const [departments, supervisor, caseRights] = await Promise.all([
    organisationTree(db, viewer),
    chosenPerson(db, viewer, "supervisor", user.supervisorId, true),
    caseAssignRightsForAdmin(db, viewer, user.id),
  ]);
  const t = await getTranslations("admin.userForm");
  const created = (await searchParams).created === "1";

  return (
    <div className="max-w-6xl">
      <BackLink href="/admin/users" />
      <PageHeader title={user.name} description={user.active ? user.email : `${user.email} · ${t("inactiveNote")}`} />
      {created ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("createdNotice")}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <UserForm
          mode="edit"
          id={user.id}
          isSelf={user.id === viewer.id}
          departments={departments}
          supervisor={supervisor}
          timeZones={supportedTimeZones()}
          values={{
            name: user.name,
            email: user.email,
            phone: displayPhone(user.phone) ?? "",
            role: user.role,
            title: user.title ?? "",
            departmentId: user.departmentId ?? "",
            teamIds: user.teamIds,
            supervisorId: user.supervisorId ?? "",
            timeZone: user.timeZone,
            locale: user.locale,
            workingMode: user.workingMode,
            active: user.active,
          }}
        />
        <div className="space-y-4">
          <DirectReports reports={user.directReports} />
          <CaseAssignRights
            userId={user.id}
            rights={caseRights.map((r) => ({ id: r.id, kind: r.kind, departmentName: r.departmentName }))}
            departments={departments.map((d) => ({ id: d.id, name: d.name }))}
          />
        </div>
      </div>
    </div>
  );
}
