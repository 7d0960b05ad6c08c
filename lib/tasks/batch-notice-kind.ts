import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";
import { PRIORITIES } from "@/lib/org/vocabulary";
import { TASK_NOTICE_KINDS } from "./notice-kinds";
import { TASK_STATUSES } from "./schema";

/** What one task of a bulk action did for the reader: the kind its own notice would have had. */
const batchLine = z.object({
  kind: z.enum([...TASK_NOTICE_KINDS, "watchedStatus"]),
  taskId: z.string().min(1),
  taskNumber: z.number().int(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  version: z.number().int(),
  assignee: z.string().optional(),
  previous: z.string().optional(),
  to: z.enum(TASK_STATUSES).optional(),
});
export type BatchLine = z.output<typeof batchLine>;

const batchPayload = z.object({
  batchKey: z.string().min(1),
  actor: z.string(),
  /** The most urgent of the tasks: it decides the channels. */
  priority: z.enum(PRIORITIES),
  lines: z.array(batchLine).min(2),
});

/**
 * One notice for the several tasks a bulk action changed for one reader (lib/tasks/notice-batch.ts):
 * a line per task saying what happened to it, routed by the most urgent of them.
 */
export const batchNoticeKinds = [
  defineKind({
    key: "task.batch",
    payload: batchPayload,
    area: "task",
    opens: "task",
    // A delegator told their tasks moved follows them up on Delegated; everyone else has them in My tasks.
    link: (p) => (p.lines.every((l) => l.kind === "reassigned") ? "/tasks/delegated" : "/tasks"),
    routing: { priority: (p) => p.priority },
    dedupeKey: (p, recipientId) => `tasks:batch:${p.batchKey}:${recipientId}`,
    about: (p) => `batch:${p.batchKey}`,
    inApp(p, { t }) {
      const lines = p.lines.map((l) => {
        const values = {
          number: l.taskNumber,
          title: l.title,
          assignee: l.assignee ?? "",
          previous: l.previous ?? "",
          to: l.to ? t(`tasks.status.${l.to}`) : "",
        };
        return t("tasks.notice.batch.line", { ...values, what: t(`tasks.notice.batch.what.${l.kind}`, values) });
      });
      return {
        title: t("tasks.notice.batch.title", { actor: p.actor, count: p.lines.length }),
        body: [t("tasks.notice.batch.body", { actor: p.actor, count: p.lines.length }), ...lines].join("\n"),
      };
    },
    sms(p, { t, name }) {
      return {
        what: t("sms.task.batch", { number: p.lines[0]!.taskNumber, more: p.lines.length - 1 }),
        who: t("sms.by", { name: name(p.actor) }),
      };
    },
  }),
] as const;
