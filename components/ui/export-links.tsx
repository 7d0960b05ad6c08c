import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/**
 * Download a list as the page shows it (its filters, status and sort), every page of it, as CSV or XLSX.
 * `path` is the export route; `query` the list's own parameters without its page (`a=1&b=2`, or empty).
 */
export async function ExportLinks({ path, query }: { path: string; query: string }) {
  const t = await getTranslations("common.export");
  const href = (format: "csv" | "xlsx") => `${path}?${query ? `${query}&` : ""}format=${format}`;
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

/** A list's parameters as a query string (`a=1&b=2`), leaving out those not set. */
export function queryOf(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
}
