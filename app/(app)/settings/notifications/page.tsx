import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { requireViewer } from "@/app/require-viewer";
import { KindChannelsForm } from "@/components/notify/kind-channels-form";
import { PreferencesForm } from "@/components/notify/preferences-form";
import { PushToggle } from "@/components/notify/push-toggle";
import { RemoveDeviceButton } from "@/components/notify/remove-device-button";
import { ReminderDefaultsForm } from "@/components/reminders/reminder-defaults-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { kindChannelsOf } from "@/lib/notify/kind-preferences";
import { preferencesOf, pushDevicesOf } from "@/lib/notify/preferences";
import { vapidKeys } from "@/lib/notify/providers/vapid";
import { reminderDefaultsOf } from "@/lib/reminders/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifySettings"))("title") };
}

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [prefs, devices, defaults, kinds] = await Promise.all([
    preferencesOf(db, viewer),
    pushDevicesOf(db, viewer),
    reminderDefaultsOf(db, viewer),
    kindChannelsOf(db, viewer),
  ]);
  const t = await getTranslations("notifySettings");
  const tr = await getTranslations("reminders.defaults");
  const tc = await getTranslations("inbox.channel");
  const formatInstant = await getInstantFormat();
  return (
    <div className="grid gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("preferencesCard")}>
        <PreferencesForm initial={prefs} timeZone={viewer.timeZone} />
      </Card>
      <Card title={t("kindsCard")}>
        <p className="mb-3 text-sm text-slate-500">{t("kindsHint")}</p>
        <KindChannelsForm initial={kinds} channelLabels={{ email: tc("email"), sms: tc("sms"), push: tc("push") }} />
      </Card>
      <Card title={tr("title")}>
        <p className="mb-3 text-sm text-slate-500">{tr("description")}</p>
        <ReminderDefaultsForm initial={defaults} />
      </Card>
      <Card title={t("push")}>
        <p className="mb-3 text-sm text-slate-500">{t("pushHint")}</p>
        <PushToggle publicKey={vapidKeys().publicKey} />
        <h3 className="mt-5 mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("pushDevices")}</h3>
        {devices.length === 0 ? (
          <EmptyState title={t("noDevices")} />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {devices.map((d) => (
              <li key={d.endpoint} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-800">{d.deviceLabel ?? "—"}</span>
                  <span className="ml-2 text-xs text-slate-500">{d.lastSuccessAt ? t("lastUsed", { time: formatInstant(d.lastSuccessAt) }) : t("never")}</span>
                </span>
                <RemoveDeviceButton endpoint={d.endpoint} label={d.deviceLabel ?? d.endpoint} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
