"use client";

import { clsx } from "clsx";
import { ChevronDown, SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore, type ReactNode } from "react";

/** Below this width (Tailwind's `md`) the filters start closed: on a phone they would fill half the screen. */
const OPEN_FROM = "(min-width: 768px)";

/**
 * A list's filters behind a disclosure button: open on a desktop, closed on a phone until asked
 * for. The button says how many filters are applied, so a closed panel never hides that a list
 * is filtered. Before hydration the width alone decides (CSS), so nothing jumps.
 */
export function FilterPanel({ active, children }: { active: number; children: ReactNode }) {
  const t = useTranslations("common.filterPanel");
  const id = useId();
  // null on the server and during hydration: then CSS decides by width.
  const wide = useSyncExternalStore(subscribeToWidth, wideNow, () => null);
  const [chosen, setOpen] = useState<boolean | null>(null);
  const open = chosen ?? wide;
  return (
    <div className="mb-3">
      <button
        type="button"
        aria-expanded={open ?? false}
        aria-controls={id}
        onClick={() => setOpen(!(open ?? wideNow()))}
        className="mb-1.5 inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <SlidersHorizontal aria-hidden className="h-4 w-4" />
        {t("toggle")}
        {active > 0 ? (
          <span className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 font-semibold text-white">{t("active", { count: active })}</span>
        ) : null}
        <ChevronDown aria-hidden className={clsx("h-3.5 w-3.5 transition-transform", open === true && "rotate-180", open === null && "md:rotate-180")} />
      </button>
      <div id={id} className={clsx(open === null ? "max-md:hidden" : !open && "hidden", "[&>form]:mb-0")}>
        {children}
      </div>
    </div>
  );
}

function wideNow(): boolean {
  return window.matchMedia(OPEN_FROM).matches;
}

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(OPEN_FROM);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
