import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { SearchPicker, type PickerItem, type PickerSource } from "@/components/ui/search-picker";

/**
 * A list's search and filters as a plain GET form: the URL holds the state, so filtered views
 * can be bookmarked and shared, and it works before any JavaScript has loaded. Like every list's
 * filters (FilterForm), a change applies at once; the button is there without JavaScript only.
 */
export function FilterBar({
  action,
  label,
  search,
  children,
  applyLabel,
  clearHref,
  oneRow = false,
}: {
  action: string;
  label: string;
  search: ReactNode;
  children: ReactNode;
  applyLabel: string;
  clearHref?: string;
  /** Few filters fit beside the search box; many go on a row of their own. */
  oneRow?: boolean;
}) {
  const t = useTranslations("common");
  const buttons = (
    <>
      <noscript>
        <Button type="submit" variant="primary">
          {applyLabel}
        </Button>
      </noscript>
      {clearHref ? (
        <Link href={clearHref} className={buttonClass("ghost")}>
          {t("clearFilters")}
        </Link>
      ) : null}
    </>
  );
  if (oneRow) {
    return (
      <FilterForm
        action={action}
        role="search"
        label={label}
        className="mb-3 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-2.5 shadow-sm"
      >
        {search}
        {children}
        {buttons}
      </FilterForm>
    );
  }
  return (
    <FilterForm action={action} role="search" label={label} className="mb-3 space-y-2 rounded-lg border border-slate-200 bg-white p-2.5 shadow-sm">
      <div className="flex flex-wrap items-end gap-2">
        {search}
        {buttons}
      </div>
      <div className="flex flex-wrap items-end gap-2">{children}</div>
    </FilterForm>
  );
}

export function SearchBox({ id, label, placeholder, defaultValue }: { id: string; label: string; placeholder: string; defaultValue: string }) {
  return (
    <div className="min-w-56 flex-1">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 h-3.5 w-3.5 -translate-y-1/2 text-muted" />
        <Input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} className="pl-8" />
      </div>
    </div>
  );
}

const NO_FILTER = "";

export function FilterSelect({
  id,
  name,
  label,
  value,
  any,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  /** The label of the empty value, which every list's parameters read as "no filter". */
  any?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="max-w-64 min-w-36">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value} className="truncate">
        {(any === undefined ? options : [{ value: NO_FILTER, label: any }, ...options]).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** A person or client filter: a search picker, since a select would carry every choice in the page. */
export function FilterPicker({
  id,
  name,
  label,
  source,
  value,
  any,
}: {
  id: string;
  name: string;
  label: string;
  source: PickerSource;
  value: PickerItem | null;
  any: string;
}) {
  return (
    <div className="w-56 max-w-64">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <SearchPicker id={id} name={name} source={source} defaultValue={value} emptyLabel={any} />
    </div>
  );
}
