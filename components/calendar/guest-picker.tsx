"use client";

import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ChipList } from "@/components/ui/chip-list";
import { FieldMessages, Input } from "@/components/ui/field";
import { SearchPicker } from "@/components/ui/search-picker";

/** Someone outside Baton invited by e-mail (a client's contact, a partner). */
export interface GuestValue {
  email: string;
  name: string | null;
  /** Chosen from the entry's client's contacts: the server checks it belongs to that client. */
  contactId?: string;
}

/**
 * People from outside Baton to invite: when the entry has a client, one of that client's contacts
 * with an e-mail address (a search picker); or an address and, if wished, a name, added to a
 * list; each removable by a labelled button. Enter in the address field adds, as the button does
 * (and does not send the form). The server checks the addresses and that a contact belongs to the
 * entry's client; a wrong one comes back as a field error.
 */
export function GuestPicker({
  value,
  onChange,
  errors,
  clientId,
  className,
}: {
  value: GuestValue[];
  onChange: (list: GuestValue[]) => void;
  errors: string[];
  /** The entry's client: its contacts are offered. */
  clientId?: string | null;
  className?: string;
}) {
  const t = useTranslations("invitations.form");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");

  function addGuest(guest: GuestValue) {
    if (!value.some((g) => g.email === guest.email)) onChange([...value, guest]);
  }
  function add() {
    const address = email.trim().toLowerCase();
    if (!address) return;
    addGuest({ email: address, name: name.trim() || null });
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
      {clientId ? (
        <div className="mt-1 space-y-1">
          <label htmlFor="entry-guest-contact" className="block text-xs text-slate-600">
            {t("contact")}
          </label>
          <SearchPicker
            id="entry-guest-contact"
            source="contacts"
            params={{ client: clientId }}
            value={null}
            placeholder={t("contactPlaceholder")}
            onChange={(item) => {
              if (item?.detail) addGuest({ email: item.detail.toLowerCase(), name: item.label, contactId: item.id });
            }}
            aria-describedby="entry-guests-hint"
          />
        </div>
      ) : null}
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
