import { clsx } from "clsx";
import { ArrowRight, Check, MessageSquare, Pencil, Plus, RefreshCw, Undo2, UserRoundPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { HistoryEntry } from "@/lib/tasks/queries";
import type { Priority, TaskStatus } from "@/lib/tasks/schema";
import { offsetLabel } from "./reminder-drafts";

const ICON = {
  created: Plus,
  changed: Pencil,
  status: RefreshCw,
  progress: RefreshCw,
  reassigned: UserRoundPlus,
  returned: Undo2,
  accepted: Check,
  comment: MessageSquare,
} as const;

/** The assignee's note kept with the status change that finished the task. */
const isResultNote = (e: HistoryEntry) => e.kind === "status" && (e.newValue === "done" || e.newValue === "awaiting_acceptance");

/** The task's history and comments as one timeline: who, when, which field, old → new. */
export async function TaskHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = await getTranslations("tasks");
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
        return t(`status.${raw as TaskStatus}`);
      case "progress":
        return `${raw}%`;
      case "needsAcceptance":
        return raw === "true" ? t("detail.required") : t("detail.notRequired");
      case "reminders":
        return raw
          .split("; ")
          .map((part) => {
            const [when, channel] = part.split("@");
            const moment = when!.endsWith("m")
              ? t("detail.reminderBefore", { offset: offsetLabel(t, Number(when!.slice(0, -1))) })
              : formatInstant(new Date(when!));
            return channel ? t("detail.reminderVia", { when: moment, channel: t(`channels.${channel as "sms"}`) }) : moment;
          })
          .join(", ");
      default:
        return raw;
    }
  };

  const what = (e: HistoryEntry): string => {
    switch (e.kind) {
      case "created":
        return t("history.created", { assignee: e.newValue ?? "" });
      case "changed":
        return t("history.changed", { field: t(`history.fields.${(e.field ?? "title") as "title"}`) });
      case "status":
      case "progress":
      case "reassigned":
      case "returned":
      case "accepted":
      case "comment":
        return t(`history.${e.kind}`);
    }
  };

  if (!entries.length) return <p className="text-sm text-slate-500">{t("comments.empty")}</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5">
      {entries.map((e) => {
        const Icon = ICON[e.kind];
        const showValues = e.kind !== "created" && e.kind !== "comment" && (e.oldValue !== null || e.newValue !== null);
        return (
          <li key={e.id} className="relative">
            <span
              aria-hidden
              className={clsx(
                "absolute top-0.5 -left-[29px] flex h-[18px] w-[18px] items-center justify-center rounded-full ring-4 ring-white",
                e.kind === "comment"
                  ? "bg-brand-100 text-brand-700"
                  : e.kind === "returned"
                    ? "bg-red-100 text-red-700"
                    : e.kind === "accepted"
                      ? "bg-emerald-100 text-emerald-700"
                      : "bg-slate-100 text-slate-600",
              )}
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
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600 line-through decoration-slate-400">{value(e.field, e.oldValue)}</span>
                <ArrowRight aria-label="→" className="h-3 w-3 text-muted" />
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-800">{value(e.field, e.newValue)}</span>
              </div>
            ) : null}
            {e.comment ? (
              <p className="mt-1 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm whitespace-pre-line text-slate-800">
                {isResultNote(e) ? <span className="block text-xs font-medium text-slate-600">{t("history.resultNote")}</span> : null}
                {e.comment}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
