"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SaveRow } from "./save-row";
import { useAction } from "@/components/ui/use-action";
import { saveOrganizationDefaultsAction } from "@/lib/notify/actions";
import type { ChannelMatrix } from "@/lib/notify/routing";
import { MatrixEditor } from "./matrix-editor";

export function OrganizationDefaultsForm({ initial }: { initial: ChannelMatrix }) {
  const t = useTranslations("notifySettings");
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
      <SaveRow pending={pending} error={error} saved={!!result?.ok} savedText={t("orgSaved")} />
    </form>
  );
}
