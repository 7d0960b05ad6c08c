"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { unsubscribeFromPushAction } from "@/lib/notify/actions";

export function RemoveDeviceButton({ endpoint, label }: { endpoint: string; label: string }) {
  const t = useTranslations("notifySettings");
  const router = useRouter();
  const { run, pending } = useAction(unsubscribeFromPushAction, () => router.refresh());
  return (
    <Button size="sm" variant="ghost" disabled={pending} aria-label={`${t("remove")}: ${label}`} onClick={() => void run({ endpoint })}>
      {t("remove")}
    </Button>
  );
}
