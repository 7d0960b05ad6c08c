"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { clsx } from "clsx";
import { X } from "lucide-react";
import type { ReactNode } from "react";

/**
 * A modal dialog (Radix: focus held inside, Escape closes, focus goes back where it was) with a
 * title, an optional description and a close button labelled in the reader's language.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  closeLabel,
  wide,
  onCloseAutoFocus,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  closeLabel: string;
  wide?: boolean;
  /** Where focus goes once closed, when not back to what opened the dialog (which may have been redrawn meanwhile). */
  onCloseAutoFocus?: (event: Event) => void;
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <RadixDialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          // Without a description Radix must be told so, or it points aria-describedby at nothing.
          {...(description ? {} : { "aria-describedby": undefined })}
          className={clsx(
            "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 shadow-xl focus:outline-none",
            wide ? "max-w-2xl" : "max-w-md",
          )}
        >
          <div className="mb-3 flex items-start justify-between gap-3">
            <div className="min-w-0">
              <RadixDialog.Title className="text-base font-semibold break-words text-slate-900">{title}</RadixDialog.Title>
              {description ? <RadixDialog.Description className="mt-0.5 text-sm text-slate-600">{description}</RadixDialog.Description> : null}
            </div>
            <RadixDialog.Close aria-label={closeLabel} className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              <X aria-hidden className="h-4 w-4" />
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
