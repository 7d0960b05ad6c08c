import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { listQuery, PAGE_SIZE, type TaskListParams } from "@/lib/tasks/list-params";

export async function Pager({ total, params, path }: { total: number; params: TaskListParams; path: string }) {
  const t = await getTranslations("tasks.list");
  if (total <= PAGE_SIZE && params.page === 1) return null;
  const from = Math.min(total, (params.page - 1) * PAGE_SIZE + 1);
  const to = Math.min(total, params.page * PAGE_SIZE);
  const hasPrev = params.page > 1;
  const hasNext = to < total;
  return (
    <nav aria-label={t("pagination")} className="mt-2 flex items-center justify-end gap-2 text-xs text-slate-600">
      <span className="tabular-nums">{t("showing", { from, to, total })}</span>
      {hasPrev ? (
        <Link href={`${path}${listQuery(params, { page: params.page - 1 })}`} className={buttonClass("secondary", "sm")} aria-label={t("previous")}>
          <ChevronLeft aria-hidden className="h-3.5 w-3.5" />
        </Link>
      ) : null}
      {hasNext ? (
        <Link href={`${path}${listQuery(params, { page: params.page + 1 })}`} className={buttonClass("secondary", "sm")} aria-label={t("next")}>
          <ChevronRight aria-hidden className="h-3.5 w-3.5" />
        </Link>
      ) : null}
    </nav>
  );
}
