"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { reassignCaseAction } from "@/lib/crm/actions";

/** Hands a case to another person from the case page; the new and the previous owner are told. */
export function CaseReassignControl({ caseId, ownerId, people }: { caseId: string; ownerId: string; people: { id: string; name: string }[] }) {
  const t = useTranslations("crm.reassign");
  const [choice, setChoice] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const reassign = useAction(reassignCaseAction);
  const others = people.filter((p) => p.id !== ownerId);
  const error = reassign.errorsFor("ownerId")?.join(" ") ?? reassign.error;

  return (
    <form
      aria-label={t("form")}
      className="mt-1.5 space-y-1"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!choice) return;
        const name = others.find((p) => p.id === choice)?.name ?? "";
        setDone(null);
        const r = await reassign.run({ id: caseId, ownerId: choice });
        if (r.ok) {
          setChoice("");
          setDone(t("done", { name }));
        }
      }}
    >
      <label htmlFor="case-reassign-owner" className="block text-xs font-medium text-slate-600">
        {t("label")}
      </label>
      <div className="flex gap-1.5">
        <Select
          id="case-reassign-owner"
          value={choice}
          required
          disabled={reassign.pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "case-reassign-error" : undefined}
          className="h-7 py-0 text-xs"
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t("choose")}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Button type="submit" size="sm" disabled={reassign.pending || !choice}>
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
