import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";

/** The account's sign-in limit tripped: how many failed attempts and when. No addresses, no passwords. */
export const failedSignInsPayload = z.object({
  failures: z.number().int().positive(),
  /** The block's window: from its first failure to the one that tripped it, and until when it holds. */
  since: z.iso.datetime(),
  at: z.iso.datetime(),
  until: z.iso.datetime(),
});
export type FailedSignInsPayload = z.output<typeof failedSignInsPayload>;

/** The password was set through an e-mailed reset link. Nothing about the link itself. */
export const passwordResetPayload = z.object({ at: z.iso.datetime() });

export const authNoticeKinds = [
  defineKind({
    key: "auth.failedSignIns",
    payload: failedSignInsPayload,
    area: "account",
    opens: "default",
    link: () => "/settings/profile",
    // By e-mail whatever the routing matrix says: the owner must hear of it off the app.
    routing: { priority: () => "high", channel: () => "email" },
    // Once per block, however many attempts follow.
    dedupeKey: (p, recipientId) => `auth:failed-sign-ins:${recipientId}:${p.since}`,
    about: (p) => p.since,
    inApp(p, { t, when }) {
      const values = { count: p.failures, since: when(p.since), time: when(p.at), until: when(p.until) };
      return { title: t("auth.notice.failedSignIns.title", values), body: t("auth.notice.failedSignIns.body", values) };
    },
    sms: (p, { t, when }) => ({ what: t("sms.failedSignIns", { count: p.failures }), when: t("sms.restrictedUntil", { until: when(p.until) }) }),
  }),
  defineKind({
    key: "auth.passwordReset",
    payload: passwordResetPayload,
    area: "account",
    opens: "default",
    link: () => "/settings/profile",
    // By e-mail whatever the routing matrix says: if it was not the owner, they must hear of it off the app.
    routing: { priority: () => "high", channel: () => "email" },
    dedupeKey: (p, recipientId) => `auth:password-reset:${recipientId}:${p.at}`,
    about: (p) => p.at,
    inApp(p, { t, when }) {
      return { title: t("auth.notice.passwordReset.title"), body: t("auth.notice.passwordReset.body", { time: when(p.at) }) };
    },
    sms: (p, { t, when }) => ({ what: t("sms.passwordReset"), when: when(p.at) }),
  }),
] as const;
