import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const controlClass =
  "block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm placeholder:text-muted focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

/** A labelled form control with its hint and errors wired to it for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx("space-y-1", className)}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      <FieldMessages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A control's errors (`<id>-error`) or, when there are none, its hint (`<id>-hint`): see describedBy. */
export function FieldMessages({ id, hint, errors, className }: { id: string; hint?: ReactNode; errors?: string[]; className?: string }) {
  if (errors?.length) {
    return (
      <p id={`${id}-error`} className={clsx("text-xs text-red-700", className)} role="alert">
        {errors.join(" ")}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className={clsx("text-xs text-slate-500", className)}>
      {hint}
    </p>
  ) : null;
}

export function describedBy(id: string, errors?: string[], hint?: boolean): string | undefined {
  if (errors?.length) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

/**
 * A control fills its column unless the caller gives it a width. Both classes set `width`, and the
 * stylesheet (not the class order) decides which wins: `w-full` beat every `w-24`, so it is left out.
 */
function sizedControlClass(className?: string): string {
  return clsx(controlClass, !/(^|\s)w-/.test(className ?? "") && "w-full", className);
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={sizedControlClass(className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={sizedControlClass(clsx("pr-8", className))} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={sizedControlClass(className)} {...props} />;
}

/** A checkbox with its label beside it, and under the label a quieter hint that the checkbox points to. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <div className={clsx("flex items-start gap-2 text-sm", className)}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
