import { clsx } from "clsx";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { listQuery, statusesOf, type StatusFilter, type TaskListParams } from "@/lib/tasks/list-params";
import type { StatusCounts } from "@/lib/tasks/lists";
import { TASK_STATUSES } from "@/lib/tasks/schema";

const ORDER: StatusFilter[] = ["active", ...TASK_STATUSES, "all"];

/** Counts per status that double as the status filter. */
export async function StatusChips({ counts, params, path }: { counts: StatusCounts; params: TaskListParams; path: string }) {
  const t = await getTranslations("tasks");
  const total = (f: StatusFilter) => statusesOf(f).reduce((sum, s) => sum + counts[s], 0);
  return (
    <ul aria-label={t("counts.label")} className="mb-3 flex flex-wrap gap-1.5">
      {ORDER.map((f) => {
        const current = params.status === f;
        const label = f === "active" || f === "all" ? t(`counts.${f}`) : t(`status.${f}`);
        return (
          <li key={f}>
            <Link
              href={`${path}${listQuery(params, { status: f, page: 1 })}`}
              aria-current={current ? "true" : undefined}
              className={clsx(
                "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium",
                current ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                f === "all" && !current && "border-dashed",
              )}
            >
              {label}
              <span className={clsx("tabular-nums", current ? "text-brand-100" : "text-slate-500")}>{total(f)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
