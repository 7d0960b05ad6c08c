import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";
import { PRIORITIES } from "@/lib/org/vocabulary";

/** A case handed to its new owner. */
export const caseAssignedPayload = z.object({
  caseId: z.string().min(1),
  caseNumber: z.number().int(),
  title: z.string(),
  client: z.string(),
  priority: z.enum(PRIORITIES),
  actor: z.string(),
  /** When it was assigned: a later assignment to the same person is a new notice. */
  assignedAt: z.iso.datetime(),
  dueAt: z.iso.datetime().optional(),
});
export type CaseAssignedPayload = z.output<typeof caseAssignedPayload>;

export const caseNoticeKinds = [
  defineKind({
    key: "case.assigned",
    payload: caseAssignedPayload,
    area: "case",
    opens: "case",
    link: (p) => `/cases/${p.caseId}`,
    smsLink: (p) => `/c/${p.caseNumber}`,
    routing: { priority: (p) => p.priority },
    dedupeKey: (p, recipientId) => `case:${p.caseId}:assigned:${recipientId}:${p.assignedAt}`,
    about: (p) => p.caseId,
    dueAt: (p) => p.dueAt,
    inApp(p, { t, when }) {
      const values = { number: p.caseNumber, title: p.title, actor: p.actor, client: p.client, due: p.dueAt ? when(p.dueAt) : "" };
      const lines = [t("crm.notice.assigned.body", values)];
      if (p.dueAt) lines.push(t("crm.notice.assigned.dueLine", values));
      return { title: t("crm.notice.assigned.title", values), body: lines.join("\n") };
    },
    sms: (p, { t, when, name }) => ({
      what: t("sms.caseAssigned", { number: p.caseNumber }),
      who: t("sms.from", { name: name(p.actor) }),
      when: p.dueAt ? t("sms.due", { due: when(p.dueAt) }) : undefined,
      title: t("sms.caseTitle", { client: p.client, title: p.title }),
    }),
  }),
] as const;
