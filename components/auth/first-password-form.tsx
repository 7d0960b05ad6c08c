"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields, PasswordField, useOwnPasswordChange } from "@/components/auth/password-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { changeFirstPasswordAction, signOutAfterPasswordChangeAction } from "@/lib/auth/actions";

/** A person replaces the password an admin typed; every session ends and they sign in with the new one. */
export function FirstPasswordForm() {
  const t = useTranslations("auth.firstLogin");
  const tr = useTranslations("auth.reset");
  const { change, onSubmit, busy } = useOwnPasswordChange(changeFirstPasswordAction, signOutAfterPasswordChangeAction);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <FormAlert error={change.error} />
      <PasswordField id="first-current" name="currentPassword" label={t("current")} errors={change.errorsFor("currentPassword")} current autoFocus />
      <NewPasswordFields idPrefix="first" labels={{ new: tr("new"), newHint: tr("newHint"), confirm: tr("confirm") }} errorsFor={change.errorsFor} />
      <p className="text-xs text-slate-500">{t("note")}</p>
      <Button type="submit" variant="primary" className="w-full" disabled={busy}>
        {busy ? tr("saving") : t("submit")}
      </Button>
    </form>
  );
}
