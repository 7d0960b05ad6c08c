"use client";

import { CalendarClock, Pencil } from "lucide-react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { cancelEntryAction, moveEntryAction } from "@/lib/calendar/actions";
import type { AttendeeResponse, EntryTime } from "@/lib/calendar/types";
import { entryTimeInput } from "./calendar-items";
import { EntryAnswer } from "./entry-answer";
import { EntryTimeDialog } from "./entry-time-dialog";

/** The entry page's buttons: answer (when invited), Edit, Change time… and Cancel entry (when the viewer may edit). */
export function EntryPageActions({
  entryId,
  title,
  time,
  timeZone,
  canEdit,
  myResponse,
}: {
  entryId: string;
  title: string;
  time: EntryTime;
  timeZone: string;
  canEdit: boolean;
  myResponse: AttendeeResponse | null;
}) {
  const t = useTranslations("calendar.entry");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [timing, setTiming] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, done: () => void) {
    setPending(true);
    setError(null);
    const result = await call().catch(() => null);
    setPending(false);
    if (!result?.ok) return setError(result?.error ?? t("failed"));
    done();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {myResponse !== null ? <EntryAnswer entryId={entryId} response={myResponse} size="md" /> : null}
        {canEdit ? (
          <>
            <Link href={`/calendar/entries/${entryId}/edit`} className={buttonClass("secondary")}>
              <Pencil aria-hidden className="h-3.5 w-3.5" />
              {t("edit")}
            </Link>
            <Button onClick={() => setTiming(true)}>
              <CalendarClock aria-hidden className="h-3.5 w-3.5" />
              {t("changeTime")}
            </Button>
            <Button variant="danger" onClick={() => setConfirming(true)} disabled={pending || confirming}>
              {t("cancelEntry")}
            </Button>
          </>
        ) : null}
      </div>
      {confirming ? (
        <div role="group" aria-label={t("cancelEntry")} className="rounded-md border border-red-200 bg-red-50 p-2.5 text-sm">
          <p className="mb-2 text-red-900">{t("cancelConfirm")}</p>
          <div className="flex gap-1.5">
            <Button
              size="sm"
              variant="danger"
              disabled={pending}
              autoFocus
              onClick={() =>
                void run(
                  () => cancelEntryAction({ id: entryId }),
                  () => router.push("/calendar"),
                )
              }
            >
              {t("cancelYes")}
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              {t("cancelNo")}
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {timing ? (
        <EntryTimeDialog
          time={time}
          title={title}
          timeZone={timeZone}
          onClose={() => setTiming(false)}
          onMove={async (next) => {
            const result = await moveEntryAction({ id: entryId, time: entryTimeInput(next, timeZone) }).catch(() => null);
            if (!result?.ok) return { ok: false, error: result?.error ?? t("failed") };
            router.refresh();
            return { ok: true };
          }}
        />
      ) : null}
    </div>
  );
}
