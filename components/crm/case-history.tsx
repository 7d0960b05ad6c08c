import { ArrowRight, Pencil, Plus, RefreshCw, UserRoundPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { CaseKind, CaseStatus, Priority } from "@/lib/crm/case-states";
import type { CaseHistoryField } from "@/lib/crm/case-history";
import type { CaseHistoryEntry } from "@/lib/crm/queries";

const ICON = { created: Plus, changed: Pencil, status: RefreshCw, reassigned: UserRoundPlus } as const;

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
    }
  };

  if (!entries.length) return <p className="text-sm text-slate-500">{t("history.none")}</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5">
      {entries.map((e) => {
        const Icon = ICON[e.kind];
        const showValues = e.kind !== "created" && (e.oldValue !== null || e.newValue !== null);
        return (
          <li key={e.id} className="relative">
            <span
              aria-hidden
              className="absolute top-0.5 -left-[29px] flex h-[18px] w-[18px] items-center justify-center rounded-full bg-slate-100 text-slate-600 ring-4 ring-white"
            >
              <Icon className="h-3 w-3" />
            </span>
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium text-slate-900">{e.actor ?? t("history.unknownActor")}</span>
              <span className="text-slate-600">{what(e)}</span>
              <time dateTime={e.createdAt.toISOString()} className="ml-auto text-xs text-slate-500 tabular-nums">
                {formatInstant(e.createdAt)}
              </time>
            </div>
            {showValues ? (
              <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 whitespace-pre-line text-slate-600 line-through decoration-slate-400">
                  {value(e.field, e.oldValue)}
                </span>
                <ArrowRight aria-label="→" className="h-3 w-3 text-muted" />
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium whitespace-pre-line text-slate-800">{value(e.field, e.newValue)}</span>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
