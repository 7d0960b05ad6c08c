"use client";

import { useTranslations } from "next-intl";
import { ChipList } from "@/components/ui/chip-list";
import { describedBy, Field } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";

// The people search leaves out at most ten ids; more than that are simply offered again.
const EXCLUDE_LIMIT = 10;

/** Whom to invite: a people search that adds to a list, each person removable by a labelled button. */
export function AttendeePicker({
  value,
  onChange,
  exclude,
  errors,
  className,
}: {
  value: PickerItem[];
  onChange: (list: PickerItem[]) => void;
  /** People never offered (the calendar's owner). */
  exclude: string[];
  errors: string[];
  className?: string;
}) {
  const t = useTranslations("calendar.form");
  const excluded = [...exclude, ...value.map((p) => p.id)].slice(0, EXCLUDE_LIMIT).join(",");
  return (
    <div className={className}>
      <Field id="entry-attendees" label={t("attendees")} hint={t("attendeesHint")} errors={errors}>
        <SearchPicker
          id="entry-attendees"
          source="people"
          params={{ exclude: excluded }}
          value={null}
          placeholder={t("addAttendee")}
          onChange={(item) => {
            if (item && !value.some((p) => p.id === item.id)) onChange([...value, item]);
          }}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy("entry-attendees", errors, true)}
        />
      </Field>
      <ChipList items={value} onRemove={(id) => onChange(value.filter((p) => p.id !== id))} label={t("invited")} className="mt-2" />
    </div>
  );
}
