import { clsx } from "clsx";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { TaskListView } from "@/lib/tasks/lists";

export const VIEW_PATH: Record<TaskListView, string> = { mine: "/tasks", delegated: "/tasks/delegated", team: "/tasks/team" };

/** My tasks | Delegated | My team (the last only for people with someone under them). */
export async function TaskTabs({ view, showTeam }: { view: TaskListView; showTeam: boolean }) {
  const t = await getTranslations("tasks.tabs");
  const views: TaskListView[] = showTeam ? ["mine", "delegated", "team"] : ["mine", "delegated"];
  return (
    <nav aria-label={t("label")} className="mb-3 flex gap-1 border-b border-slate-200">
      {views.map((v) => (
        <Link
          key={v}
          href={VIEW_PATH[v]}
          aria-current={v === view ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-1.5 text-sm font-medium",
            v === view ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
          )}
        >
          {t(v)}
        </Link>
      ))}
    </nav>
  );
}
