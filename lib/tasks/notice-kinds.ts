import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";
import { PRIORITIES } from "@/lib/org/vocabulary";

export const TASK_NOTICE_KINDS = [
  "assigned",
  "unassigned",
  "reassigned",
  "completed",
  "awaitingAcceptance",
  "returned",
  "accepted",
  "cancelled",
  "reopened",
] as const;
export type TaskNoticeKind = (typeof TASK_NOTICE_KINDS)[number];

/** What a change to a task says, whoever reads it and in whatever language. */
export const taskNoticePayload = z.object({
  taskId: z.string().min(1),
  taskNumber: z.number().int(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  version: z.number().int(),
  /** Names as they were when the change happened. */
  actor: z.string(),
  assignee: z.string().optional(),
  previous: z.string().optional(),
  comment: z.string().optional(),
  dueAt: z.iso.datetime().optional(),
});
export type TaskNoticePayload = z.output<typeof taskNoticePayload>;

/** The assignee reads the due moment where it decides the work: a new or returned task. */
const SAYS_DUE: ReadonlySet<TaskNoticeKind> = new Set(["assigned", "returned"]);

/** The assignee's comment on these is the result note: it reads as such, and an SMS carries it when it fits. */
const IS_RESULT: ReadonlySet<TaskNoticeKind> = new Set(["completed", "awaitingAcceptance"]);

/** In an SMS the person handing work over is "from" them; the one who closed or changed it acted "by". */
const SMS_FROM: ReadonlySet<TaskNoticeKind> = new Set(["assigned", "awaitingAcceptance", "returned"]);
/** Handed over: who has it now matters more than who handed it. */
const SMS_HANDED_OVER: ReadonlySet<TaskNoticeKind> = new Set(["unassigned", "reassigned"]);

function taskKind<const N extends TaskNoticeKind>(name: N) {
  return defineKind({
    key: `task.${name}`,
    payload: taskNoticePayload,
    area: "task",
    opens: "task",
    link: (p) => `/tasks/${p.taskId}`,
    smsLink: (p) => `/t/${p.taskNumber}`,
    routing: { priority: (p) => p.priority },
    // The version makes each change notify once, however often the command is retried.
    dedupeKey: (p, recipientId) => `task:${p.taskId}:v${p.version}:${name}:${recipientId}`,
    about: (p) => p.taskId,
    dueAt: (p) => p.dueAt,
    inApp(p, { t, when }) {
      const kind: TaskNoticeKind = name;
      const values = {
        number: p.taskNumber,
        title: p.title,
        actor: p.actor,
        assignee: p.assignee ?? "",
        previous: p.previous ?? "",
        comment: p.comment ?? "",
        due: p.dueAt ? when(p.dueAt) : "",
      };
      const lines = [t(`tasks.notice.${kind}.body`, values)];
      if (p.dueAt && SAYS_DUE.has(kind)) lines.push(t("tasks.notice.dueLine", values));
      if (p.comment) lines.push(t(IS_RESULT.has(kind) ? "tasks.notice.resultLine" : "tasks.notice.commentLine", values));
      return { title: t(`tasks.notice.${kind}.title`, values), body: lines.join("\n") };
    },
    sms(p, { t, when, name: short }) {
      const kind: TaskNoticeKind = name;
      const who = SMS_HANDED_OVER.has(kind)
        ? t("sms.now", { name: short(p.assignee ?? "") })
        : t(SMS_FROM.has(kind) ? "sms.from" : "sms.by", { name: short(p.actor) });
      return {
        what: t(`sms.task.${kind}`, { number: p.taskNumber }),
        who,
        when: p.dueAt && SAYS_DUE.has(kind) ? t("sms.due", { due: when(p.dueAt) }) : undefined,
        title: p.title,
        note: p.comment && IS_RESULT.has(kind) ? t("sms.resultNote", { note: p.comment }) : undefined,
      };
    },
  });
}

export const taskNoticeKinds = [
  taskKind("assigned"),
  taskKind("unassigned"),
  taskKind("reassigned"),
  taskKind("completed"),
  taskKind("awaitingAcceptance"),
  taskKind("returned"),
  taskKind("accepted"),
  taskKind("cancelled"),
  taskKind("reopened"),
] as const;
