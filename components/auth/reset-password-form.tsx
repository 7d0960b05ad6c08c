"use client";

import type { FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { resetPasswordAction } from "@/lib/auth/actions";

/** The new password for a reset link; on success the person signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const router = useRouter();
  const reset = useAction(resetPasswordAction);
  const err = (field: string) => reset.errorsFor(field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await reset.run({ token, newPassword: String(form.get("newPassword") ?? ""), confirmPassword: String(form.get("confirmPassword") ?? "") });
    if (result.ok) router.replace("/login?passwordChanged=1");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      <FormAlert error={reset.error} />
      <Field id="reset-new" label={t("new")} hint={t("newHint")} errors={err("newPassword")}>
        <Input
          id="reset-new"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          aria-invalid={!!err("newPassword")}
          aria-describedby={describedBy("reset-new", err("newPassword"), true)}
        />
      </Field>
      <Field id="reset-confirm" label={t("confirm")} errors={err("confirmPassword")}>
        <Input
          id="reset-confirm"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!err("confirmPassword")}
          aria-describedby={describedBy("reset-confirm", err("confirmPassword"))}
        />
      </Field>
      <Button type="submit" variant="primary" className="w-full" disabled={reset.pending || reset.result?.ok === true}>
        {reset.pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
