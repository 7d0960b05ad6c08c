"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { answerInvitationLinkAction } from "@/lib/calendar/actions";
import { ANSWERS, type Answer, type AttendeeResponse } from "@/lib/calendar/types";

/**
 * The answer on the page an invitation's link opens. Nothing is recorded until the person
 * presses a button (a POST): the link's own answer is only offered first, as "Confirm: …".
 * After saving, the same buttons change the answer.
 */
export function InvitationAnswerForm({ token, current, chosen }: { token: string; current: AttendeeResponse; chosen: Answer | null }) {
  const t = useTranslations("invitations.answer");
  const [response, setResponse] = useState<AttendeeResponse>(current);
  const answer = useAction(answerInvitationLinkAction, (data) => setResponse(data.response));
  const saved = answer.result?.ok === true;
  // The link's answer, offered for confirmation until it is the recorded one.
  const offered = !saved && chosen && chosen !== response ? chosen : null;

  return (
    <div className="space-y-3">
      <p className="text-sm font-medium text-slate-800">{t("current", { answer: t(`state.${response}`) })}</p>
      <FormAlert error={answer.error} />
      <SavedNote show={saved}>{t("saved", { answer: t(`state.${response}`) })}</SavedNote>
      {offered ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{t("chosen", { answer: t(`label.${offered}`) })}</p>
          <Button variant="primary" className="w-full" disabled={answer.pending} onClick={() => void answer.run({ token, response: offered })}>
            {answer.pending ? t("saving") : t("confirm", { answer: t(`label.${offered}`) })}
          </Button>
        </div>
      ) : null}
      <div role="group" aria-label={t("change")} className="space-y-1.5">
        {offered ? <p className="text-xs font-medium text-slate-500">{t("change")}</p> : null}
        <div className="flex flex-wrap gap-2">
          {ANSWERS.filter((a) => a !== offered).map((a) => (
            <Button key={a} aria-pressed={response === a} disabled={answer.pending} onClick={() => void answer.run({ token, response: a })}>
              {t(`label.${a}`)}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
