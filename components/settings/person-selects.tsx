"use client";

import type { SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { LANGUAGES, WORKING_MODES } from "@/lib/org/vocabulary";

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">;

/** The UI language, as offered on the admin's user form and the person's own profile. */
export function LanguageSelect(props: SelectProps) {
  const t = useTranslations("common");
  return (
    <Select {...props}>
      {LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {t(`languageNames.${l}`)}
        </option>
      ))}
    </Select>
  );
}

/** Office, field, remote or away: decides which channels notifications use. */
export function WorkingModeSelect(props: SelectProps) {
  const t = useTranslations("common");
  return (
    <Select {...props}>
      {WORKING_MODES.map((m) => (
        <option key={m} value={m}>
          {t(`workingMode.${m}`)}
        </option>
      ))}
    </Select>
  );
}
