"use client";

import type { FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { NewPasswordFields, newPasswordsFrom } from "@/components/auth/password-fields";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { resetPasswordAction } from "@/lib/auth/actions";

/** The new password for a reset link; on success the person signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const router = useRouter();
  const reset = useAction(resetPasswordAction);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await reset.run({ token, ...newPasswordsFrom(event.currentTarget) });
    if (result.ok) router.replace("/login?passwordChanged=1");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <FormAlert error={reset.error} />
      <NewPasswordFields idPrefix="reset" labels={{ new: t("new"), newHint: t("newHint"), confirm: t("confirm") }} errorsFor={reset.errorsFor} autoFocus />
      <Button type="submit" variant="primary" className="w-full" disabled={reset.pending || reset.result?.ok === true}>
        {reset.pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
