"use client";

import { useTranslations } from "next-intl";
import { FieldMessages } from "@/components/ui/field";
import { RemovableChips } from "@/components/ui/removable-chips";
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
      <div className="space-y-1">
        <label htmlFor="entry-attendees" className="block text-xs font-medium text-slate-700">
          {t("attendees")}
        </label>
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
          aria-describedby={errors.length ? "entry-attendees-error" : "entry-attendees-hint"}
        />
        <FieldMessages id="entry-attendees" hint={t("attendeesHint")} errors={errors} />
      </div>
      <RemovableChips
        label={t("invited")}
        chips={value.map((person) => ({ key: person.id, label: person.label, removeLabel: t("removeAttendee", { name: person.label }) }))}
        onRemove={(id) => onChange(value.filter((p) => p.id !== id))}
      />
    </div>
  );
}
