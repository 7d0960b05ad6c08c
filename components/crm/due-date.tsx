import { clsx } from "clsx";
import { AlertTriangle } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";

/**
 * A case's due moment in the viewer's zone and date format, overdue ones in red. With `marker`, an overdue one
 * also gets a warning sign, named for screen readers, so it stands out in a list without a wider
 * column.
 */
export async function DueDate({ dueAt, overdue, className, marker = false }: { dueAt: Date | null; overdue: boolean; className?: string; marker?: boolean }) {
  const [t, formatInstant] = await Promise.all([getTranslations("crm"), getInstantFormat()]);
  if (!dueAt) return <span className={clsx("text-muted", className)}>{t("case.noDue")}</span>;
  const time = (
    <time
      dateTime={dueAt.toISOString()}
      className={clsx("tabular-nums whitespace-nowrap", overdue ? "font-semibold text-red-700" : "text-slate-700", className)}
    >
      {formatInstant(dueAt)}
    </time>
  );
  if (!marker || !overdue) return time;
  return (
    <span className="inline-flex items-center gap-1" title={t("overdue")}>
      <AlertTriangle aria-hidden className="h-3.5 w-3.5 shrink-0 text-red-600" />
      {time}
      <span className="sr-only">{t("overdue")}</span>
    </span>
  );
}
