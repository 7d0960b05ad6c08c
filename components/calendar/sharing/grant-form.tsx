"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { grantCalendarAccessAction } from "@/lib/calendar/actions";

/** Gives a colleague "may edit my calendar" and/or "may see my private entries". */
export function GrantForm() {
  const t = useTranslations("settings.calendarSharing");
  const [person, setPerson] = useState<PickerItem | null>(null);
  const [canEdit, setCanEdit] = useState(true);
  const [canSeePrivate, setCanSeePrivate] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const grant = useAction(grantCalendarAccessAction);
  const error = grant.errorsFor("granteeId")?.join(" ") ?? grant.errorsFor("canEdit")?.join(" ") ?? grant.error;

  return (
    <form
      aria-label={t("giveForm")}
      className="grid gap-3 sm:grid-cols-[minmax(0,18rem)_auto_auto] sm:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!person) return;
        setDone(null);
        const r = await grant.run({ granteeId: person.id, canEdit, canSeePrivate });
        if (r.ok) {
          setDone(t("given", { name: person.label }));
          setPerson(null);
        }
      }}
    >
      <div className="space-y-1">
        <label htmlFor="grant-person" className="block text-xs font-medium text-slate-600">
          {t("person")}
        </label>
        <SearchPicker
          id="grant-person"
          source="people"
          value={person}
          onChange={setPerson}
          placeholder={t("choosePerson")}
          disabled={grant.pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "grant-error" : undefined}
        />
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <legend className="sr-only">{t("permissions")}</legend>
        <label className="inline-flex items-center gap-1.5">
          <input type="checkbox" checked={canEdit} onChange={(e) => setCanEdit(e.target.checked)} className="size-4 rounded border-slate-300" />
          {t("canEdit")}
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input type="checkbox" checked={canSeePrivate} onChange={(e) => setCanSeePrivate(e.target.checked)} className="size-4 rounded border-slate-300" />
          {t("canSeePrivate")}
        </label>
      </fieldset>
      <div>
        <Button type="submit" size="sm" variant="primary" disabled={grant.pending || !person || (!canEdit && !canSeePrivate)}>
          {t("give")}
        </Button>
      </div>
      <div className="sm:col-span-3">
        {error ? (
          <p id="grant-error" role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
        <p role="status" className="text-xs text-emerald-700">
          {done}
        </p>
      </div>
    </form>
  );
}
