"use client";

import type { FormEvent } from "react";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { requestPasswordResetAction } from "@/lib/auth/actions";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const ta = useTranslations("auth");
  const request = useAction(requestPasswordResetAction);
  const sent = request.result?.ok === true;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void request.run({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
  }

  return (
    <div className="space-y-3">
      {sent ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("sent")}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
          <FormAlert error={request.errorsFor("email") ? undefined : request.error} />
          <Field id="forgot-email" label={ta("email")} errors={request.errorsFor("email")}>
            <Input
              id="forgot-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              aria-invalid={!!request.errorsFor("email")}
              aria-describedby={describedBy("forgot-email", request.errorsFor("email"))}
            />
          </Field>
          <Button type="submit" variant="primary" className="w-full" disabled={request.pending}>
            {request.pending ? t("sending") : t("submit")}
          </Button>
        </form>
      )}
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </div>
  );
}
