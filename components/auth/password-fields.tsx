"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { describedBy, Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action/result";
import type { ChangePasswordInput } from "@/lib/org/schema";

type ErrorsFor = (field: string) => string[] | undefined;

/** One required password input with its label, hint and errors wired to it for screen readers. */
export function PasswordField({
  id,
  name,
  label,
  hint,
  errors,
  current = false,
  autoFocus,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** The password the person has now (the browser offers the saved one) rather than a new one. */
  current?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Input
        id={id}
        name={name}
        type="password"
        autoComplete={current ? "current-password" : "new-password"}
        required
        autoFocus={autoFocus}
        aria-invalid={!!errors}
        aria-describedby={describedBy(id, errors, hint !== undefined)}
      />
    </Field>
  );
}

/** The new password and its repetition (fields `newPassword` and `confirmPassword`, ids `<idPrefix>-new` and `<idPrefix>-confirm`). */
export function NewPasswordFields({
  idPrefix,
  labels,
  errorsFor,
  autoFocus,
}: {
  idPrefix: string;
  labels: { new: string; newHint: string; confirm: string };
  errorsFor: ErrorsFor;
  autoFocus?: boolean;
}) {
  return (
    <>
      <PasswordField
        id={`${idPrefix}-new`}
        name="newPassword"
        label={labels.new}
        hint={labels.newHint}
        errors={errorsFor("newPassword")}
        autoFocus={autoFocus}
      />
      <PasswordField id={`${idPrefix}-confirm`} name="confirmPassword" label={labels.confirm} errors={errorsFor("confirmPassword")} />
    </>
  );
}

/** The new password and its repetition as a form holding `NewPasswordFields` submits them. */
export function newPasswordsFrom(form: HTMLFormElement): { newPassword: string; confirmPassword: string } {
  const data = new FormData(form);
  return { newPassword: String(data.get("newPassword") ?? ""), confirmPassword: String(data.get("confirmPassword") ?? "") };
}

/**
 * A change of one's own password (current, new, repeated): every session ends on success, so the form
 * then stays busy while `signOut` takes the person to the login page.
 */
export function useOwnPasswordChange<Out>(action: (input: ChangePasswordInput) => Promise<ActionResult<Out>>, signOut: () => Promise<void>) {
  const [signingOut, setSigningOut] = useState(false);
  const change = useAction(action);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const currentPassword = String(new FormData(event.currentTarget).get("currentPassword") ?? "");
    const result = await change.run({ currentPassword, ...newPasswordsFrom(event.currentTarget) });
    if (!result.ok) return;
    setSigningOut(true);
    await signOut();
  }

  return { change, onSubmit, signingOut, busy: change.pending || signingOut };
}
