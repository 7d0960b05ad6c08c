import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { OrganizationDefaultsForm } from "@/components/notify/organization-defaults-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { organizationMatrix } from "@/lib/notify/plan";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifySettings"))("orgTitle") };
}

export default async function OrganizationNotificationsPage() {
  await requireAdmin();
  const t = await getTranslations("notifySettings");
  const matrix = await organizationMatrix(await getDb());
  return (
    <Card title={t("orgTitle")}>
      <p className="mb-4 text-sm text-slate-500">{t("orgDescription")}</p>
      <OrganizationDefaultsForm initial={matrix} />
    </Card>
  );
}
