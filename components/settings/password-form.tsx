"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { signOutAction } from "@/lib/auth/actions";
import { changePasswordAction } from "@/lib/org/actions";

/** Changing one's own password ends every session, this one too: the person signs in again with the new one. */
export function PasswordForm() {
  const t = useTranslations("settings.password");
  const tc = useTranslations("common");
  const [signingOut, setSigningOut] = useState(false);
  const change = useAction(changePasswordAction);
  const err = (field: string) => change.errorsFor(field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const result = await change.run({ currentPassword: text("currentPassword"), newPassword: text("newPassword"), confirmPassword: text("confirmPassword") });
    if (!result.ok) return;
    setSigningOut(true);
    await signOutAction();
  }

  const busy = change.pending || signingOut;
  return (
    <Card title={t("title")}>
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
        <FormAlert error={change.error} />
        {signingOut ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("changed")}
          </p>
        ) : null}
        <div className="grid gap-3 md:grid-cols-3">
          <Field id="password-current" label={t("current")} errors={err("currentPassword")}>
            <Input
              id="password-current"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={!!err("currentPassword")}
              aria-describedby={describedBy("password-current", err("currentPassword"))}
            />
          </Field>
          <Field id="password-new" label={t("new")} hint={t("newHint")} errors={err("newPassword")}>
            <Input
              id="password-new"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={!!err("newPassword")}
              aria-describedby={describedBy("password-new", err("newPassword"), true)}
            />
          </Field>
          <Field id="password-confirm" label={t("confirm")} errors={err("confirmPassword")}>
            <Input
              id="password-confirm"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              required
              aria-invalid={!!err("confirmPassword")}
              aria-describedby={describedBy("password-confirm", err("confirmPassword"))}
            />
          </Field>
        </div>
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-slate-500">{t("signOutNote")}</p>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? tc("saving") : t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
