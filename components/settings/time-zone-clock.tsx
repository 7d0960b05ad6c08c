import { getFormatter, getNow, getTimeZone, getTranslations } from "next-intl/server";

/** "Times are shown in Europe/Warsaw, where it is now 14:05": a check that the zone is right. */
export async function TimeZoneClock() {
  const [t, format, zone, now] = await Promise.all([getTranslations("settings.profile"), getFormatter(), getTimeZone(), getNow()]);
  return <>{t("clock", { zone, time: format.dateTime(now, { hour: "2-digit", minute: "2-digit" }) })}</>;
}
