"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { sendPhoneCodeAction, verifyPhoneAction } from "@/lib/org/actions";

/** Proves the number on the profile by a code sent to it: until then no SMS notice goes there. */
export function PhoneVerification({ phone, verified }: { phone: string | null; verified: boolean }) {
  const t = useTranslations("settings.phoneVerification");
  const router = useRouter();
  const [sent, setSent] = useState(false);
  const [done, setDone] = useState(false);
  const send = useAction(sendPhoneCodeAction);
  const verify = useAction(verifyPhoneAction);

  async function onSend() {
    verify.reset();
    const result = await send.run({});
    if (result.ok) setSent(true);
  }

  async function onVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const result = await verify.run({ code });
    if (!result.ok) return;
    setDone(true);
    router.refresh();
  }

  return (
    <Card title={t("title")}>
      {!phone ? (
        <p className="text-sm text-slate-600">{t("noPhone")}</p>
      ) : verified ? (
        <div className="space-y-2">
          <Badge tone="green">{t("badge")}</Badge>
          <p className="text-sm text-slate-700">{t("verified", { phone })}</p>
          <SavedNote show={done}>{t("done")}</SavedNote>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t("unverified", { phone })}</p>
          {/* A wrong code shows under its field; the alert is for everything else. */}
          <FormAlert error={send.error ?? (verify.errorsFor("code") ? undefined : verify.error)} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" onClick={onSend} disabled={send.pending}>
              {send.pending ? t("sending") : sent ? t("resend") : t("send")}
            </Button>
            {sent && !send.error ? (
              <p role="status" className="text-sm text-slate-600">
                {t("sent", { phone })}
              </p>
            ) : null}
          </div>
          {sent ? (
            <form onSubmit={onVerify} noValidate className="flex flex-wrap items-end gap-3" aria-label={t("title")}>
              <Field id="phone-code" label={t("code")} errors={verify.errorsFor("code")}>
                <Input
                  id="phone-code"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  className="w-32 tracking-widest"
                  aria-invalid={!!verify.errorsFor("code")}
                  aria-describedby={describedBy("phone-code", verify.errorsFor("code"))}
                />
              </Field>
              <Button type="submit" variant="primary" disabled={verify.pending}>
                {verify.pending ? t("verifying") : t("verify")}
              </Button>
            </form>
          ) : null}
        </div>
      )}
    </Card>
  );
}
