import { clsx } from "clsx";
import { AlertTriangle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { Priority, TaskStatus } from "@/lib/tasks/schema";

// Shared by server and client components: next-intl's hooks work in both.

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

const priorityDot: Record<Priority, string> = {
  low: "bg-slate-300",
  normal: "bg-blue-500",
  high: "bg-amber-500",
  urgent: "bg-red-600",
};

/** Priority as a coloured dot and a word, so it never competes with the status badge. */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const t = useTranslations("common.priority");
  return (
    <span className={clsx("inline-flex items-center gap-1.5 whitespace-nowrap", priority === "urgent" ? "font-semibold text-red-700" : "text-slate-700")}>
      <span aria-hidden className={clsx("h-2 w-2 shrink-0 rounded-full", priorityDot[priority])} />
      {t(priority)}
    </span>
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

/** The due moment in the viewer's zone; late work in red with a word, not only a colour. */
export function DueLabel({ dueAt, overdue }: { dueAt: Date | null; overdue: boolean }) {
  const t = useTranslations("tasks.list");
  const format = useFormatter();
  if (!dueAt) return <span className="text-muted">{t("noDue")}</span>;
  return (
    <span className={clsx("inline-flex flex-col leading-tight", overdue ? "text-red-700" : "text-slate-800")}>
      <span className="whitespace-nowrap tabular-nums">{format.dateTime(dueAt, "dateTime")}</span>
      {overdue ? (
        <span className="inline-flex items-center gap-1 text-xs font-medium">
          <AlertTriangle aria-hidden className="h-3 w-3" />
          {t("overdue")}
        </span>
      ) : null}
    </span>
  );
}
