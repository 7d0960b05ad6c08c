"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { cancelBookingAction } from "@/lib/resources/actions";

/** A meeting's booking as its list row needs it: the meeting, if the viewer may open it, and whether they may edit it. */
export interface EntryOfBooking {
  /** null where the meeting is private to the viewer ("Busy"). */
  id: string | null;
  editable: boolean;
}

/**
 * What the meeting's editors (and admins) do with a meeting's booking from the resource's page:
 * its time is the meeting's, so it is changed in the meeting's form; removing the resource from
 * the meeting cancels this booking only (the meeting keeps its other rooms and equipment), after
 * a confirmation.
 */
export function EntryBookingActions({
  bookingId,
  label,
  resourceName,
  entry,
  onBusyChange,
}: {
  bookingId: string;
  /** The booking as its row says it, for the controls' names. */
  label: string;
  resourceName: string;
  entry: EntryOfBooking;
  /** Told while the confirmation is open or the booking was removed: the list keeps the row until then. */
  onBusyChange?: (busy: boolean) => void;
}) {
  const t = useTranslations("resources.manage");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "confirming" | "removed">("idle");
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state === "confirming") confirm.current?.focus();
  }, [state]);
  const remove = useAction(cancelBookingAction, () => {
    setState("removed");
    router.refresh();
  });
  const keep = () => {
    setState("idle");
    onBusyChange?.(false);
    opener.current?.focus();
  };

  if (state === "removed") return <SavedNote show>{t("removed")}</SavedNote>;
  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-wrap justify-end gap-1.5">
        {entry.id && entry.editable ? (
          <Link
            href={`/calendar/entries/${entry.id}/edit`}
            className={buttonClass("secondary", "sm")}
            aria-label={t("changeInMeetingLabel", { booking: label })}
          >
            {t("changeInMeeting")}
          </Link>
        ) : null}
        <button
          ref={opener}
          type="button"
          className={buttonClass("secondary", "sm")}
          onClick={() => {
            setState("confirming");
            onBusyChange?.(true);
          }}
          disabled={state === "confirming"}
          aria-label={t("removeLabel", { resource: resourceName, booking: label })}
        >
          {t("remove")}
        </button>
      </div>
      {state === "confirming" ? (
        <div
          role="group"
          aria-label={t("confirmRemove", { resource: resourceName })}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          <p>{t("confirmRemove", { resource: resourceName })}</p>
          <div className="flex gap-2">
            <button
              ref={confirm}
              type="button"
              className={buttonClass("danger", "sm")}
              onClick={() => void remove.run({ id: bookingId })}
              disabled={remove.pending}
            >
              {t("confirmRemoveYes")}
            </button>
            <Button size="sm" onClick={keep}>
              {t("keep")}
            </Button>
          </div>
        </div>
      ) : null}
      <FormAlert error={remove.error} />
    </div>
  );
}
