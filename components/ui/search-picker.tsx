"use client";

import { clsx } from "clsx";
import { useCombobox } from "downshift";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { PickerItem } from "@/lib/pickers/picker-item";
import { controlClass } from "./field";

export type { PickerItem };

/** Where a picker searches: the route handlers under app/api/pickers/. */
export type PickerSource = "people" | "clients" | "cases" | "resources" | "contacts";

/** How long typing must pause before the picker asks the server. */
export const SEARCH_DELAY_MS = 200;

const NONE: PickerItem = { id: "", label: "" };

function itemToString(item: PickerItem | null): string {
  return item && item.id ? item.label : "";
}

/**
 * A person, client, case or resource picker: an ARIA 1.2 combobox (downshift's `useCombobox`) that searches
 * on the server as one types, instead of a select holding every choice in the page. The page
 * passes only the chosen item (id and label); the list comes from `/api/pickers/<source>`, at
 * most 20 at a time, as far as the viewer may see or choose them. A hidden input named `name`
 * carries the chosen id, so a plain form submit works too, and a choice fires a `change` event
 * there, as a select would (filter bars apply on it). `emptyLabel` offers "nothing" as the
 * first choice (Anyone, No client); without it a choice can be changed but not removed.
 */
export function SearchPicker({
  id,
  name,
  source,
  params,
  value,
  defaultValue = null,
  onChange,
  emptyLabel,
  placeholder,
  disabled,
  className,
  "aria-invalid": ariaInvalid,
  "aria-describedby": ariaDescribedBy,
}: {
  id: string;
  name?: string;
  source: PickerSource;
  /** More search parameters: `scope` and `exclude` for people, `client` for cases. */
  params?: Record<string, string | undefined>;
  /** The chosen item when the parent holds it; leave undefined to let the picker hold it. */
  value?: PickerItem | null;
  defaultValue?: PickerItem | null;
  onChange?: (item: PickerItem | null) => void;
  emptyLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const t = useTranslations("common.picker");
  const [own, setOwn] = useState<PickerItem | null>(defaultValue);
  const selected = value === undefined ? own : value;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  // Nothing is asked before the list opens: a page of pickers costs no requests until used.
  const { items: found, loading } = useSearch(source, params, query, open && !disabled);
  const items = emptyLabel && !query ? [{ ...NONE, label: emptyLabel }, ...found] : found;

  const combobox = useCombobox<PickerItem>({
    id: `${id}-picker`,
    inputId: id,
    items,
    itemToString,
    itemToKey: (item) => item?.id ?? "",
    selectedItem: selected ?? (emptyLabel ? { ...NONE, label: emptyLabel } : null),
    stateReducer: (state, { type, changes }) => {
      const { InputBlur, InputKeyDownEscape } = useCombobox.stateChangeTypes;
      // Leaving or escaping without a choice shows the choice again, never half-typed text
      // that the form would not submit; a required picker (no empty label) is never cleared.
      if (type === InputKeyDownEscape && !emptyLabel) return { ...changes, selectedItem: state.selectedItem, inputValue: itemToString(state.selectedItem) };
      if (type === InputBlur && changes.selectedItem === state.selectedItem) return { ...changes, inputValue: itemToString(state.selectedItem) };
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      const next = selectedItem && selectedItem.id ? selectedItem : null;
      setOwn(next);
      setQuery("");
      onChange?.(next);
    },
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setQuery(inputValue);
    },
    onIsOpenChange: ({ isOpen }) => {
      setOpen(!!isOpen);
      if (!isOpen) setQuery("");
    },
  });
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = combobox;

  // A choice is a change of the form, as a select's would be: the hidden input announces it once rendered.
  const hidden = useRef<HTMLInputElement>(null);
  const chosenId = selected?.id ?? "";
  const announced = useRef(chosenId);
  useEffect(() => {
    if (announced.current === chosenId) return;
    announced.current = chosenId;
    hidden.current?.dispatchEvent(new Event("change", { bubbles: true }));
  }, [chosenId]);

  const status = !isOpen ? "" : loading ? t("searching") : found.length === 0 ? t("noMatches") : "";

  return (
    <div className={clsx("relative", className)}>
      <div className="relative">
        <input
          {...getInputProps({
            disabled,
            placeholder: placeholder ?? emptyLabel,
            "aria-invalid": ariaInvalid || undefined,
            "aria-describedby": ariaDescribedBy,
          })}
          autoComplete="off"
          spellCheck={false}
          className={clsx(controlClass, "w-full truncate pr-8")}
        />
        <button
          type="button"
          {...getToggleButtonProps({ disabled, "aria-label": t("show") })}
          className="absolute inset-y-0 right-0 flex w-8 items-center justify-center rounded-r-md text-slate-500 hover:text-slate-800 focus-visible:ring-2 focus-visible:ring-brand-200 focus-visible:outline-none disabled:opacity-50"
        >
          <ChevronDown aria-hidden className={clsx("h-4 w-4 transition-transform", isOpen && "rotate-180")} />
        </button>
      </div>
      <div
        className={clsx(
          "absolute z-30 mt-1 max-h-72 w-full min-w-56 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg",
          !isOpen && "hidden",
        )}
      >
        <ul {...getMenuProps()}>
          {isOpen
            ? items.map((item, index) => (
                <li
                  key={item.id || "none"}
                  {...getItemProps({ item, index })}
                  className={clsx(
                    "cursor-pointer px-2.5 py-1.5",
                    highlightedIndex === index && "bg-brand-50 text-brand-900",
                    (selected?.id ?? "") === item.id && "font-semibold",
                    !item.id && "text-slate-600 italic",
                  )}
                >
                  <span className="block truncate">{item.label}</span>
                  {item.detail ? <span className="block truncate text-xs font-normal text-slate-500">{item.detail}</span> : null}
                </li>
              ))
            : null}
        </ul>
        {status ? <p className="px-2.5 py-1.5 text-slate-600">{status}</p> : null}
      </div>
      <span role="status" className="sr-only">
        {isOpen && !loading ? (found.length ? t("count", { count: found.length }) : t("noMatches")) : ""}
      </span>
      <input ref={hidden} type="hidden" name={name} value={chosenId} disabled={disabled || !name} />
    </div>
  );
}

/** The server's answer for `query`, asked `SEARCH_DELAY_MS` after the last keystroke; answers are kept per query. */
function useSearch(source: PickerSource, params: Record<string, string | undefined> | undefined, query: string, enabled: boolean) {
  const search = new URLSearchParams({ q: query.trim() });
  for (const [key, v] of Object.entries(params ?? {})) if (v) search.set(key, v);
  const url = `/api/pickers/${source}?${search}`;
  const cache = useRef(new Map<string, PickerItem[]>());
  const [answer, setAnswer] = useState<{ url: string; items: PickerItem[] } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const known = cache.current.get(url);
    if (known) {
      setAnswer({ url, items: known });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: abort.signal, headers: { accept: "application/json" } })
        .then(async (response) => {
          if (!response.ok) throw new Error(`picker search answered ${response.status}`);
          const { items } = (await response.json()) as { items: PickerItem[] };
          cache.current.set(url, items);
          setAnswer({ url, items });
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setAnswer({ url, items: [] });
          if (!(error instanceof DOMException && error.name === "AbortError")) console.error(error);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [url, enabled]);

  const current = answer?.url === url;
  return { items: current ? answer.items : (answer?.items ?? []), loading: !current };
}
