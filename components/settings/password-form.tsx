"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields, PasswordField, useOwnPasswordChange } from "@/components/auth/password-fields";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { signOutAction } from "@/lib/auth/actions";
import { changePasswordAction } from "@/lib/org/actions";

/** Changing one's own password ends every session, this one too: the person signs in again with the new one. */
export function PasswordForm() {
  const t = useTranslations("settings.password");
  const tc = useTranslations("common");
  const { change, onSubmit, signingOut, busy } = useOwnPasswordChange(changePasswordAction, signOutAction);

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
          <PasswordField id="password-current" name="currentPassword" label={t("current")} errors={change.errorsFor("currentPassword")} current />
          <NewPasswordFields idPrefix="password" labels={{ new: t("new"), newHint: t("newHint"), confirm: t("confirm") }} errorsFor={change.errorsFor} />
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
