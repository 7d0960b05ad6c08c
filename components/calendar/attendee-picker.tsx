"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
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
        {errors.length ? (
          <p id="entry-attendees-error" role="alert" className="text-xs text-red-700">
            {errors.join(" ")}
          </p>
        ) : (
          <p id="entry-attendees-hint" className="text-xs text-slate-500">
            {t("attendeesHint")}
          </p>
        )}
      </div>
      {value.length ? (
        <ul aria-label={t("invited")} className="mt-2 flex flex-wrap gap-1.5">
          {value.map((person) => (
            <li
              key={person.id}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-800 ring-1 ring-slate-200"
            >
              {person.label}
              <button
                type="button"
                onClick={() => onChange(value.filter((p) => p.id !== person.id))}
                aria-label={t("removeAttendee", { name: person.label })}
                className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
              >
                <X aria-hidden className="h-3 w-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
