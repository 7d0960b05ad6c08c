"use client";

import { Eye, EyeOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { unwatchTaskAction, watchTaskAction } from "@/lib/tasks/actions";
import { useAnnounce } from "./task-action-status";

/**
 * Who watches the task, and Watch / Stop watching for the viewer. The assignee and the delegator
 * hear of the task anyway, so they are not offered it.
 */
export function TaskWatchers({
  taskId,
  watchers,
  viewerId,
  hearsAnyway,
}: {
  taskId: string;
  watchers: { id: string; name: string }[];
  viewerId: string;
  hearsAnyway: boolean;
}) {
  const t = useTranslations("tasks.watch");
  const router = useRouter();
  const announce = useAnnounce();
  const watching = watchers.some((w) => w.id === viewerId);
  const done = (data: { watching: boolean }) => {
    announce(t(data.watching ? "watched" : "unwatched"));
    router.refresh();
  };
  const watch = useAction(watchTaskAction, done);
  const unwatch = useAction(unwatchTaskAction, done);
  const error = watch.error ?? unwatch.error;
  return (
    <div className="space-y-3 text-sm">
      {watchers.length ? (
        <ul aria-label={t("listLabel")} className="space-y-0.5 text-slate-800">
          {watchers.map((w) => (
            <li key={w.id}>{w.id === viewerId ? t("you", { name: w.name }) : w.name}</li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-500">{t("none")}</p>
      )}
      {hearsAnyway && !watching ? (
        <p className="text-xs text-slate-500">{t("hearAnyway")}</p>
      ) : (
        <div className="space-y-1.5">
          <p className="text-xs text-slate-500">{t(watching ? "watching" : "notWatching")}</p>
          {watching ? (
            <Button type="button" size="sm" variant="secondary" disabled={unwatch.pending} onClick={() => void unwatch.run({ taskId })}>
              <EyeOff aria-hidden className="h-3.5 w-3.5" />
              {t("unwatch")}
            </Button>
          ) : (
            <Button type="button" size="sm" variant="secondary" disabled={watch.pending} onClick={() => void watch.run({ taskId })}>
              <Eye aria-hidden className="h-3.5 w-3.5" />
              {t("watch")}
            </Button>
          )}
        </div>
      )}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
