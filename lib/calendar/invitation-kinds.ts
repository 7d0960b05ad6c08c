import { defineKind } from "@/lib/notify/kinds";
import { invitationEmailExtras, invitationEmailTexts } from "./invitation-email";
import { byLine, common, dedupe, entryNoticePayload, factLines, smsWhen } from "./notice-kinds";

/**
 * The invitation notices besides the calendar's own (notice-kinds.ts): an attendee told of a
 * change of place or content that keeps their answer (an updated REQUEST), and one removed from
 * the invitees (a CANCEL for them alone).
 */
export const invitationNoticeKinds = [
  defineKind({
    ...common,
    key: "invitation.updated",
    payload: entryNoticePayload,
    dedupeKey: dedupe("updated"),
    inApp(p, context) {
      const { t } = context;
      const lines = [t("invitations.notice.updated.body"), ...factLines(p, context), byLine(p, context)];
      return { title: t("invitations.notice.updated.title", { title: p.title }), body: lines.join("\n") };
    },
    email: invitationEmailTexts(true),
    emailExtras: invitationEmailExtras("REQUEST"),
    sms: (p, context) => ({
      what: context.t("invitations.sms.updated"),
      who: context.t("sms.by", { name: context.name(p.actor) }),
      when: smsWhen(p.time, context),
      title: p.title,
    }),
  }),
  defineKind({
    ...common,
    key: "invitation.withdrawn",
    payload: entryNoticePayload,
    dedupeKey: dedupe("withdrawn"),
    inApp(p, context) {
      const { t } = context;
      const lines = [t("invitations.notice.withdrawn.body"), ...factLines(p, context), byLine(p, context)];
      return { title: t("invitations.notice.withdrawn.title", { title: p.title }), body: lines.join("\n") };
    },
    email: invitationEmailTexts(false),
    emailExtras: invitationEmailExtras("CANCEL"),
    sms: (p, context) => ({
      what: context.t("invitations.sms.withdrawn"),
      who: context.t("sms.by", { name: context.name(p.actor) }),
      when: smsWhen(p.time, context),
      title: p.title,
    }),
  }),
] as const;
