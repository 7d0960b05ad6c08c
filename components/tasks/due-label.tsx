import { clsx } from "clsx";
import { AlertTriangle } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";

/** The due moment in the viewer's zone and date format; late work in red with a word, not only a colour. A server component. */
export async function DueLabel({ dueAt, overdue }: { dueAt: Date | null; overdue: boolean }) {
  const [t, formatInstant] = await Promise.all([getTranslations("tasks.list"), getInstantFormat()]);
  if (!dueAt) return <span className="text-muted">{t("noDue")}</span>;
  return (
    <span className={clsx("inline-flex flex-col leading-tight", overdue ? "text-red-700" : "text-slate-800")}>
      <span className="whitespace-nowrap tabular-nums">{formatInstant(dueAt)}</span>
      {overdue ? (
        <span className="inline-flex items-center gap-1 text-xs font-medium">
          <AlertTriangle aria-hidden className="h-3 w-3" />
          {t("overdue")}
        </span>
      ) : null}
    </span>
  );
}
