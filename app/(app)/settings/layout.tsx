import { getTranslations } from "next-intl/server";
import { SectionMessages } from "@/components/providers/section-messages";
import { SectionNav } from "@/components/ui/section-nav";
import { requireViewer } from "@/app/require-viewer";

/** The person's own settings. Later pages (notifications, calendar sharing, feeds) join the tabs here. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireViewer();
  const t = await getTranslations("settings.nav");
  const feeds = await getTranslations("feeds.nav");
  return (
    <SectionMessages section="settings">
      <SectionNav
        label={t("label")}
        items={[
          { href: "/settings/profile", label: t("profile") },
          { href: "/settings/notifications", label: t("notifications") },
          { href: "/settings/calendar", label: t("calendar") },
          { href: "/settings/feeds", label: feeds("settings") },
        ]}
      />
      {children}
    </SectionMessages>
  );
}
