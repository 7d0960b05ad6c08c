"use client";

import { CheckCircle2, Pause, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { changeStatusAction, setProgressAction } from "@/lib/tasks/actions";
import type { TaskStatus } from "@/lib/tasks/schema";

/** The assignee's controls: start, pause, report progress, mark done (or submit for acceptance). */
export function TaskWorkPanel({
  taskId,
  status,
  progress,
  needsAcceptance,
}: {
  taskId: string;
  status: TaskStatus;
  progress: number;
  needsAcceptance: boolean;
}) {
  const t = useTranslations("tasks.work");
  const router = useRouter();
  const refresh = () => router.refresh();
  const move = useAction(changeStatusAction, refresh);
  const report = useAction(setProgressAction, refresh);
  const [value, setValue] = useState(progress);
  const error = move.error ?? report.error;
  const progressErrors = report.fieldErrors?.progress;

  return (
    <div className="space-y-3">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
          {progressErrors?.join(" ") ?? error}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void report.run({ taskId, progress: value });
        }}
        className="space-y-1.5"
      >
        <div className="flex items-center justify-between">
          <label htmlFor="work-progress" className="text-xs font-medium text-slate-700">
            {t("progress")}
          </label>
          <output htmlFor="work-progress" className="text-sm font-semibold text-slate-900 tabular-nums">
            {value}%
          </output>
        </div>
        <div className="flex items-center gap-2">
          <input
            id="work-progress"
            type="range"
            min={0}
            max={100}
            step={5}
            value={value}
            onChange={(e) => setValue(Number(e.target.value))}
            className="h-2 w-full cursor-pointer accent-brand-600"
          />
          <Button type="submit" size="sm" disabled={report.pending || value === progress}>
            {t("saveProgress")}
          </Button>
        </div>
      </form>
      <div className="flex flex-wrap gap-2">
        {status === "open" ? (
          <Button size="sm" onClick={() => void move.run({ taskId, status: "in_progress" })} disabled={move.pending}>
            <Play aria-hidden className="h-3.5 w-3.5" />
            {t("start")}
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => void move.run({ taskId, status: "open" })} disabled={move.pending}>
            <Pause aria-hidden className="h-3.5 w-3.5" />
            {t("pause")}
          </Button>
        )}
        <Button size="sm" variant="primary" onClick={() => void move.run({ taskId, status: "done" })} disabled={move.pending}>
          <CheckCircle2 aria-hidden className="h-3.5 w-3.5" />
          {needsAcceptance ? t("submitForAcceptance") : t("markDone")}
        </Button>
      </div>
    </div>
  );
}
