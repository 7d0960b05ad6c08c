import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { TaskStatus } from "@/lib/tasks/schema";

export { PriorityLabel } from "@/components/ui/priority-label";

// Shared by server and client components: next-intl's hooks work in both (the due label, which reads the viewer's date format, is a server component of its own: due-label.tsx).

/** One colour per status, used wherever a task status is shown. */
export const statusTone: Record<TaskStatus, Tone> = {
  open: "slate",
  in_progress: "blue",
  awaiting_acceptance: "violet",
  done: "green",
  cancelled: "slate",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations("tasks.status");
  return (
    <Badge tone={statusTone[status]} className={clsx("whitespace-nowrap", status === "cancelled" && "line-through decoration-slate-400")}>
      {t(status)}
    </Badge>
  );
}

export function ProgressBar({ value, label, className }: { value: number; label?: string; className?: string }) {
  return (
    <span className={clsx("inline-flex items-center gap-2", className)}>
      <span
        role="progressbar"
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
        className="relative h-1.5 w-12 overflow-hidden rounded-full bg-slate-200"
      >
        <span className={clsx("absolute inset-y-0 left-0 rounded-full", value >= 100 ? "bg-emerald-500" : "bg-brand-500")} style={{ width: `${value}%` }} />
      </span>
      <span className="w-8 text-right text-xs text-slate-600 tabular-nums">{value}%</span>
    </span>
  );
}
