import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { EscalationSettingsForm } from "@/components/reminders/escalation-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { escalationSettings } from "@/lib/reminders/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reminders.admin"))("title") };
}

export default async function EscalationPage() {
  await requireAdmin();
  const t = await getTranslations("reminders.admin");
  const settings = await escalationSettings(await getDb());
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <EscalationSettingsForm initial={settings} zones={Intl.supportedValuesOf("timeZone")} />
      </Card>
    </>
  );
}
