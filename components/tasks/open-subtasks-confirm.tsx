"use client";

import { useTranslations } from "next-intl";

/**
 * The warning that a task still has open subtasks, with the checkbox that confirms going on all the same (finishing
 * the task, or accepting its result). The server refuses without the confirmation; this only asks first.
 */
export function OpenSubtasksConfirm({
  id,
  count,
  checked,
  onChange,
  label,
  required = false,
}: {
  id: string;
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The confirmation's words, e.g. "Finish although 2 subtasks are still open". */
  label: string;
  required?: boolean;
}) {
  const t = useTranslations("tasks.subtasks");
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
      <p id={`${id}-warning`}>{t("openWarning", { count })}</p>
      <label className="flex items-start gap-2 font-medium">
        <input
          id={id}
          type="checkbox"
          required={required}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={`${id}-warning`}
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        {label}
      </label>
    </div>
  );
}
