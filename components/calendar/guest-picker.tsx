"use client";

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ChipList } from "@/components/ui/chip-list";
import { FieldMessages, Input } from "@/components/ui/field";

/** Someone outside Baton invited by e-mail (a client's contact, a partner). */
export interface GuestValue {
  email: string;
  name: string | null;
}

/**
 * People from outside Baton to invite: an address and, if wished, a name, added to a list; each
 * removable by a labelled button. Enter in the address field adds, as the button does (and does
 * not send the form). The server checks the addresses; a wrong one comes back as a field error.
 */
export function GuestPicker({
  value,
  onChange,
  errors,
  className,
}: {
  value: GuestValue[];
  onChange: (list: GuestValue[]) => void;
  errors: string[];
  className?: string;
}) {
  const t = useTranslations("invitations.form");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");

  function add() {
    const address = email.trim().toLowerCase();
    if (!address) return;
    if (!value.some((g) => g.email === address)) onChange([...value, { email: address, name: name.trim() || null }]);
    setEmail("");
    setName("");
  }
  function addOnEnter(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    add();
  }

  return (
    <fieldset className={className}>
      <legend className="block text-xs font-medium text-slate-700">{t("guests")}</legend>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 space-y-1">
          <label htmlFor="entry-guest-email" className="block text-xs text-slate-600">
            {t("email")}
          </label>
          <Input
            id="entry-guest-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onKeyDown={addOnEnter}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errors.length ? "entry-guests-error" : "entry-guests-hint"}
          />
        </div>
        <div className="min-w-40 flex-1 space-y-1">
          <label htmlFor="entry-guest-name" className="block text-xs text-slate-600">
            {t("name")}
          </label>
          <Input id="entry-guest-name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={addOnEnter} />
        </div>
        <Button onClick={add} disabled={!email.trim()}>
          {t("add")}
        </Button>
      </div>
      <FieldMessages id="entry-guests" hint={t("hint")} errors={errors} className="mt-1" />
      <ChipList
        label={t("invited")}
        items={value.map((guest) => ({ id: guest.email, label: guest.name ? `${guest.name} <${guest.email}>` : guest.email }))}
        onRemove={(email) => onChange(value.filter((g) => g.email !== email))}
        className="mt-2"
      />
    </fieldset>
  );
}
