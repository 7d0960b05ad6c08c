import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";
import { PRIORITIES } from "@/lib/org/vocabulary";

const caseFacts = {
  caseId: z.string().min(1),
  caseNumber: z.number().int(),
  title: z.string(),
  client: z.string(),
  priority: z.enum(PRIORITIES),
  /** Who made the change, by name as it was then. */
  actor: z.string(),
  /** When it was assigned: a later assignment to the same person is a new notice. */
  assignedAt: z.iso.datetime(),
};

/** A case handed to its new owner: a new case, or, with `previous`, one taken over from that person. */
export const caseAssignedPayload = z.object({
  ...caseFacts,
  previous: z.string().optional(),
  dueAt: z.iso.datetime().optional(),
});
export type CaseAssignedPayload = z.output<typeof caseAssignedPayload>;

/** A case taken off its owner and handed to `owner`. */
export const caseUnassignedPayload = z.object({ ...caseFacts, owner: z.string() });
export type CaseUnassignedPayload = z.output<typeof caseUnassignedPayload>;

// The texts never end a sentence with a name: client names end with a full stop often ("sp. z o.o."),
// so names stand after a label on their own line ("Client: Hotel sp. z o.o.").

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
      const values = { number: p.caseNumber, title: p.title, actor: p.actor, previous: p.previous ?? "", client: p.client, due: p.dueAt ? when(p.dueAt) : "" };
      const handedOver = p.previous !== undefined;
      const lines = handedOver
        ? [t("crm.notice.handedToYou.body"), t("crm.notice.byLine", values), t("crm.notice.previousLine", values)]
        : [t("crm.notice.assigned.body", values)];
      lines.push(t("crm.notice.clientLine", values));
      if (p.dueAt) lines.push(t("crm.notice.dueLine", values));
      return { title: t(handedOver ? "crm.notice.handedToYou.title" : "crm.notice.assigned.title", values), body: lines.join("\n") };
    },
    sms: (p, { t, when, name }) => ({
      what: t(p.previous !== undefined ? "sms.case.handedToYou" : "sms.case.assigned", { number: p.caseNumber }),
      who: t("sms.from", { name: name(p.actor) }),
      when: p.dueAt ? t("sms.due", { due: when(p.dueAt) }) : undefined,
      title: t("sms.caseTitle", { client: p.client, title: p.title }),
    }),
  }),
  defineKind({
    key: "case.unassigned",
    payload: caseUnassignedPayload,
    area: "case",
    opens: "case",
    link: (p) => `/cases/${p.caseId}`,
    smsLink: (p) => `/c/${p.caseNumber}`,
    routing: { priority: (p) => p.priority },
    dedupeKey: (p, recipientId) => `case:${p.caseId}:unassigned:${recipientId}:${p.assignedAt}`,
    about: (p) => p.caseId,
    inApp(p, { t }) {
      const values = { number: p.caseNumber, title: p.title, actor: p.actor, owner: p.owner, client: p.client };
      const lines = [t("crm.notice.unassigned.body"), t("crm.notice.ownerLine", values), t("crm.notice.byLine", values), t("crm.notice.clientLine", values)];
      return { title: t("crm.notice.unassigned.title", values), body: lines.join("\n") };
    },
    sms: (p, { t, name }) => ({
      what: t("sms.case.handedOver", { number: p.caseNumber }),
      who: t("sms.now", { name: name(p.owner) }),
      title: t("sms.caseTitle", { client: p.client, title: p.title }),
    }),
  }),
] as const;
