"use client";

import { useTranslations } from "next-intl";
import { ChipList } from "@/components/ui/chip-list";
import { describedBy, Field } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { MAX_ENTRY_RESOURCES } from "@/lib/calendar/limits";

/**
 * The rooms and equipment an entry books: a search over the resources the viewer may book that
 * adds to a list, each one removable by a labelled button. They are booked for the entry's time.
 */
export function ResourcePicker({
  value,
  onChange,
  errors,
  disabledHint,
  className,
}: {
  value: PickerItem[];
  onChange: (list: PickerItem[]) => void;
  errors: string[];
  /** Why nothing can be added now (an all-day entry), shown instead of the usual hint. */
  disabledHint?: string;
  className?: string;
}) {
  const t = useTranslations("calendar.form");
  const full = value.length >= MAX_ENTRY_RESOURCES;
  return (
    <div className={className}>
      <Field id="entry-resources" label={t("resources")} hint={disabledHint ?? t("resourcesHint")} errors={errors}>
        <SearchPicker
          id="entry-resources"
          source="resources"
          params={{ exclude: value.map((r) => r.id).join(",") }}
          value={null}
          placeholder={t("addResource")}
          disabled={full || disabledHint !== undefined}
          onChange={(item) => {
            if (item && !value.some((r) => r.id === item.id)) onChange([...value, item]);
          }}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy("entry-resources", errors, true)}
        />
      </Field>
      <ChipList items={value} onRemove={(id) => onChange(value.filter((r) => r.id !== id))} label={t("chosenResources")} className="mt-2" />
    </div>
  );
}
