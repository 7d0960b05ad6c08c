import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";

/** My plan and the people side by side: the calendar's two views, one click apart. */
export async function CalendarNav() {
  const t = await getTranslations("calendar.nav");
  return (
    <SectionNav
      label={t("label")}
      items={[
        { href: "/calendar", label: t("mine"), exact: true },
        { href: "/calendar/people", label: t("people") },
      ]}
    />
  );
}
