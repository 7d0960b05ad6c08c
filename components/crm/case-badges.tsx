import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import type { CaseKind, CaseStatus } from "@/lib/crm/case-states";

/** Open work in cool colours, good outcomes green, the rest neutral. */
export const statusTone: Record<CaseStatus, Tone> = {
  new: "violet",
  in_progress: "blue",
  waiting: "amber",
  won: "green",
  resolved: "green",
  lost: "slate",
  closed: "slate",
};

/** `short` fits dense tables; the full name stays available as a tooltip and to screen readers. */
export function KindBadge({ kind, short = false }: { kind: CaseKind; short?: boolean }) {
  const t = useTranslations("crm");
  if (!short) return <Badge tone="slate">{t(`kind.${kind}`)}</Badge>;
  return (
    <span title={t(`kind.${kind}`)}>
      <Badge tone="slate">
        <span aria-hidden>{t(`kindShort.${kind}`)}</span>
        <span className="sr-only">{t(`kind.${kind}`)}</span>
      </Badge>
    </span>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations("crm.status");
  return <Badge tone={statusTone[status]}>{t(status)}</Badge>;
}

export function OverdueBadge() {
  const t = useTranslations("crm");
  return <Badge tone="red">{t("overdue")}</Badge>;
}
