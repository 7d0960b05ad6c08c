import { clsx } from "clsx";
import { AlarmClock, ArrowUpRight, BellRing, CircleAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import { Card } from "@/components/ui/card";
import type { TaskTimelineView, TimelineRow } from "@/lib/reminders/queries";

const ICON = { reminder: BellRing, overdue: CircleAlert, escalation: ArrowUpRight } as const;
const TONE = { reminder: "text-brand-600", overdue: "text-red-600", escalation: "text-amber-600" } as const;

/**
 * The task page's "Reminders and escalation": what will be sent, what was, and where escalation stands.
 * `awaitingAcceptanceBy`: the task waits for this person's check, so nothing is sent for now but it is not closed.
 */
export async function TaskTimelineCard({ view, awaitingAcceptanceBy }: { view: TaskTimelineView; awaitingAcceptanceBy?: string }) {
  const t = await getTranslations("reminders.section");
  const tc = await getTranslations("tasks.channels");
  const formatInstant = await getInstantFormat();
  const { escalation } = view;

  const what = (row: Pick<TimelineRow, "kind" | "snoozed" | "level">) =>
    row.kind === "reminder"
      ? row.snoozed
        ? t("kind.snooze")
        : t("kind.reminder")
      : row.kind === "overdue"
        ? t("kind.overdue")
        : t("kind.escalation", { level: String(row.level ?? 1) });
  const channel = (c: string | null) => (c ? tc(c as "email") : t("auto"));

  let state: { tone: "ok" | "late" | "up"; text: string };
  if (escalation.escalated.length) {
    const last = escalation.escalated[escalation.escalated.length - 1]!;
    state = { tone: "up", text: t("state.escalatedTo", { name: last.name, when: formatInstant(last.at) }) };
  } else if (escalation.overdueSince) {
    state = { tone: "late", text: t("state.overdueSince", { since: formatInstant(escalation.overdueSince) }) };
  } else {
    state = { tone: "ok", text: t("state.onTime") };
  }

  return (
    <Card title={t("title")}>
      <div className="space-y-4" data-testid="task-timeline">
        {view.hasDue && !view.finished ? (
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span className="text-xs font-medium text-slate-500">{t("state.label")}</span>
            <span
              className={clsx(
                "rounded px-1.5 py-0.5 text-xs font-semibold",
                state.tone === "ok" && "bg-emerald-50 text-emerald-700",
                state.tone === "late" && "bg-red-50 text-red-700",
                state.tone === "up" && "bg-amber-100 text-amber-800",
              )}
              data-escalation-state={state.tone}
            >
              {state.text}
            </span>
            {escalation.escalated.length > 1 ? (
              <span className="text-xs text-slate-600">
                {escalation.escalated
                  .slice(0, -1)
                  .map((e) => t("state.escalatedTo", { name: e.name, when: formatInstant(e.at) }))
                  .join(" · ")}
              </span>
            ) : null}
            {escalation.planned && !escalation.escalated.length ? (
              <span className="text-xs text-slate-500">
                {t("state.planned", { name: escalation.planned.name, when: formatInstant(escalation.planned.at) })}
              </span>
            ) : null}
            {escalation.noSupervisor ? <span className="text-xs text-slate-500">{t("state.noSupervisor")}</span> : null}
          </div>
        ) : null}
        {view.finished ? (
          <p className="text-sm text-slate-500">{awaitingAcceptanceBy ? t("awaitingAcceptance", { name: awaitingAcceptanceBy }) : t("finished")}</p>
        ) : null}
        {!view.hasDue && !view.finished ? <p className="text-xs text-slate-500">{t("noDue")}</p> : null}
        {view.usesDefaults ? <p className="text-xs text-slate-500">{t("defaults")}</p> : null}

        <div className="grid gap-4 md:grid-cols-2">
          <MomentList title={t("upcoming")} empty={t("noneUpcoming")}>
            {view.upcoming.map((row) => (
              <MomentItem key={row.key} row={row} what={what(row)} when={formatInstant(row.at)} channel={channel(row.channel)} />
            ))}
          </MomentList>
          <MomentList title={t("sent")} empty={t("noneSent")}>
            {view.sent.map((row) => (
              <MomentItem key={row.key} row={row} what={what(row)} when={formatInstant(row.firedAt)} channel={channel(row.channel)} sent />
            ))}
          </MomentList>
        </div>
      </div>
    </Card>
  );
}

function MomentList({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section>
      <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">{children}</ul>
      ) : (
        <p className="text-xs text-muted">{empty}</p>
      )}
    </section>
  );
}

function MomentItem({ row, what, when, channel, sent = false }: { row: TimelineRow; what: string; when: string; channel: string; sent?: boolean }) {
  const Icon = row.snoozed ? AlarmClock : ICON[row.kind];
  return (
    <li className={clsx("flex items-start gap-2 px-2.5 py-1.5 text-sm", sent && "bg-slate-50/60")} data-moment={row.kind} data-sent={sent || undefined}>
      <Icon aria-hidden className={clsx("mt-0.5 h-3.5 w-3.5 shrink-0", TONE[row.kind])} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="truncate font-medium text-slate-800">{what}</span>
          <time className="shrink-0 text-xs text-slate-600 tabular-nums">{when}</time>
        </div>
        <div className="truncate text-xs text-slate-500">
          {row.recipientName} · {channel}
        </div>
      </div>
    </li>
  );
}
