"use client";

import { useState } from "react";
import { clsx } from "clsx";
import { Mail, Pencil, Phone, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Td, Th } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-action";
import { addContactAction, removeContactAction, updateContactAction } from "@/lib/crm/actions";
import { FormAlert } from "@/components/ui/form-alert";

export interface ContactRow {
  id: string;
  name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
}

type Editing = { kind: "none" } | { kind: "add" } | { kind: "edit"; id: string } | { kind: "remove"; id: string };

/** A client's contact people, edited in place by those allowed to. */
export function ContactsSection({ clientId, contacts, canEdit }: { clientId: string; contacts: ContactRow[]; canEdit: boolean }) {
  const t = useTranslations("crm.contacts");
  const tc = useTranslations("common");
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const close = () => setEditing({ kind: "none" });

  return (
    <section aria-labelledby="contacts-title" className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id="contacts-title">{t("title")}</h2>
        {canEdit && editing.kind !== "add" ? (
          <Button size="sm" onClick={() => setEditing({ kind: "add" })}>
            <Plus aria-hidden className="h-3.5 w-3.5" />
            {t("add")}
          </Button>
        ) : null}
      </header>
      {editing.kind === "add" ? (
        <div className={clsx("p-4", contacts.length > 0 && "border-b border-slate-200")}>
          <ContactForm clientId={clientId} onDone={close} />
        </div>
      ) : null}
      {contacts.length === 0 && editing.kind !== "add" ? (
        <div className="p-4">
          <EmptyState title={t("empty")}>{canEdit ? t("emptyHint") : t("emptyReadOnly")}</EmptyState>
        </div>
      ) : null}
      {contacts.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("position")}</Th>
                <Th>{t("email")}</Th>
                <Th>{t("phone")}</Th>
                {canEdit ? (
                  <Th className="w-20">
                    <span className="sr-only">{tc("actions")}</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {contacts.map((c) =>
                editing.kind === "edit" && editing.id === c.id ? (
                  <tr key={c.id}>
                    <td colSpan={5} className="bg-slate-50 p-3">
                      <ContactForm clientId={clientId} contact={c} onDone={close} />
                    </td>
                  </tr>
                ) : (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <Td className="font-medium whitespace-nowrap">{c.name}</Td>
                    <Td className="text-slate-600">{c.position ?? ""}</Td>
                    <Td>
                      {c.email ? (
                        <a href={`mailto:${c.email}`} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
                          <Mail aria-hidden className="h-3.5 w-3.5 text-muted" />
                          {c.email}
                        </a>
                      ) : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {c.phone ? (
                        <a href={`tel:${c.phone.replace(/\s/g, "")}`} className="inline-flex items-center gap-1 text-slate-800 tabular-nums hover:underline">
                          <Phone aria-hidden className="h-3.5 w-3.5 text-muted" />
                          {c.phone}
                        </a>
                      ) : null}
                    </Td>
                    {canEdit ? (
                      <Td className="text-right whitespace-nowrap">
                        {editing.kind === "remove" && editing.id === c.id ? (
                          <RemoveConfirm contact={c} onDone={close} />
                        ) : (
                          <span className="inline-flex gap-0.5">
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={t("edit", { name: c.name })}
                              title={t("edit", { name: c.name })}
                              onClick={() => setEditing({ kind: "edit", id: c.id })}
                            >
                              <Pencil aria-hidden className="h-3.5 w-3.5" />
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={t("remove", { name: c.name })}
                              title={t("remove", { name: c.name })}
                              onClick={() => setEditing({ kind: "remove", id: c.id })}
                            >
                              <Trash2 aria-hidden className="h-3.5 w-3.5" />
                            </Button>
                          </span>
                        )}
                      </Td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function RemoveConfirm({ contact, onDone }: { contact: ContactRow; onDone: () => void }) {
  const t = useTranslations("crm.contacts");
  const tc = useTranslations("common");
  const remove = useAction(removeContactAction, onDone);
  return (
    <span className="inline-flex items-center gap-1.5" role="group" aria-label={t("removeConfirm", { name: contact.name })}>
      <span className="text-xs text-slate-600">{remove.error ?? t("removeConfirm", { name: contact.name })}</span>
      <Button size="sm" variant="danger" disabled={remove.pending} onClick={() => void remove.run({ id: contact.id })} autoFocus>
        {tc("delete")}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        {tc("cancel")}
      </Button>
    </span>
  );
}

function ContactForm({ clientId, contact, onDone }: { clientId: string; contact?: ContactRow; onDone: () => void }) {
  const t = useTranslations("crm.contacts");
  const tc = useTranslations("common");
  const add = useAction(addContactAction, onDone);
  const update = useAction(updateContactAction, onDone);
  const action = contact ? update : add;
  const prefix = contact ? `contact-${contact.id}` : "contact-new";

  const input = (name: "name" | "position" | "email" | "phone", props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const id = `${prefix}-${name}`;
    const errors = action.errorsFor(name);
    return (
      <Field id={id} label={t(name)} errors={errors}>
        <Input
          id={id}
          name={name}
          defaultValue={contact?.[name] ?? ""}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy(id, errors)}
          {...props}
        />
      </Field>
    );
  };

  return (
    <form
      noValidate
      aria-label={contact ? t("edit", { name: contact.name }) : t("newContact")}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        if (contact) form.set("id", contact.id);
        else form.set("clientId", clientId);
        void action.run(form);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      <FormAlert error={action.error} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {input("name", { required: true, autoFocus: true, maxLength: 200 })}
        {input("position", { maxLength: 200 })}
        {input("email", { type: "email" })}
        {input("phone", { type: "tel" })}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={action.pending}>
          {action.pending ? tc("saving") : tc("save")}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
