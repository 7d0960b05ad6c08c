import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";

/**
 * My plan and the people side by side: the calendar's two views, one click apart. A colleague's
 * calendar (/calendar?person=…, opened from their lane) belongs with the people, not with "mine".
 */
export async function CalendarNav({ colleague = false }: { colleague?: boolean }) {
  const t = await getTranslations("calendar.nav");
  return (
    <SectionNav
      label={t("label")}
      items={[
        { href: "/calendar", label: t("mine"), exact: true, ...(colleague ? { active: false } : {}) },
        { href: "/calendar/people", label: t("people"), ...(colleague ? { active: true } : {}) },
      ]}
    />
  );
}
