"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { changeFirstPasswordAction, signOutAfterPasswordChangeAction } from "@/lib/auth/actions";

/** A person replaces the password an admin typed; every session ends and they sign in with the new one. */
export function FirstPasswordForm() {
  const t = useTranslations("auth.firstLogin");
  const tr = useTranslations("auth.reset");
  const [signingOut, setSigningOut] = useState(false);
  const change = useAction(changeFirstPasswordAction);
  const err = (field: string) => change.errorsFor(field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const result = await change.run({ currentPassword: text("currentPassword"), newPassword: text("newPassword"), confirmPassword: text("confirmPassword") });
    if (!result.ok) return;
    setSigningOut(true);
    await signOutAfterPasswordChangeAction();
  }

  const busy = change.pending || signingOut;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <FormAlert error={change.error} />
      <Field id="first-current" label={t("current")} errors={err("currentPassword")}>
        <Input
          id="first-current"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={!!err("currentPassword")}
          aria-describedby={describedBy("first-current", err("currentPassword"))}
        />
      </Field>
      <Field id="first-new" label={tr("new")} hint={tr("newHint")} errors={err("newPassword")}>
        <Input
          id="first-new"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!err("newPassword")}
          aria-describedby={describedBy("first-new", err("newPassword"), true)}
        />
      </Field>
      <Field id="first-confirm" label={tr("confirm")} errors={err("confirmPassword")}>
        <Input
          id="first-confirm"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!err("confirmPassword")}
          aria-describedby={describedBy("first-confirm", err("confirmPassword"))}
        />
      </Field>
      <p className="text-xs text-slate-500">{t("note")}</p>
      <Button type="submit" variant="primary" className="w-full" disabled={busy}>
        {busy ? tr("saving") : t("submit")}
      </Button>
    </form>
  );
}
