"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { reassignCaseAction } from "@/lib/crm/actions";

/**
 * Hands a case to another person from the case page; the new and the previous owner are told. The
 * choice searches active colleagues on the server, leaving out the current owner.
 */
export function CaseReassignControl({ caseId, ownerId }: { caseId: string; ownerId: string }) {
  const t = useTranslations("crm.reassign");
  const [choice, setChoice] = useState<PickerItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reassign = useAction(reassignCaseAction);
  const error = reassign.errorsFor("ownerId")?.join(" ") ?? reassign.error;

  return (
    <form
      aria-label={t("form")}
      className="mt-1.5 space-y-1"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!choice) return;
        const name = choice.label;
        setDone(null);
        const r = await reassign.run({ id: caseId, ownerId: choice.id });
        if (r.ok) {
          setChoice(null);
          setDone(t("done", { name }));
        }
      }}
    >
      <label htmlFor="case-reassign-owner" className="block text-xs font-medium text-slate-600">
        {t("label")}
      </label>
      <div className="flex items-center gap-1.5">
        <SearchPicker
          id="case-reassign-owner"
          source="people"
          params={{ exclude: ownerId }}
          value={choice}
          onChange={setChoice}
          placeholder={t("choose")}
          disabled={reassign.pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "case-reassign-error" : undefined}
          className="min-w-0 flex-1"
        />
        <Button type="submit" disabled={reassign.pending || !choice}>
          {t("submit")}
        </Button>
      </div>
      {error ? (
        <p id="case-reassign-error" role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="text-xs text-emerald-700">
        {done}
      </p>
    </form>
  );
}
