"use client";

import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/ui/use-action";
import { answerEntryAction } from "@/lib/calendar/actions";
import type { AttendeeResponse } from "@/lib/calendar/types";

const ANSWERS = ["accepted", "tentative", "declined"] as const;

/** Accept / tentative / decline on an invitation notice, without opening the entry. */
export function InvitationAnswer({ entryId, response }: { entryId: string; response: AttendeeResponse }) {
  const t = useTranslations("inbox.answer");
  const router = useRouter();
  const { run, pending, error } = useAction(answerEntryAction, () => router.refresh());
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5" role="group" aria-label={t("label")}>
      {ANSWERS.map((answer) => (
        <button
          key={answer}
          type="button"
          disabled={pending}
          aria-pressed={response === answer}
          onClick={() => void run({ entryId, response: answer })}
          className={clsx(
            "rounded border px-1.5 py-0.5 text-[11px] font-medium focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none disabled:opacity-50",
            response === answer
              ? "border-brand-600 bg-brand-600 text-white"
              : "border-slate-200 bg-white text-slate-700 hover:border-brand-300 hover:text-brand-700",
          )}
        >
          {t(answer)}
        </button>
      ))}
      {error ? (
        <span role="alert" className="text-[11px] text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
