"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { addDayOffAction, removeDayOffAction } from "@/lib/reminders/actions";
import type { DayOffRow } from "@/lib/reminders/days-off";

export interface DayOffLine extends DayOffRow {
  /** The date as the viewer reads dates, formatted on the server. */
  dayText: string;
}

type Done = "added_note" | "removed_note" | "restored_note";

/** Admin → Escalation: the organisation's days off, with a form to add one and a button per day to remove or restore it. */
export function DaysOffEditor({ days, noPublicHolidays }: { days: DayOffLine[]; noPublicHolidays: boolean }) {
  const t = useTranslations("reminders.admin.holidays");
  const [done, setDone] = useState<Done | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const add = useAction(addDayOffAction, () => {
    form.current?.reset();
    setDone("added_note");
  });
  const remove = useAction(removeDayOffAction);

  function submit(data: FormData) {
    setDone(null);
    remove.reset();
    void add.run({ day: String(data.get("day") ?? ""), note: String(data.get("note") ?? "") });
  }

  async function change(row: DayOffLine) {
    setDone(null);
    add.reset();
    const result = row.status === "removed" ? await add.run({ day: row.day, note: "" }) : await remove.run({ day: row.day });
    if (result.ok) setDone(row.status === "removed" ? "restored_note" : "removed_note");
  }

  const dayErrors = add.errorsFor("day");
  const pending = add.pending || remove.pending;
  return (
    <div className="space-y-4">
      {noPublicHolidays ? <p className="text-xs text-slate-600">{t("none")}</p> : null}
      <table className="w-full max-w-3xl text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("day")}
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              {t("name")}
            </th>
            <th scope="col" className="hidden py-1 pr-3 font-medium sm:table-cell">
              {t("status")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("actions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {days.map((row) => (
            <tr key={row.day} className={row.status === "removed" ? "text-slate-500" : undefined}>
              <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{row.dayText}</td>
              <td className="py-1.5 pr-3">
                {row.name ? t(`names.${row.name}`) : (row.note ?? t("added"))}
                {/* A phone has no room for a status column: the status goes under the name. */}
                <span className="block text-xs text-slate-500 sm:hidden">{t(row.status)}</span>
              </td>
              <td className="hidden py-1.5 pr-3 text-xs sm:table-cell">{t(row.status)}</td>
              <td className="py-1 text-right">
                <Button
                  size="sm"
                  variant={row.status === "removed" ? "secondary" : "ghost"}
                  // A ghost button's words line up with the column's heading; a framed one keeps its edge there.
                  className={row.status === "removed" ? undefined : "-mr-2.5"}
                  disabled={pending}
                  aria-label={t(row.status === "removed" ? "restoreLabel" : "removeLabel", { day: row.dayText })}
                  onClick={() => void change(row)}
                >
                  {t(row.status === "removed" ? "restore" : "remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form ref={form} action={submit} noValidate className="border-t border-slate-200 pt-4">
        <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("add")}</h3>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="dayOff" label={t("day")} errors={dayErrors}>
            <Input
              id="dayOff"
              name="day"
              type="date"
              required
              aria-invalid={dayErrors ? true : undefined}
              aria-describedby={describedBy("dayOff", dayErrors)}
              className="w-44 tabular-nums"
            />
          </Field>
          <Field id="dayOffNote" label={t("note")} errors={add.errorsFor("note")}>
            <Input id="dayOffNote" name="note" maxLength={80} aria-describedby={describedBy("dayOffNote", add.errorsFor("note"))} className="w-64" />
          </Field>
          <Button type="submit" variant="primary" disabled={pending}>
            {t("addButton")}
          </Button>
        </div>
      </form>
      <FormAlert error={dayErrors ? undefined : (add.error ?? remove.error)} />
      <SavedNote show={done !== null}>{done ? t(done) : null}</SavedNote>
    </div>
  );
}
