import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { NavSectionProvider } from "@/components/shell/nav-section";
import { NotificationBell } from "@/components/notify/notification-bell";
import { QueryProvider } from "@/components/providers/query-provider";
import { UserMenu } from "@/components/shell/user-menu";
import { requireViewer } from "@/app/require-viewer";
import { devMailboxEnabled } from "@/lib/notify/mailbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const t = await getTranslations();
  const items: NavItem[] = [
    { key: "myTasks", href: "/tasks", label: t("nav.myTasks") },
    { key: "delegated", href: "/tasks/delegated", label: t("nav.delegated") },
    { key: "calendar", href: "/calendar", label: t("nav.calendar") },
    { key: "resources", href: "/resources", label: t("nav.resources") },
    { key: "clients", href: "/clients", label: t("nav.clients") },
    { key: "cases", href: "/cases", label: t("nav.cases") },
    { key: "settings", href: "/settings/profile", label: t("nav.settings") },
    ...(viewer.role === "admin" ? [{ key: "admin" as const, href: "/admin/users", label: t("nav.admin") }] : []),
  ];

  return (
    <QueryProvider>
      <NavSectionProvider>
        <div className="flex min-h-screen">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("common.skipToContent")}
          </a>
          <aside className="sticky top-0 hidden h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-3 md:flex">
            <div className="mb-4 flex items-center gap-2 px-1.5">
              <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">
                B
              </span>
              <span className="text-base font-semibold tracking-tight">Baton</span>
            </div>
            <NavLinks items={items} label={t("nav.main")} />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header
              aria-label={t("nav.statusBar")}
              className="sticky top-0 z-30 flex h-12 items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur"
            >
              <div className="flex min-w-0 items-center gap-2 md:hidden">
                <span className="text-base font-semibold">Baton</span>
              </div>
              <p className="hidden text-xs text-slate-500 md:block">{t("nav.timeZone", { zone: viewer.timeZone })}</p>
              <div className="flex items-center gap-2">
                <LanguageSwitch />
                <NotificationBell />
                <UserMenu name={viewer.name} email={viewer.email} role={t(`common.role.${viewer.role}`)} devMailbox={devMailboxEnabled()} />
              </div>
            </header>
            <NavLinks items={items} label={t("nav.main")} variant="bar" />
            <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-5 md:px-6">
              {children}
            </main>
          </div>
        </div>
      </NavSectionProvider>
    </QueryProvider>
  );
}
