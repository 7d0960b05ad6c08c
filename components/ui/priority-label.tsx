import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { Priority } from "@/lib/org/vocabulary";

/** One colour per priority: the dot of every priority drawing (lists, pages, the bell). */
export const priorityDotClass: Record<Priority, string> = {
  low: "bg-slate-300",
  normal: "bg-blue-500",
  high: "bg-amber-500",
  urgent: "bg-red-600",
};

/**
 * The one way Baton draws a priority, on tasks, cases and notifications alike: a coloured dot and
 * the word (urgent also in bold red), so it never competes with a status badge and still reads in
 * grey scale.
 */
export function PriorityLabel({ priority, className }: { priority: Priority; className?: string }) {
  const t = useTranslations("common.priority");
  return (
    <span
      data-priority={priority}
      className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap", priority === "urgent" ? "font-semibold text-red-700" : "text-slate-700", className)}
    >
      <span aria-hidden className={clsx("h-2 w-2 shrink-0 rounded-full", priorityDotClass[priority])} />
      {t(priority)}
    </span>
  );
}
