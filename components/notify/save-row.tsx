"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The notification settings forms' last row: Save (Saving… while it goes) and, announced, the error or the saved note. */
export function SaveRow({ pending, error, saved, savedText }: { pending: boolean; error?: string | null; saved: boolean; savedText: string }) {
  const tc = useTranslations("common");
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
      <p role="status" className="text-sm">
        {error ? <span className="text-red-700">{error}</span> : saved ? <span className="text-emerald-700">{savedText}</span> : null}
      </p>
    </div>
  );
}
