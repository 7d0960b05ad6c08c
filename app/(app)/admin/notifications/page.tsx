import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { OrganizationDefaultsForm } from "@/components/notify/organization-defaults-form";
import { SmsSettingsForm } from "@/components/notify/sms-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { disabledChannels } from "@/lib/notify/deployment-channels";
import { organizationMatrix } from "@/lib/notify/plan";
import { smsOptions } from "@/lib/notify/sms/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifySettings"))("orgTitle") };
}

export default async function OrganizationNotificationsPage() {
  await requireAdmin();
  const t = await getTranslations("notifySettings");
  const db = await getDb();
  const [matrix, sms] = await Promise.all([organizationMatrix(db), smsOptions(db)]);
  const switchedOff = disabledChannels();
  return (
    <>
      <PageHeader title={t("orgTitle")} description={t("orgDescription")} />
      <Card>
        {switchedOff.length ? (
          <ul data-testid="channels-disabled" className="mb-4 grid gap-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {switchedOff.map((channel) => (
              <li key={channel}>{t(channel === "email" ? "emailDisabled" : "smsDisabled")}</li>
            ))}
          </ul>
        ) : null}
        <OrganizationDefaultsForm initial={matrix} />
      </Card>
      <Card className="mt-4" title={(await getTranslations("sms.admin"))("heading")}>
        <SmsSettingsForm initial={sms} />
      </Card>
    </>
  );
}
