"use client";

import { AlarmClock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "@/components/ui/use-action";
import { snoozeReminderAction } from "@/lib/reminders/actions";
import { SNOOZE_CHOICES } from "@/lib/reminders/snooze-choices";

/** "Remind me later" on a reminder notification: 10 minutes, an hour, or 09:00 tomorrow. */
export function SnoozeControl({ notificationId }: { notificationId: string }) {
  const t = useTranslations("reminders.snooze");
  const router = useRouter();
  const { run, pending, result, error } = useAction(snoozeReminderAction, () => router.refresh());
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5" role="group" aria-label={t("label")}>
      <AlarmClock aria-hidden className="h-3.5 w-3.5 text-muted" />
      {SNOOZE_CHOICES.map((choice) => (
        <button
          key={choice}
          type="button"
          disabled={pending}
          onClick={() => void run({ notificationId, snooze: choice })}
          className="rounded border border-slate-200 bg-white px-1.5 py-0.5 text-[11px] font-medium text-slate-700 hover:border-brand-300 hover:text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none disabled:opacity-50"
        >
          {t(choice)}
        </button>
      ))}
      {result?.ok ? (
        <span role="status" className="text-[11px] text-emerald-700">
          {t("done", { when: result.data.fireAtText })}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="text-[11px] text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
