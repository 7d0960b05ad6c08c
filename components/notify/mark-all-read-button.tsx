"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { markAllNotificationsReadAction } from "@/lib/notify/actions";

export function MarkAllReadButton() {
  const t = useTranslations("inbox");
  const router = useRouter();
  const { run, pending } = useAction(markAllNotificationsReadAction, () => router.refresh());
  return (
    <Button size="sm" disabled={pending} onClick={() => void run({})}>
      {t("markAllRead")}
    </Button>
  );
}
