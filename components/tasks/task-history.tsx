import { AttachmentList, type ListedAttachment } from "@/components/files/attachment-list";
import { Check, MessageSquare, Paperclip, Pencil, Plus, RefreshCw, Undo2, UserRoundPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { HistoryTimeline } from "@/components/ui/history-timeline";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { HistoryEntry } from "@/lib/tasks/queries";
import type { Priority, TaskStatus } from "@/lib/tasks/schema";
import { mentionSegments } from "@/lib/tasks/mention-text";
import { describeTaskRepeat, type TaskRepeatTranslator } from "@/lib/tasks/repeat-words";
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
  attachment: Paperclip,
} as const;

/** The dot's colours of the entries that stand out; the others are grey. */
const TONE: Partial<Record<HistoryEntry["kind"], string>> = {
  comment: "bg-brand-100 text-brand-700",
  returned: "bg-red-100 text-red-700",
  accepted: "bg-emerald-100 text-emerald-700",
};

/** The assignee's note kept with the status change that finished the task. */
const isResultNote = (e: HistoryEntry) => e.kind === "status" && (e.newValue === "done" || e.newValue === "awaiting_acceptance");

/** The task's history and comments as one timeline: who, when, which field, old → new. */
export async function TaskHistory({
  entries,
  mentionNames = new Map(),
  commentFiles = new Map(),
}: {
  entries: HistoryEntry[];
  mentionNames?: ReadonlyMap<string, string>;
  /** Each comment's attached files, by the comment's id. */
  commentFiles?: ReadonlyMap<number, ListedAttachment[]>;
}) {
  const t = await getTranslations("tasks");
  const tf = await getTranslations("files");
  const tp = await getTranslations("common.priority");
  const formatInstant = await getInstantFormat();
  const repeatWords = (await getTranslations("tasks.form.repeat")) as unknown as TaskRepeatTranslator;

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
      case "progressFollowsChecklist":
        return raw === "true" ? t("checklist.on") : t("checklist.off");
      case "repeat":
        return describeTaskRepeat(JSON.parse(raw) as Parameters<typeof describeTaskRepeat>[0], repeatWords);
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
      case "attachment":
        return e.field === "removed" ? t("history.fileRemoved", { name: e.oldValue ?? "" }) : t("history.fileAdded", { name: e.newValue ?? "" });
    }
  };

  if (!entries.length) return <p className="text-sm text-slate-500">{t("comments.empty")}</p>;
  return (
    <HistoryTimeline
      items={entries.map((e) => ({
        id: e.id,
        icon: ICON[e.kind],
        tone: TONE[e.kind],
        actor: e.actor ?? t("history.unknownActor"),
        what: what(e),
        at: e.createdAt,
        atLabel: formatInstant(e.createdAt),
        change:
          e.kind !== "created" && e.kind !== "comment" && e.kind !== "attachment" && (e.oldValue !== null || e.newValue !== null)
            ? { from: value(e.field, e.oldValue), to: value(e.field, e.newValue) }
            : null,
        extra: e.comment ? (
          <>
            <p className="mt-1 rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm whitespace-pre-line text-slate-800">
              {isResultNote(e) ? <span className="block text-xs font-medium text-slate-600">{t("history.resultNote")}</span> : null}
              {e.kind === "comment" ? <CommentText text={e.comment} names={mentionNames} unknown={t("history.someone")} /> : e.comment}
            </p>
            {commentFiles.get(e.id)?.length ? <AttachmentList files={commentFiles.get(e.id)!} label={tf("commentListLabel")} /> : null}
          </>
        ) : null,
      }))}
    />
  );
}

/** A comment with each mention as "@Name" (React escapes the name: it is text, never markup). */
function CommentText({ text, names, unknown }: { text: string; names: ReadonlyMap<string, string>; unknown: string }) {
  return mentionSegments(text).map((segment, i) =>
    "text" in segment ? (
      segment.text
    ) : (
      <span key={i} className="font-medium text-brand-700">
        @{names.get(segment.userId) ?? unknown}
      </span>
    ),
  );
}
