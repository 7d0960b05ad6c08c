"use client";

import { useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Fragment, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { answerEntryAction } from "@/lib/calendar/actions";
import type { AttendeeResponse } from "@/lib/calendar/types";
import { CALENDAR_WINDOWS } from "./window-key";

const ENTRY_ANSWERS = ["accepted", "tentative", "declined"] as const;
export type EntryAnswerValue = (typeof ENTRY_ANSWERS)[number];

/** One of the three choices, as the place showing it draws it. */
export interface AnswerChoice {
  answer: EntryAnswerValue;
  /** The answer shown as given now (at once on a click, back again if the server refuses). */
  pressed: boolean;
  choose: () => void;
  label: string;
}

/**
 * Accept / tentative / decline of an invitation: the entry's page, its dialog in the calendar,
 * the notifications pages and the bell all answer through this one component. A choice shows as
 * given at once and goes back, with the server's reason, when the server refuses it; the result
 * is read out. After an answer the cached calendar windows (struck out when declined, reminders
 * gone) and the bell's feed are read again; a page rendered on the server is refreshed by the
 * action itself (it revalidates the calendar's paths, which re-renders the current page).
 *
 * By default the choices are toggle buttons (`aria-pressed`); the bell's menu, where only menu
 * items can take focus, draws them as menu radio items through `renderChoice`, and reads the
 * result out through its own live region (`announce`), since a menu may hold nothing else.
 */
export function EntryAnswer({
  entryId,
  recurrenceId,
  response,
  about,
  size = "sm",
  renderChoice,
  announce,
  onAnswered,
  className,
}: {
  entryId: string;
  /** One occurrence of a series (its RECURRENCE-ID): the answer is to that occurrence alone. */
  recurrenceId?: string;
  /** The viewer's answer as the server last said. */
  response: AttendeeResponse;
  /** What is answered, where several invitations are listed (the notice's title): the group is then named "Your answer to: …". */
  about?: string;
  size?: "sm" | "md";
  renderChoice?: (choice: AnswerChoice) => ReactNode;
  announce?: (message: string, tone: "status" | "error") => void;
  onAnswered?: (answer: EntryAnswerValue) => void;
  className?: string;
}) {
  const t = useTranslations("calendar.entry");
  const tr = useTranslations("calendar.response");
  const client = useQueryClient();
  const [shown, setShown] = useState<AttendeeResponse>(response);
  const [given, setGiven] = useState(response);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A second click while the first is on its way is ignored, but the buttons stay focusable: a
  // disabled button drops the keyboard's focus, and in the bell that closes the menu.
  const [pending, setPending] = useState(false);

  // The server's answer changed (a refetch, another tab, a reschedule that asks again): show it.
  if (response !== given) {
    setGiven(response);
    setShown(response);
  }

  function tell(message: string, tone: "status" | "error") {
    if (announce) announce(message, tone);
    else if (tone === "status") setStatus(message);
  }

  async function choose(answer: EntryAnswerValue) {
    if (pending || answer === shown) return;
    const before = shown;
    setShown(answer);
    setPending(true);
    setError(null);
    setStatus("");
    const result = await answerEntryAction({ entryId, response: answer, ...(recurrenceId ? { recurrenceId } : {}) }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setShown(before);
      const reason = result?.error ?? t("failed");
      setError(reason);
      tell(reason, "error");
      return;
    }
    tell(t("answered", { answer: tr(answer) }), "status");
    void client.invalidateQueries({ queryKey: CALENDAR_WINDOWS });
    // The bell's feed carries each invitation's answer.
    void client.invalidateQueries({ queryKey: ["notifications"] });
    onAnswered?.(answer);
  }

  const draw =
    renderChoice ??
    ((c: AnswerChoice) => (
      <Button size={size} variant={c.pressed ? "primary" : "secondary"} aria-pressed={c.pressed} onClick={c.choose}>
        {c.label}
      </Button>
    ));

  return (
    <div className={clsx("space-y-1", className)}>
      <div
        role="group"
        aria-label={about ? t("yourAnswerTo", { title: about }) : t("yourAnswer")}
        aria-busy={pending || undefined}
        className="flex flex-wrap items-center gap-1.5"
      >
        {ENTRY_ANSWERS.map((answer) => (
          <Fragment key={answer}>{draw({ answer, pressed: shown === answer, choose: () => void choose(answer), label: t(`answer.${answer}`) })}</Fragment>
        ))}
      </div>
      {error ? (
        // In the bell the menu's live region reads it out; a menu may hold no alert of its own.
        <p role={announce ? undefined : "alert"} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {announce ? null : (
        <p role="status" className="sr-only">
          {status}
        </p>
      )}
    </div>
  );
}
