"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Textarea, describedBy } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createClientAction, updateClientAction } from "@/lib/crm/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";

export interface ClientFormInitial {
  id?: string;
  name: string;
  taxId: string;
  email: string;
  phone: string;
  city: string;
  address: string;
  notes: string;
  accountManagerId: string;
}

/** `manager` is the chosen account manager only: the picker searches the others on the server. */
export function ClientForm({ initial, manager }: { initial: ClientFormInitial; manager: PickerItem | null }) {
  const t = useTranslations("crm.client");
  const tc = useTranslations("common");
  const router = useRouter();
  const editing = Boolean(initial.id);
  const onSaved = (data: { id: string }) => router.push(`/clients/${data.id}`);
  const create = useAction(createClientAction, onSaved);
  const update = useAction(updateClientAction, onSaved);
  const action = editing ? update : create;
  const errors = action.errorsFor;

  const text = (name: keyof ClientFormInitial, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <Field id={`client-${name}`} label={label} errors={errors(name)} hint={hint}>
      <Input
        id={`client-${name}`}
        name={name}
        defaultValue={initial[name]}
        aria-invalid={errors(name) ? true : undefined}
        aria-describedby={describedBy(`client-${name}`, errors(name), Boolean(hint))}
        {...props}
      />
    </Field>
  );

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
        {text("name", t("name"), { required: true, autoFocus: !editing, maxLength: 200 })}
        {text("taxId", t("taxId"), { maxLength: 40, inputMode: "text" }, t("taxIdHint"))}
        {text("email", t("email"), { type: "email", autoComplete: "off" })}
        {text("phone", t("phone"), { type: "tel" }, t("phoneHint"))}
        {text("address", t("address"), { maxLength: 300 })}
        {text("city", t("city"), { maxLength: 100 })}
        <Field id="client-accountManagerId" label={t("accountManager")} errors={errors("accountManagerId")}>
          <SearchPicker
            id="client-accountManagerId"
            name="accountManagerId"
            source="people"
            defaultValue={manager}
            emptyLabel={t("noManager")}
            aria-invalid={errors("accountManagerId") ? true : undefined}
            aria-describedby={describedBy("client-accountManagerId", errors("accountManagerId"))}
          />
        </Field>
        <Field id="client-notes" label={t("notes")} errors={errors("notes")} className="sm:col-span-2">
          <Textarea
            id="client-notes"
            name="notes"
            rows={4}
            defaultValue={initial.notes}
            aria-invalid={errors("notes") ? true : undefined}
            aria-describedby={describedBy("client-notes", errors("notes"))}
          />
        </Field>
      </div>
      <div className="flex items-center gap-2 border-t border-slate-200 pt-3">
        <Button type="submit" variant="primary" disabled={action.pending}>
          {action.pending ? tc("saving") : editing ? tc("save") : t("create")}
        </Button>
        <Link href={initial.id ? `/clients/${initial.id}` : "/clients"} className={buttonClass("ghost")}>
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
