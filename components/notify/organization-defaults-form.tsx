"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { saveOrganizationDefaultsAction } from "@/lib/notify/actions";
import type { ChannelMatrix } from "@/lib/notify/routing";
import { MatrixEditor } from "./matrix-editor";

export function OrganizationDefaultsForm({ initial }: { initial: ChannelMatrix }) {
  const t = useTranslations("notifySettings");
  const tc = useTranslations("common");
  const [matrix, setMatrix] = useState(initial);
  const { run, pending, error, result } = useAction(saveOrganizationDefaultsAction);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ matrix });
      }}
    >
      <MatrixEditor value={matrix} onChange={setMatrix} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? tc("saving") : tc("save")}
        </Button>
        <p role="status" className="text-sm">
          {error ? <span className="text-red-700">{error}</span> : result?.ok ? <span className="text-emerald-700">{t("orgSaved")}</span> : null}
        </p>
      </div>
    </form>
  );
}
