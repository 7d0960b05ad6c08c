import { z } from "zod";
import { defineKind, type NoticeContext, type SmsContext } from "@/lib/notify/kinds";
import { CHANNELS, PRIORITIES } from "@/lib/org/vocabulary";

/** What a timeline moment of a task says: a reminder, an overdue notice, an escalation. */
export const momentNoticePayload = z.object({
  taskId: z.string().min(1),
  taskNumber: z.number().int(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  /** The moment's key: one notification per moment, however many runs reach it. */
  momentKey: z.string().min(1),
  momentAt: z.iso.datetime(),
  /** The channel the reminder was asked for; none: the recipient's routing decides. */
  channel: z.enum(CHANNELS).nullable(),
  assignee: z.string(),
  dueAt: z.iso.datetime().optional(),
});
export type MomentNoticePayload = z.output<typeof momentNoticePayload>;

const common = {
  area: "task",
  opens: "task",
  link: (p: MomentNoticePayload) => `/tasks/${p.taskId}`,
  smsLink: (p: MomentNoticePayload) => `/t/${p.taskNumber}`,
  routing: { priority: (p: MomentNoticePayload) => p.priority, channel: (p: MomentNoticePayload) => p.channel },
  dedupeKey: (p: MomentNoticePayload) => p.momentKey,
  about: (p: MomentNoticePayload) => p.taskId,
  dueAt: (p: MomentNoticePayload) => p.dueAt,
} as const;

function values(p: MomentNoticePayload, { when }: NoticeContext) {
  return { number: p.taskNumber, title: p.title, assignee: p.assignee, due: p.dueAt ? when(p.dueAt) : "" };
}

function smsDue(p: MomentNoticePayload, { t, when }: SmsContext): string | undefined {
  return p.dueAt ? t("sms.due", { due: when(p.dueAt) }) : undefined;
}

function withDue(p: MomentNoticePayload, context: NoticeContext, lines: string[]): string {
  if (p.dueAt) lines.push(context.t("reminders.notice.dueLine", values(p, context)));
  return lines.join("\n");
}

/** Reminder notifications are "reminder.*": the service worker offers snoozing for those. */
export const REMINDER_KIND = "reminder.task";

export const reminderNoticeKinds = [
  defineKind({
    ...common,
    key: REMINDER_KIND,
    area: "reminder",
    payload: momentNoticePayload.extend({ snoozed: z.boolean().optional() }),
    snoozable: true,
    inApp(p, context) {
      const { t } = context;
      const lines = [t("reminders.notice.reminder.body", values(p, context))];
      if (p.snoozed) lines.push(t("reminders.notice.reminder.snoozed"));
      return { title: t("reminders.notice.reminder.title", values(p, context)), body: withDue(p, context, lines) };
    },
    sms: (p, context) => ({ what: context.t("sms.reminder", { number: p.taskNumber }), when: smsDue(p, context), title: p.title }),
  }),
  defineKind({
    ...common,
    key: "task.overdue",
    payload: momentNoticePayload.extend({ audience: z.enum(["assignee", "delegator"]) }),
    inApp(p, context) {
      const { t } = context;
      const body =
        p.audience === "assignee"
          ? t("reminders.notice.overdue.assigneeBody", values(p, context))
          : t("reminders.notice.overdue.delegatorBody", values(p, context));
      return { title: t("reminders.notice.overdue.title", values(p, context)), body: withDue(p, context, [body]) };
    },
    sms: (p, context) => ({
      what: context.t("sms.overdue", { number: p.taskNumber }),
      who: p.audience === "delegator" ? context.t("sms.assigneeIs", { name: context.name(p.assignee) }) : undefined,
      when: smsDue(p, context),
      title: p.title,
    }),
  }),
  defineKind({
    ...common,
    key: "task.escalated",
    payload: momentNoticePayload.extend({ level: z.union([z.literal(1), z.literal(2)]) }),
    inApp(p, context) {
      const { t } = context;
      const lines = [t("reminders.notice.escalation.body", values(p, context))];
      if (p.level === 2) lines.push(t("reminders.notice.escalation.secondLevel"));
      return { title: t("reminders.notice.escalation.title", values(p, context)), body: withDue(p, context, lines) };
    },
    sms: (p, context) => ({
      what: context.t(p.level === 2 ? "sms.escalatedSecond" : "sms.escalated", { number: p.taskNumber }),
      who: context.t("sms.assigneeIs", { name: context.name(p.assignee) }),
      when: smsDue(p, context),
      title: p.title,
    }),
  }),
] as const;
