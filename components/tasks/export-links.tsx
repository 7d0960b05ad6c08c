import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { listQuery, type TaskListParams } from "@/lib/tasks/list-params";
import type { TaskListView } from "@/lib/tasks/lists";

/** Download the list as the page shows it (its filters, status and sort), every page of it, as CSV or XLSX. */
export async function ExportLinks({ view, params }: { view: TaskListView; params: TaskListParams }) {
  const t = await getTranslations("tasks.export");
  // The page number is not a filter: the file holds every page.
  const query = listQuery(params, { page: 1 }).replace(/^\?/, "&");
  const href = (format: "csv" | "xlsx") => `/api/export/tasks?view=${view}&format=${format}${query}`;
  return (
    <div role="group" aria-label={t("label")} className="inline-flex items-center gap-1">
      <Download aria-hidden className="h-4 w-4 text-slate-500" />
      <a href={href("csv")} download title={t("csvTitle")} aria-label={`${t("label")}: ${t("csv")}`} className={buttonClass("secondary", "sm")}>
        {t("csv")}
      </a>
      <a href={href("xlsx")} download title={t("xlsxTitle")} aria-label={`${t("label")}: ${t("xlsx")}`} className={buttonClass("secondary", "sm")}>
        {t("xlsx")}
      </a>
    </div>
  );
}
