"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";
import { useClaimedSection } from "./nav-section";
import { Briefcase, Building2, CalendarDays, ClipboardList, Send, Settings, Shield, Warehouse } from "lucide-react";

const ICONS = {
  myTasks: ClipboardList,
  delegated: Send,
  calendar: CalendarDays,
  resources: Warehouse,
  clients: Building2,
  cases: Briefcase,
  settings: Settings,
  admin: Shield,
} as const;

export type NavKey = keyof typeof ICONS;

export interface NavItem {
  key: NavKey;
  href: string;
  label: string;
}

function isActive(pathname: string, href: string): boolean {
  if (href === "/tasks")
    return pathname === "/tasks" || (pathname.startsWith("/tasks/") && !pathname.startsWith("/tasks/delegated") && !pathname.startsWith("/tasks/team"));
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The main navigation: the sidebar from tablet width up, a scrolling bar of words on phones. */
export function NavLinks({ items, label, variant = "sidebar" }: { items: NavItem[]; label: string; variant?: "sidebar" | "bar" }) {
  const pathname = usePathname();
  const claimed = useClaimedSection();
  const activeKey = claimed ?? items.find((item) => isActive(pathname, item.href))?.key;
  if (variant === "bar")
    return (
      <nav aria-label={label} className="relative flex gap-1 overflow-x-auto border-b border-slate-200 bg-white px-2 py-1 md:hidden">
        {items.map((item) => (
          <Link
            key={item.key}
            href={item.href}
            aria-current={item.key === activeKey ? "page" : undefined}
            className={clsx(
              "rounded px-2 py-1 text-xs font-medium whitespace-nowrap",
              item.key === activeKey ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {item.label}
          </Link>
        ))}
      </nav>
    );
  return (
    <nav aria-label={label} className="flex flex-col gap-0.5">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const active = item.key === activeKey;
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium",
              active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon aria-hidden className="h-4 w-4 shrink-0" strokeWidth={1.75} />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
