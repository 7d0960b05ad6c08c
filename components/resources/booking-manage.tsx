"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { cancelBookingAction, changeBookingAction, restoreBookingAction } from "@/lib/resources/actions";
import type { ConflictDetails } from "@/lib/resources/conflicts";
import { instantToWallClock } from "@/lib/time/wall-clock";
import { ConflictHelp } from "./conflict-help";

export interface ManagedBooking {
  id: string;
  /** ISO instants. */
  start: string;
  end: string;
  purpose: string;
  /** What the button's name says of the booking ("Tue 10:00–11:00 Demo"), so each row's button is told apart. */
  label: string;
}

/**
 * The booker's (or an admin's) way to change a booking's time and purpose, or cancel it, in a
 * dialog; a cancelled booking can be restored from the same dialog until it closes. Times are
 * typed in the viewer's zone. A change onto a taken time is refused naming who holds it, with
 * free alternatives and the next free slot, as when booking.
 */
export function BookingManage({
  booking,
  resourceName,
  timeZone,
  onOpenChange: told,
}: {
  booking: ManagedBooking;
  resourceName: string;
  timeZone: string;
  /** Told when the dialog opens and closes (a list keeps a cancelled booking while its dialog is open). */
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useTranslations("resources.manage");
  const tf = useTranslations("resources.form");
  const id = useId();
  const router = useRouter();
  const wall = (iso: string) => instantToWallClock(new Date(iso), timeZone);
  const initial = { start: wall(booking.start), end: wall(booking.end), purpose: booking.purpose };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(initial);
  const [state, setState] = useState<"editing" | "saved" | "confirming" | "cancelled" | "restored">("editing");
  const change = useAction(changeBookingAction, () => setState("saved"));
  const cancel = useAction(cancelBookingAction, () => setState("cancelled"));
  const restore = useAction(restoreBookingAction, () => setState("restored"));
  const details = change.result && !change.result.ok ? (change.result.details as ConflictDetails | undefined) : undefined;
  const error = change.fieldErrors ? undefined : (change.error ?? cancel.error ?? restore.error);

  function onOpenChange(next: boolean) {
    setOpen(next);
    told?.(next);
    if (next) {
      setValues(initial);
      setState("editing");
      for (const a of [change, cancel, restore]) a.reset();
    } else if (state !== "editing" && state !== "confirming") {
      // The page shows what changed once the dialog is gone (a cancelled booking leaves the list).
      router.refresh();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState("editing");
    void change.run({ id: booking.id, ...values });
  }

  const fields = [
    { name: "start", label: tf("start"), type: "datetime-local" },
    { name: "end", label: tf("end"), type: "datetime-local" },
    { name: "purpose", label: tf("purpose"), type: "text" },
  ] as const;
  const gone = state === "cancelled" || state === "restored";
  return (
    <>
      <Button size="sm" onClick={() => onOpenChange(true)} aria-label={t("openLabel", { booking: booking.label })}>
        {t("open")}
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title={t("title", { resource: resourceName })} description={booking.label} closeLabel={t("close")}>
        {gone ? (
          <div className="space-y-3">
            <SavedNote show>{state === "cancelled" ? t("cancelled") : t("restored")}</SavedNote>
            <FormAlert error={restore.error} />
            {state === "cancelled" ? (
              <Button onClick={() => void restore.run({ id: booking.id })} disabled={restore.pending}>
                {t("restore")}
              </Button>
            ) : null}
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title", { resource: resourceName })}>
            <div className="grid gap-3 sm:grid-cols-2">
              {fields.map((f) => (
                <Field
                  key={f.name}
                  id={`${id}-${f.name}`}
                  label={f.label}
                  errors={change.errorsFor(f.name)}
                  className={f.name === "purpose" ? "sm:col-span-2" : undefined}
                >
                  <Input
                    id={`${id}-${f.name}`}
                    type={f.type}
                    name={f.name}
                    autoComplete="off"
                    value={values[f.name]}
                    onChange={(e) => setValues((now) => ({ ...now, [f.name]: e.target.value }))}
                    aria-invalid={!!change.errorsFor(f.name)}
                    aria-describedby={describedBy(`${id}-${f.name}`, change.errorsFor(f.name))}
                  />
                </Field>
              ))}
            </div>
            <FormAlert error={error} />
            {details ? <ConflictHelp details={details} timeZone={timeZone} onUseNextFree={(times) => setValues((now) => ({ ...now, ...times }))} /> : null}
            {state === "confirming" ? (
              <div role="group" aria-label={t("confirmCancel")} className="space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
                <p>{t("confirmCancel")}</p>
                <div className="flex gap-2">
                  <Button size="sm" variant="danger" onClick={() => void cancel.run({ id: booking.id })} disabled={cancel.pending}>
                    {t("confirmYes")}
                  </Button>
                  <Button size="sm" onClick={() => setState("editing")}>
                    {t("keep")}
                  </Button>
                </div>
              </div>
            ) : null}
            <div className="flex flex-wrap items-center gap-2">
              <Button type="submit" variant="primary" disabled={change.pending}>
                {t("save")}
              </Button>
              <Button onClick={() => setState("confirming")} disabled={state === "confirming"}>
                {t("cancel")}
              </Button>
              <SavedNote show={state === "saved"}>{t("saved")}</SavedNote>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
