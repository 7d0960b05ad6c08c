"use client";

import { CheckCircle2, Pause, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { changeStatusAction, setProgressAction } from "@/lib/tasks/actions";
import { MAX_RESULT_NOTE } from "@/lib/tasks/input-limits";
import type { TaskStatus } from "@/lib/tasks/schema";
import { OpenSubtasksConfirm } from "./open-subtasks-confirm";
import { useAnnounce } from "./task-action-status";

/**
 * The assignee's controls: start, pause, report progress, finish. Finishing is a second step
 * with an optional result note for the delegator; on a task that needs acceptance that step
 * also says who checks the result, so nobody submits it by a stray click. With subtasks still
 * open the step asks for a tick that finishing anyway is meant (the server refuses it otherwise).
 */
export function TaskWorkPanel({
  taskId,
  status,
  progress,
  needsAcceptance,
  delegatorName,
  openSubtasks = 0,
}: {
  taskId: string;
  status: TaskStatus;
  progress: number;
  needsAcceptance: boolean;
  delegatorName: string;
  /** Subtasks of this task still open to work. */
  openSubtasks?: number;
}) {
  const t = useTranslations("tasks.work");
  const tsub = useTranslations("tasks.subtasks");
  const ts = useTranslations("tasks.announce");
  const router = useRouter();
  const announce = useAnnounce();
  const move = useAction(changeStatusAction, (task) => {
    announce(
      task.status === "in_progress"
        ? ts("started")
        : task.status === "open"
          ? ts("paused")
          : task.status === "awaiting_acceptance"
            ? ts("submitted", { name: delegatorName })
            : ts("done"),
    );
    router.refresh();
  });
  const report = useAction(setProgressAction, (task) => {
    announce(ts("progressSaved", { progress: task.progress }));
    router.refresh();
  });
  const [value, setValue] = useState(progress);
  const [finishing, setFinishing] = useState(false);
  const [note, setNote] = useState("");
  const [confirmOpen, setConfirmOpen] = useState(false);
  // The note is what the second step is for: it takes the focus when the step opens.
  useEffect(() => {
    if (finishing) document.getElementById("work-note")?.focus();
  }, [finishing]);
  const noteErrors = move.fieldErrors?.note;
  const error = (noteErrors ? undefined : move.error) ?? report.error;
  const progressErrors = report.fieldErrors?.progress;
  const finishLabel = needsAcceptance ? t("submitForAcceptance") : t("markDone");

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
        <Button
          id="work-finish-toggle"
          size="sm"
          // While the step is open its confirm button is the one primary action.
          variant={finishing ? "secondary" : "primary"}
          aria-expanded={finishing}
          aria-controls="work-finish"
          onClick={() => setFinishing((open) => !open)}
          disabled={move.pending}
        >
          <CheckCircle2 aria-hidden className="h-3.5 w-3.5" />
          {`${finishLabel}…`}
        </Button>
      </div>
      {finishing ? (
        <form
          id="work-finish"
          aria-label={finishLabel}
          className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2.5"
          onSubmit={(e) => {
            e.preventDefault();
            void move.run({ taskId, status: "done", note, confirmOpenSubtasks: confirmOpen }).then((r) => {
              if (r.ok) {
                setFinishing(false);
                setNote("");
              }
            });
          }}
        >
          <p className="text-xs text-slate-700">{needsAcceptance ? t("finishAcceptanceInfo", { name: delegatorName }) : t("finishInfo")}</p>
          {openSubtasks > 0 ? (
            <OpenSubtasksConfirm
              id="work-confirm-subtasks"
              count={openSubtasks}
              checked={confirmOpen}
              onChange={setConfirmOpen}
              label={tsub("confirmFinish", { count: openSubtasks })}
              required
            />
          ) : null}
          <Field id="work-note" label={t("resultNote")} hint={t("resultNoteHint", { name: delegatorName })} errors={noteErrors}>
            <Textarea
              id="work-note"
              rows={2}
              value={note}
              maxLength={MAX_RESULT_NOTE}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={noteErrors ? true : undefined}
              aria-describedby={describedBy("work-note", noteErrors, true)}
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="primary" disabled={move.pending}>
              <CheckCircle2 aria-hidden className="h-3.5 w-3.5" />
              {needsAcceptance ? t("confirmSubmit") : t("confirmDone")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setFinishing(false);
                document.getElementById("work-finish-toggle")?.focus();
              }}
            >
              {t("finishBack")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
