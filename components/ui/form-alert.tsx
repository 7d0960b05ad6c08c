import { clsx } from "clsx";
import { CheckCircle2 } from "lucide-react";

/** The line above a form's buttons: the action's error, or a short confirmation once saved. */
export function FormAlert({ error, className }: { error?: string; className?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className={clsx("rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800", className)}>
      {error}
    </div>
  );
}

export function SavedNote({ show, children }: { show: boolean; children: React.ReactNode }) {
  return (
    <p role="status" className="flex items-center gap-1 text-sm text-emerald-700">
      {show ? (
        <>
          <CheckCircle2 aria-hidden className="h-4 w-4" /> {children}
        </>
      ) : null}
    </p>
  );
}
