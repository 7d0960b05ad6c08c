import { getNow, getTimeZone, getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";

/** "Times are shown in Europe/Warsaw, where it is now 14:05": a check that the zone is right. */
export async function TimeZoneClock() {
  const [t, formatInstant, zone, now] = await Promise.all([getTranslations("settings.profile"), getInstantFormat(), getTimeZone(), getNow()]);
  return <>{t("clock", { zone, time: formatInstant(now, "time") })}</>;
}
