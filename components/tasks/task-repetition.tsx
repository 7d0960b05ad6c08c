import Link from "@/components/ui/link";
import { Repeat } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { TaskRepetition } from "@/lib/tasks/repeat-queries";
import { describeTaskRepeat, type TaskRepeatTranslator } from "@/lib/tasks/repeat-words";

/** The task page's "Repeats: …" line: the rule in words, when the next one comes, and the neighbouring instances. */
export async function TaskRepetitionLine({ repetition }: { repetition: TaskRepetition }) {
  const t = await getTranslations("tasks.detail");
  const words = await getTranslations("tasks.form.repeat");
  const formatInstant = await getInstantFormat();
  const rule = describeTaskRepeat(repetition.repeat, words as unknown as TaskRepeatTranslator);
  return (
    <>
      <dt className="text-xs font-medium text-slate-500">{t("repeatLabel")}</dt>
      <dd className="space-y-0.5 text-slate-800" data-testid="task-repetition">
        <p className="flex items-center gap-1.5">
          <Repeat aria-hidden className="h-3.5 w-3.5 text-slate-500" />
          {repetition.active ? t("repeatLine", { rule }) : <span className="text-slate-500 line-through">{t("repeatLine", { rule })}</span>}
        </p>
        <p className="text-xs text-slate-600">
          {!repetition.active
            ? t("repeatStopped")
            : repetition.nextAt
              ? t("repeatNext", { when: formatInstant(repetition.nextAt) })
              : repetition.repeat.kind === "afterCompletion"
                ? t("repeatWaits")
                : null}
        </p>
        <p className="flex flex-wrap gap-x-3 text-xs">
          {repetition.previous ? (
            <Link href={`/tasks/${repetition.previous.id}`} className="text-brand-700 hover:underline">
              {t("repeatPrevious", { number: repetition.previous.number })}
            </Link>
          ) : null}
          {repetition.next ? (
            <Link href={`/tasks/${repetition.next.id}`} className="text-brand-700 hover:underline">
              {t("repeatFollowing", { number: repetition.next.number })}
            </Link>
          ) : null}
          <span className="text-slate-600">{t("repeatCount", { count: repetition.count })}</span>
        </p>
      </dd>
    </>
  );
}
