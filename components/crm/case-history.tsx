import { Paperclip, Pencil, Plus, RefreshCw, UserRoundPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { HistoryTimeline } from "@/components/ui/history-timeline";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { CaseKind, CaseStatus, Priority } from "@/lib/crm/case-states";
import type { CaseHistoryField } from "@/lib/crm/case-history";
import type { CaseHistoryEntry } from "@/lib/crm/queries";

const ICON = { created: Plus, changed: Pencil, status: RefreshCw, reassigned: UserRoundPlus, attachment: Paperclip } as const;

/** Who changed what on a case and when, oldest first, in the viewer's language, zone and date format. */
export async function CaseHistory({ entries }: { entries: CaseHistoryEntry[] }) {
  const t = await getTranslations("crm");
  const tp = await getTranslations("common.priority");
  const formatInstant = await getInstantFormat();

  const value = (field: string | null, raw: string | null): string => {
    if (raw === null || raw === "") return t("history.empty");
    switch (field) {
      case "dueAt":
        return formatInstant(new Date(raw));
      case "priority":
        return tp(raw as Priority);
      case "status":
        return t(`status.${raw as CaseStatus}`);
      case "kind":
        return t(`kind.${raw as CaseKind}`);
      default:
        return raw;
    }
  };

  const what = (e: CaseHistoryEntry): string => {
    switch (e.kind) {
      case "created":
        return t("history.created", { owner: e.newValue ?? "" });
      case "changed":
        return t("history.changed", { field: t(`history.fields.${(e.field ?? "title") as CaseHistoryField}`) });
      case "status":
      case "reassigned":
        return t(`history.${e.kind}`);
      case "attachment":
        return e.field === "removed" ? t("history.fileRemoved", { name: e.oldValue ?? "" }) : t("history.fileAdded", { name: e.newValue ?? "" });
    }
  };

  if (!entries.length) return <p className="text-sm text-slate-500">{t("history.none")}</p>;
  return (
    <HistoryTimeline
      preLineValues
      items={entries.map((e) => ({
        id: e.id,
        icon: ICON[e.kind],
        actor: e.actor ?? t("history.unknownActor"),
        what: what(e),
        at: e.createdAt,
        atLabel: formatInstant(e.createdAt),
        change:
          e.kind !== "created" && e.kind !== "attachment" && (e.oldValue !== null || e.newValue !== null)
            ? { from: value(e.field, e.oldValue), to: value(e.field, e.newValue) }
            : null,
      }))}
    />
  );
}
