"use client";

import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createCaseAction, updateCaseAction } from "@/lib/crm/actions";
import { CASE_KINDS, PRIORITIES, isStatusAllowedForKind, statusesForKind, type CaseKind, type CaseStatus, type Priority } from "@/lib/crm/case-states";
import { FormAlert } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";

export interface CaseFormInitial {
  id?: string;
  kind: CaseKind;
  title: string;
  description: string;
  status: CaseStatus;
  priority: Priority;
  ownerId: string;
  clientId: string;
  /** datetime-local value in the viewer's zone, or "". */
  dueAt: string;
}

/** The chosen client and owner only: the pickers search the others on the server as one types. */
export interface CaseFormChoices {
  client: PickerItem | null;
  owner: PickerItem;
}

export function CaseForm({
  initial,
  choices,
  timeZone,
  cancelHref,
}: {
  initial: CaseFormInitial;
  choices: CaseFormChoices;
  timeZone: string;
  cancelHref: string;
}) {
  const t = useTranslations("crm");
  const tc = useTranslations("common");
  const router = useRouter();
  const editing = Boolean(initial.id);
  const onSaved = (data: { id: string }) => router.push(`/cases/${data.id}`);
  const create = useAction(createCaseAction, onSaved);
  const update = useAction(updateCaseAction, onSaved);
  const action = editing ? update : create;
  const errors = action.errorsFor;
  const [kind, setKind] = useState<CaseKind>(initial.kind);
  const [status, setStatus] = useState<CaseStatus>(initial.status);

  const a11y = (id: string, field: string, hint = false) => ({
    "aria-invalid": errors(field) ? true : undefined,
    "aria-describedby": describedBy(id, errors(field), hint),
  });

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        if (initial.id) form.set("id", initial.id);
        void action.run(form);
      }}
    >
      <FormAlert error={action.error} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field id="case-title" label={t("case.title")} errors={errors("title")} className="sm:col-span-2">
          <Input id="case-title" name="title" defaultValue={initial.title} required maxLength={300} autoFocus={!editing} {...a11y("case-title", "title")} />
        </Field>
        <Field id="case-kind" label={t("case.kind")} errors={errors("kind")}>
          <Select
            id="case-kind"
            name="kind"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as CaseKind;
              setKind(next);
              // An outcome of the old kind (a "won" sale turned service request) falls back to open.
              if (!isStatusAllowedForKind(next, status)) setStatus("in_progress");
            }}
            {...a11y("case-kind", "kind")}
          >
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="case-clientId" label={t("case.client")} errors={errors("clientId")}>
          <SearchPicker
            id="case-clientId"
            name="clientId"
            source="clients"
            defaultValue={choices.client}
            placeholder={t("case.chooseClient")}
            {...a11y("case-clientId", "clientId")}
          />
        </Field>
        <Field id="case-status" label={t("case.status")} errors={errors("status")}>
          <Select id="case-status" name="status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)} {...a11y("case-status", "status")}>
            {statusesForKind(kind).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="case-priority" label={t("case.priority")} errors={errors("priority")}>
          <Select id="case-priority" name="priority" defaultValue={initial.priority} {...a11y("case-priority", "priority")}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tc(`priority.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="case-ownerId" label={t("case.owner")} errors={errors("ownerId")}>
          <SearchPicker id="case-ownerId" name="ownerId" source="people" defaultValue={choices.owner} {...a11y("case-ownerId", "ownerId")} />
        </Field>
        <Field id="case-dueAt" label={t("case.due")} errors={errors("dueAt")} hint={t("case.dueHint", { zone: timeZone })}>
          <Input id="case-dueAt" name="dueAt" type="datetime-local" defaultValue={initial.dueAt} {...a11y("case-dueAt", "dueAt", true)} />
        </Field>
        <Field id="case-description" label={t("case.description")} errors={errors("description")} className="sm:col-span-2">
          <Textarea id="case-description" name="description" rows={6} defaultValue={initial.description} {...a11y("case-description", "description")} />
        </Field>
      </div>
      <div className="flex items-center gap-2 border-t border-slate-200 pt-3">
        <Button type="submit" variant="primary" disabled={action.pending}>
          {action.pending ? tc("saving") : editing ? tc("save") : t("case.create")}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost")}>
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
