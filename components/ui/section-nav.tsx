"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

export interface SectionNavItem {
  href: string;
  label: string;
  /** Active on this path only, not on the paths below it (a section's first tab whose siblings live under it). */
  exact?: boolean;
  /** Decided by the page where the path alone cannot tell (the same path showing another view). */
  active?: boolean;
}

/** The tabs under a section's heading (Admin: Users, Departments & teams; Settings: Profile, ...). */
export function SectionNav({ label, items }: { label: string; items: SectionNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-5 border-b border-slate-200">
      <ul className="relative -mb-px flex gap-4 overflow-x-auto">
        {items.map((item) => {
          const active = item.active ?? (pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`)));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "inline-block border-b-2 px-0.5 pt-1 pb-2 text-sm font-medium whitespace-nowrap",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
