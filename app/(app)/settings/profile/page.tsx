import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TimeZoneClock } from "@/components/settings/time-zone-clock";
import { OrganisationFacts } from "@/components/settings/organisation-facts";
import { PasswordForm } from "@/components/settings/password-form";
import { PhoneVerification } from "@/components/settings/phone-verification";
import { ProfileForm } from "@/components/settings/profile-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { ownProfile } from "@/lib/org/queries";
import { supportedTimeZones } from "@/lib/org/schema";
import { displayPhone } from "@/lib/phone/display";
import { requireViewer } from "@/app/require-viewer";
import { DATE_FORMATS, formatInstantFor, type DateFormat } from "@/lib/i18n/format-for";
import { now } from "@/lib/time/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const viewer = await requireViewer();
  const profile = await ownProfile(await getDb(), viewer);
  const t = await getTranslations("settings.profile");
  const at = now();
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("title")} description={<TimeZoneClock />} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-4">
          <ProfileForm
            timeZones={supportedTimeZones()}
            values={{
              name: profile.name,
              phone: displayPhone(profile.phone) ?? "",
              timeZone: profile.timeZone,
              locale: profile.locale,
              dateFormat: profile.dateFormat,
              workingMode: profile.workingMode,
            }}
            dateFormatExamples={
              Object.fromEntries(DATE_FORMATS.map((f) => [f, formatInstantFor(at, { ...profile, dateFormat: f })])) as Record<DateFormat, string>
            }
          />
          <PhoneVerification phone={displayPhone(profile.phone) ?? null} verified={profile.phoneVerified} />
          <PasswordForm />
        </div>
        <OrganisationFacts profile={profile} />
      </div>
    </div>
  );
}
