"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { retireResourceAction } from "@/lib/resources/actions";

/**
 * Retires a resource. While it has bookings to come the first try is refused with their count,
 * and the admin then chooses to cancel them (their bookers are told) or to leave it for later.
 */
export function RetireButton({ resourceId, name }: { resourceId: string; name: string }) {
  const t = useTranslations("resources.admin");
  const router = useRouter();
  const retire = useAction(retireResourceAction, () => router.refresh());
  const hasFuture = retire.result && !retire.result.ok && retire.result.code === "conflict";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {hasFuture ? (
        <>
          <span role="alert" className="text-xs text-red-800">
            {retire.error}
          </span>
          <Button size="sm" variant="danger" disabled={retire.pending} onClick={() => void retire.run({ id: resourceId, futureBookings: "cancel" })}>
            {t("cancelAndRetire")}
          </Button>
          <Button size="sm" onClick={retire.reset}>
            {t("keep")}
          </Button>
        </>
      ) : (
        <Button
          size="sm"
          variant="danger"
          disabled={retire.pending}
          aria-label={t("retireNamed", { name })}
          onClick={() => void retire.run({ id: resourceId })}
        >
          {t("retire")}
        </Button>
      )}
      {retire.error && !hasFuture ? (
        <span role="alert" className="text-xs text-red-800">
          {retire.error}
        </span>
      ) : null}
    </div>
  );
}
