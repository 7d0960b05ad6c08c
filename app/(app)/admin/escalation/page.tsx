import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireAdmin } from "@/app/require-viewer";
import { DaysOffEditor } from "@/components/reminders/days-off-editor";
import { EscalationSettingsForm } from "@/components/reminders/escalation-settings-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { daysOffView } from "@/lib/reminders/days-off";
import { escalationSettings } from "@/lib/reminders/settings";
import { now } from "@/lib/time/clock";
import { wallClockToInstant } from "@/lib/time/zoned";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reminders.admin"))("title") };
}

export default async function EscalationPage() {
  const viewer = await requireAdmin();
  const t = await getTranslations("reminders.admin");
  const db = await getDb();
  const [settings, daysOff, locale] = await Promise.all([escalationSettings(db), daysOffView(db, now()), getLocale()]);
  // A day off is a date of the organisation's calendar: written in the viewer's date format, read in the organisation's zone.
  const reader = { locale: locale === "en" ? ("en" as const) : ("pl" as const), timeZone: daysOff.timeZone, dateFormat: viewer.dateFormat };
  const days = daysOff.days.map((d) => ({ ...d, dayText: formatInstantFor(wallClockToInstant(`${d.day}T12:00`, daysOff.timeZone)!, reader, "date") }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <EscalationSettingsForm initial={settings} zones={Intl.supportedValuesOf("timeZone")} />
      </Card>
      <Card title={t("holidays.title")} className="mt-4">
        <p className="mb-3 text-xs text-slate-600">{t("holidays.description", { zone: daysOff.timeZone })}</p>
        <DaysOffEditor days={days} noPublicHolidays={daysOff.country === "none"} />
      </Card>
    </>
  );
}
