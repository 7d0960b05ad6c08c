"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SaveRow } from "./save-row";
import { useAction } from "@/components/ui/use-action";
import { saveSmsSettingsAction } from "@/lib/notify/actions";

/** Admin → Notifications: whether SMS go without Polish letters (GSM-7, 160 characters a segment). */
export function SmsSettingsForm({ initial }: { initial: { gsm7: boolean } }) {
  const t = useTranslations("sms.admin");
  const [gsm7, setGsm7] = useState(initial.gsm7);
  const { run, pending, error, result } = useAction(saveSmsSettingsAction);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ gsm7 });
      }}
    >
      <div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="gsm7" checked={gsm7} onChange={(e) => setGsm7(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
          {t("gsm7")}
        </label>
        <p className="mt-0.5 text-xs text-slate-600">{t("gsm7Help")}</p>
      </div>
      <SaveRow pending={pending} error={error} saved={!!result?.ok} savedText={t("saved")} />
    </form>
  );
}
