"use client";

import { describedBy, Field } from "@/components/ui/field";
import { SearchPicker, type PickerItem, type PickerSource } from "@/components/ui/search-picker";

/** What a task or a calendar entry is tied to in the CRM: a client, and one of that client's cases. */
export interface ClientAndCase {
  client: PickerItem | null;
  case: PickerItem | null;
}

/** A new client: a case of another client cannot stay. */
export function withClient(current: ClientAndCase, client: PickerItem | null): ClientAndCase {
  const keepCase = current.case?.client && client && current.case.client.id === client.id;
  return { client, case: keepCase ? current.case : null };
}

/** A new case: its client comes with it (a case without one leaves the client as it was). */
export function withCase(current: ClientAndCase, kase: PickerItem | null): ClientAndCase {
  return { case: kase, client: kase?.client ? { id: kase.client.id, label: kase.client.label } : current.client };
}

/**
 * The client and case pickers of a form, side by side (each half of a six-column grid): typed to
 * search on the server, chosen with the keyboard, labelled, with hint and errors wired to them.
 * The cases offered are the chosen client's; choosing a case fills in its client.
 */
export function ClientCasePickers({
  ids,
  named,
  text,
  value,
  onChange,
  errors,
  disabled,
}: {
  /** The pickers' element ids, which their labels point to. */
  ids: { client: string; case: string };
  /** Whether a plain form submit carries the chosen ids, under the element ids as names. */
  named?: boolean;
  /** Labels in the form's wording; the case's hint is optional. */
  text: { client: string; noClient: string; case: string; noCase: string; caseHint?: string };
  value: ClientAndCase;
  onChange: (next: ClientAndCase) => void;
  errors: { client?: string[]; case?: string[] };
  disabled?: boolean;
}) {
  const pickers: Picker[] = [
    {
      id: ids.client,
      source: "clients",
      value: value.client,
      choose: (item) => onChange(withClient(value, item)),
      label: text.client,
      emptyLabel: text.noClient,
      errors: errors.client,
    },
    {
      id: ids.case,
      source: "cases",
      params: { client: value.client?.id },
      value: value.case,
      choose: (item) => onChange(withCase(value, item)),
      label: text.case,
      emptyLabel: text.noCase,
      hint: text.caseHint,
      errors: errors.case,
    },
  ];
  return (
    <>
      {pickers.map((p) => (
        <Field key={p.source} id={p.id} label={p.label} hint={p.hint} errors={p.errors} className="md:col-span-3">
          <SearchPicker
            id={p.id}
            name={named ? p.id : undefined}
            source={p.source}
            params={p.params}
            value={p.value}
            onChange={p.choose}
            emptyLabel={p.emptyLabel}
            disabled={disabled}
            aria-invalid={p.errors ? true : undefined}
            aria-describedby={describedBy(p.id, p.errors, p.hint !== undefined)}
          />
        </Field>
      ))}
    </>
  );
}

interface Picker {
  id: string;
  source: PickerSource;
  params?: Record<string, string | undefined>;
  value: PickerItem | null;
  choose: (item: PickerItem | null) => void;
  label: string;
  emptyLabel: string;
  hint?: string;
  errors?: string[];
}
