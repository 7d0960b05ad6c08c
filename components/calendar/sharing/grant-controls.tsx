"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { grantCalendarAccessAction, revokeCalendarAccessAction } from "@/lib/calendar/actions";

/** One given grant's switches and its "Take back" button; each change acts at once. */
export function GrantControls({ granteeId, name, canEdit, canSeePrivate }: { granteeId: string; name: string; canEdit: boolean; canSeePrivate: boolean }) {
  const t = useTranslations("settings.calendarSharing");
  const grant = useAction(grantCalendarAccessAction);
  const revoke = useAction(revokeCalendarAccessAction);
  const pending = grant.pending || revoke.pending;
  const error = grant.errorsFor("canEdit")?.join(" ") ?? grant.error ?? revoke.error;
  const change = (next: { canEdit: boolean; canSeePrivate: boolean }) => {
    // Both off is no grant at all: take it back.
    if (!next.canEdit && !next.canSeePrivate) void revoke.run({ granteeId });
    else void grant.run({ granteeId, ...next });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <label className="inline-flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={canEdit}
          disabled={pending}
          onChange={(e) => change({ canEdit: e.target.checked, canSeePrivate })}
          aria-label={t("canEditOf", { name })}
          className="size-4 rounded border-slate-300"
        />
        {t("canEdit")}
      </label>
      <label className="inline-flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={canSeePrivate}
          disabled={pending}
          onChange={(e) => change({ canEdit, canSeePrivate: e.target.checked })}
          aria-label={t("canSeePrivateOf", { name })}
          className="size-4 rounded border-slate-300"
        />
        {t("canSeePrivate")}
      </label>
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => void revoke.run({ granteeId })} aria-label={t("revokeOf", { name })}>
        {t("revoke")}
      </Button>
      {error ? (
        <p role="alert" className="basis-full text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
