import { ArrowUpRight } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** Marks a task whose overdue state has reached the assignee's supervisor. */
export async function EscalatedBadge() {
  const t = await getTranslations("reminders.badge");
  return (
    <span
      className="inline-flex items-center gap-0.5 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-800 ring-1 ring-amber-300 ring-inset"
      data-escalated
    >
      <ArrowUpRight aria-hidden className="h-3 w-3" />
      {t("escalated")}
    </span>
  );
}
