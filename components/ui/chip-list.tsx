"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";

/** How the chips look where they stand: filled in a form, outlined in a bar of controls. */
export type ChipLook = "filled" | "outlined";

const LOOKS: Record<ChipLook, { chip: string; button: string; icon: string }> = {
  filled: {
    chip: "bg-slate-100 pr-1 ring-1 ring-slate-200",
    button: "p-0.5",
    icon: "h-3 w-3",
  },
  outlined: {
    chip: "border border-slate-300 bg-slate-50 pr-0.5",
    button: "flex h-5 w-5 items-center justify-center",
    icon: "h-3.5 w-3.5",
  },
};

/**
 * Chosen people (or anything with a name) as a row of chips, each with a button that removes it,
 * labelled "Remove {name}" in the reader's language. Nothing is drawn when nothing is chosen.
 */
export function ChipList({
  items,
  onRemove,
  label,
  look = "filled",
  className,
}: {
  items: readonly { id: string; label: string }[];
  onRemove: (id: string) => void;
  /** What the list holds ("Invited"), for screen readers; a list under a heading may go without. */
  label?: string;
  look?: ChipLook;
  className?: string;
}) {
  const t = useTranslations("common.chips");
  if (!items.length) return null;
  const style = LOOKS[look];
  return (
    <ul aria-label={label} className={clsx("flex flex-wrap gap-1.5", className)}>
      {items.map((item) => (
        <li key={item.id} className={clsx("inline-flex items-center gap-1 rounded-full py-0.5 pl-2.5 text-xs text-slate-800", style.chip)}>
          {item.label}
          <button
            type="button"
            onClick={() => onRemove(item.id)}
            aria-label={t("remove", { name: item.label })}
            className={clsx("rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-800", style.button)}
          >
            <X aria-hidden className={style.icon} />
          </button>
        </li>
      ))}
    </ul>
  );
}
