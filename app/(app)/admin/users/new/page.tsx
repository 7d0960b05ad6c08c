import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/admin/back-link";
import { UserForm } from "@/components/admin/user-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/locale";
import { organisationTree } from "@/lib/org/queries";
import { supportedTimeZones } from "@/lib/org/schema";
import { requireAdmin } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.userForm");
  return { title: t("newTitle") };
}

export default async function NewUserPage() {
  const viewer = await requireAdmin();
  const db = await getDb();
  const departments = await organisationTree(db, viewer);
  const t = await getTranslations("admin.userForm");
  return (
    <div className="max-w-5xl">
      <BackLink href="/admin/users" />
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <UserForm
        mode="create"
        departments={departments}
        supervisor={null}
        timeZones={supportedTimeZones()}
        values={{
          name: "",
          email: "",
          phone: "",
          role: "member",
          title: "",
          departmentId: "",
          teamIds: [],
          supervisorId: "",
          timeZone: DEFAULT_TIME_ZONE,
          locale: "pl",
          workingMode: "office",
          active: true,
        }}
      />
    </div>
  );
}
