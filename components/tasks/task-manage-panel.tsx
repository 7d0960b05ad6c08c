"use client";

import { Ban, RotateCcw, UserRoundPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { cancelTaskAction, reassignTaskAction, reopenTaskAction } from "@/lib/tasks/actions";
import type { OpenSubtaskChoice } from "@/lib/tasks/subtask-schema";
import { useAnnounce } from "./task-action-status";

/**
 * Handing the task over, cancelling it and reopening it: each shown only to those who may.
 * The hand-over searches active colleagues on the server, leaving out the current assignee (the
 * server refuses them too). Cancelling a task with subtasks still open asks whether they go too
 * or stay, and sends the choice (the server refuses a cancel without one).
 */
export function TaskManagePanel({
  taskId,
  assigneeId,
  can,
  openSubtasks = 0,
}: {
  taskId: string;
  assigneeId: string;
  can: { reassign: boolean; cancel: boolean; reopen: boolean };
  /** Subtasks of this task still open to work. */
  openSubtasks?: number;
}) {
  const t = useTranslations("tasks.work");
  const tsub = useTranslations("tasks.subtasks");
  const [cancelling, setCancelling] = useState(false);
  const [subtaskChoice, setSubtaskChoice] = useState<OpenSubtaskChoice>("cancel");
  const ts = useTranslations("tasks.announce");
  const router = useRouter();
  const announce = useAnnounce();
  const after = (message: string) => {
    announce(message);
    router.refresh();
  };
  const [to, setTo] = useState<PickerItem | null>(null);
  const [note, setNote] = useState("");
  const hand = useAction(reassignTaskAction, () => after(ts("handedOver", { name: to?.label ?? "" })));
  const cancel = useAction(cancelTaskAction, () => after(ts("cancelled")));
  const reopen = useAction(reopenTaskAction, () => after(ts("reopened")));
  const error = (hand.fieldErrors ? undefined : hand.error) ?? cancel.error ?? reopen.error;

  return (
    <div className="space-y-3">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
          {error}
        </p>
      ) : null}
      {can.reassign ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void hand.run({ taskId, assigneeId: to?.id ?? "", comment: note }).then((r) => {
              if (r.ok) {
                setNote("");
                setTo(null);
              }
            });
          }}
        >
          <Field id="reassign-to" label={t("reassignTo")} errors={hand.fieldErrors?.assigneeId}>
            <SearchPicker
              id="reassign-to"
              source="people"
              params={{ exclude: assigneeId }}
              value={to}
              onChange={setTo}
              placeholder={t("reassignChoose")}
              disabled={hand.pending}
              aria-invalid={hand.fieldErrors?.assigneeId ? true : undefined}
              aria-describedby={describedBy("reassign-to", hand.fieldErrors?.assigneeId)}
            />
          </Field>
          <Field id="reassign-note" label={t("reassignComment")} errors={hand.fieldErrors?.comment}>
            <Input id="reassign-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
          <Button type="submit" size="sm" disabled={hand.pending || !to}>
            <UserRoundPlus aria-hidden className="h-3.5 w-3.5" />
            {t("reassign")}
          </Button>
        </form>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {can.cancel ? (
          <Button
            size="sm"
            variant="danger"
            disabled={cancel.pending}
            aria-expanded={openSubtasks > 0 ? cancelling : undefined}
            aria-controls={openSubtasks > 0 ? "cancel-subtasks" : undefined}
            onClick={() => {
              if (openSubtasks > 0) setCancelling((open) => !open);
              else if (window.confirm(t("cancelConfirm"))) void cancel.run({ taskId });
            }}
          >
            <Ban aria-hidden className="h-3.5 w-3.5" />
            {t("cancelTask")}
          </Button>
        ) : null}
        {can.reopen ? (
          <Button size="sm" disabled={reopen.pending} onClick={() => void reopen.run({ taskId })}>
            <RotateCcw aria-hidden className="h-3.5 w-3.5" />
            {t("reopen")}
          </Button>
        ) : null}
      </div>
      {can.cancel && openSubtasks > 0 && cancelling ? (
        <form
          id="cancel-subtasks"
          aria-label={t("cancelTask")}
          className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2.5"
          onSubmit={(e) => {
            e.preventDefault();
            void cancel.run({ taskId, openSubtasks: subtaskChoice }).then((r) => {
              if (r.ok) setCancelling(false);
            });
          }}
        >
          <fieldset className="space-y-1 text-sm">
            <legend className="mb-1 text-xs text-slate-700">{tsub("cancelChoice", { count: openSubtasks })}</legend>
            {(["cancel", "keep"] as const).map((choice) => (
              <label key={choice} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="open-subtasks"
                  value={choice}
                  checked={subtaskChoice === choice}
                  onChange={() => setSubtaskChoice(choice)}
                  className="h-4 w-4 border-slate-300"
                />
                {choice === "cancel" ? tsub("cancelToo", { count: openSubtasks }) : tsub("keep", { count: openSubtasks })}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" variant="danger" disabled={cancel.pending}>
              <Ban aria-hidden className="h-3.5 w-3.5" />
              {tsub("confirmCancel")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setCancelling(false)}>
              {tsub("back")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
