"use client";

import { Check, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { acceptTaskAction, returnTaskAction } from "@/lib/tasks/actions";
import { OpenSubtasksConfirm } from "./open-subtasks-confirm";
import { useAnnounce } from "./task-action-status";

/** The delegator's check of a result: accept it, or return it saying what is missing. */
export function TaskDecisionPanel({
  taskId,
  assigneeName,
  resultNote,
  openSubtasks = 0,
}: {
  taskId: string;
  assigneeName: string;
  resultNote: string | null;
  /** Subtasks still open: accepting then asks for a confirmation, as finishing does. */
  openSubtasks?: number;
}) {
  const t = useTranslations("tasks.work");
  const tsub = useTranslations("tasks.subtasks");
  const ts = useTranslations("tasks.announce");
  const router = useRouter();
  const announce = useAnnounce();
  const accept = useAction(acceptTaskAction, () => {
    announce(ts("accepted"));
    router.refresh();
  });
  const giveBack = useAction(returnTaskAction, () => {
    announce(ts("returned", { name: assigneeName }));
    router.refresh();
  });
  const [comment, setComment] = useState("");
  const [confirmOpen, setConfirmOpen] = useState(false);
  const errors = giveBack.fieldErrors?.comment;
  const error = accept.error ?? (errors ? undefined : giveBack.error);
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">{t("decisionInfo", { name: assigneeName })}</p>
      {resultNote ? (
        <figure className="rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5">
          <figcaption className="text-xs font-medium text-slate-600">{t("resultNoteOf", { name: assigneeName })}</figcaption>
          <blockquote className="text-sm whitespace-pre-line text-slate-800">{resultNote}</blockquote>
        </figure>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
          {error}
        </p>
      ) : null}
      <Field id="decision-comment" label={t("decisionComment")} hint={t("decisionCommentHint")} errors={errors}>
        <Textarea
          id="decision-comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy("decision-comment", errors, true)}
        />
      </Field>
      {openSubtasks > 0 ? (
        <OpenSubtasksConfirm
          id="decision-confirm-subtasks"
          count={openSubtasks}
          checked={confirmOpen}
          onChange={setConfirmOpen}
          label={tsub("confirmAccept", { count: openSubtasks })}
        />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => void accept.run({ taskId, comment, confirmOpenSubtasks: confirmOpen })}
          disabled={accept.pending || giveBack.pending}
        >
          <Check aria-hidden className="h-3.5 w-3.5" />
          {t("accept")}
        </Button>
        <Button size="sm" variant="danger" onClick={() => void giveBack.run({ taskId, comment })} disabled={accept.pending || giveBack.pending}>
          <Undo2 aria-hidden className="h-3.5 w-3.5" />
          {t("return")}
        </Button>
      </div>
    </div>
  );
}
