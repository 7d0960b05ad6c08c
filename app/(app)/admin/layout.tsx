import { getTranslations } from "next-intl/server";
import { SectionMessages } from "@/components/providers/section-messages";
import { SectionNav } from "@/components/ui/section-nav";
import { requireAdmin } from "@/app/require-viewer";

/** Every /admin page is for administrators only; the others get the 403 page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  const t = await getTranslations("admin.nav");
  const feeds = await getTranslations("feeds.nav");
  return (
    <SectionMessages section="admin">
      <SectionNav
        label={t("label")}
        items={[
          { href: "/admin/users", label: t("users") },
          { href: "/admin/departments", label: t("departments") },
          { href: "/admin/notifications", label: t("notifications") },
          { href: "/admin/escalation", label: t("escalation") },
          { href: "/admin/calendar-grants", label: t("calendarGrants") },
          { href: "/admin/resources", label: t("resources") },
          { href: "/admin/feeds", label: feeds("admin") },
        ]}
      />
      {children}
    </SectionMessages>
  );
}
