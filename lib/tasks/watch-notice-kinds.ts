import { z } from "zod";
import { defineKind, type NoticeContext } from "@/lib/notify/kinds";
import { TASK_STATUSES } from "./schema";
import { taskNoticePayload, type TaskNoticePayload } from "./notice-kinds";

/**
 * What a watcher or a mentioned person hears of a task: a status change, a new comment, a
 * mention. Unlike the assignee's and the delegator's notices these are routed on their own
 * (in-app unless the reader chose more in their notification settings), whatever the priority.
 */
export const WATCH_NOTICE_KINDS = ["watchedStatus", "watchedComment", "mentioned"] as const;
export type WatchNoticeKind = (typeof WATCH_NOTICE_KINDS)[number];

const statusPayload = taskNoticePayload.extend({ from: z.enum(TASK_STATUSES), to: z.enum(TASK_STATUSES) });
/** `comment` holds the comment's first words with mentions already as names; `commentId` keys one notice per comment. */
const commentPayload = taskNoticePayload.extend({ commentId: z.number().int().positive(), comment: z.string() });

function common<N extends WatchNoticeKind>(name: N) {
  return {
    key: `task.${name}` as const,
    area: "task" as const,
    opens: "task" as const,
    link: (p: TaskNoticePayload) => `/tasks/${p.taskId}`,
    smsLink: (p: TaskNoticePayload) => `/t/${p.taskNumber}`,
    routing: { priority: (p: TaskNoticePayload) => p.priority },
    about: (p: TaskNoticePayload) => p.taskId,
  };
}

function commentTexts(name: "watchedComment" | "mentioned") {
  return {
    inApp(p: z.output<typeof commentPayload>, { t }: NoticeContext) {
      const values = { number: p.taskNumber, title: p.title, actor: p.actor, comment: p.comment };
      return { title: t(`tasks.notice.${name}.title`, values), body: t(`tasks.notice.${name}.body`, values) };
    },
  };
}

export const watchNoticeKinds = [
  defineKind({
    ...common("watchedStatus"),
    payload: statusPayload,
    ownChannels: [],
    // The version makes each change notify once, however often the command is retried.
    dedupeKey: (p, recipientId) => `task:${p.taskId}:v${p.version}:watchedStatus:${recipientId}`,
    inApp(p, { t }) {
      const values = { number: p.taskNumber, title: p.title, actor: p.actor, from: t(`tasks.status.${p.from}`), to: t(`tasks.status.${p.to}`) };
      return { title: t("tasks.notice.watchedStatus.title", values), body: t("tasks.notice.watchedStatus.body", values) };
    },
    sms(p, { t, name }) {
      return {
        what: t("tasks.notice.watchedStatus.sms", { number: p.taskNumber, to: t(`tasks.status.${p.to}`) }),
        who: t("sms.by", { name: name(p.actor) }),
        title: p.title,
      };
    },
  }),
  defineKind({
    ...common("watchedComment"),
    payload: commentPayload,
    ownChannels: [],
    dedupeKey: (p, recipientId) => `task:${p.taskId}:comment:${p.commentId}:watchedComment:${recipientId}`,
    ...commentTexts("watchedComment"),
    sms(p, { t, name }) {
      return { what: t("tasks.notice.watchedComment.sms", { number: p.taskNumber }), who: t("sms.by", { name: name(p.actor) }), title: p.title };
    },
  }),
  defineKind({
    ...common("mentioned"),
    payload: commentPayload,
    // Someone named you: it also goes by e-mail unless you choose otherwise.
    ownChannels: ["email"],
    dedupeKey: (p, recipientId) => `task:${p.taskId}:comment:${p.commentId}:mentioned:${recipientId}`,
    ...commentTexts("mentioned"),
    sms(p, { t, name }) {
      return { what: t("tasks.notice.mentioned.sms", { number: p.taskNumber }), who: t("sms.by", { name: name(p.actor) }), title: p.title };
    },
  }),
] as const;
