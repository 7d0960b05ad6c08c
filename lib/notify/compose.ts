import { oneLine } from "@/lib/text/clean-text";
import type { DateFormat } from "@/lib/i18n/format-for";
import type { Locale } from "@/lib/i18n/locale";
import { renderNotificationEmail } from "./email/email-template";
import type { EmailMessage } from "./providers/email";
import type { PushPayload } from "./providers/push";
import { notifyTranslator } from "./messages";
import { dueText, kindLabels, noticeContext, renderEmailExtras, renderNotice, smsContext, type RenderedNotice } from "./render";
import type { Priority } from "./routing";
import { fitSms, type SmsOptions } from "./sms/fit";

export interface OutgoingNotification {
  id: string;
  kind: string;
  priority: Priority;
  title: string;
  body: string;
  link: string | null;
  payload: Record<string, unknown>;
}

export interface Recipient {
  /** The colleague's id; null for someone outside Baton reached at `email`. */
  userId?: string | null;
  email: string;
  phone: string | null;
  locale: Locale;
  timeZone: string;
  /** Absent: "auto", from their language and zone. */
  dateFormat?: DateFormat | null;
}

/** The same colours as the app's priority badges. */
const ACCENT: Record<Priority, string> = { low: "#94a3b8", normal: "#3b82f6", high: "#f59e0b", urgent: "#dc2626" };

export function absoluteLink(appUrl: string, link: string | null): string {
  return new URL(link ?? "/", appUrl).toString();
}

/**
 * Every channel's text for the recipient: rendered from the kind's entry and the payload in the
 * recipient's language and zone. A row the registry cannot render (a kind no domain declares any
 * more, a payload written before the registry) keeps its stored title and body, with its kind's
 * labels if the kind is still known.
 */
export function noticeFor(n: OutgoingNotification, r: Recipient): RenderedNotice {
  const rendered = renderNotice(n.kind, n.payload, r.locale, r.timeZone, { dateFormat: r.dateFormat });
  if (rendered) return rendered;
  const labels = kindLabels(n.kind, r.locale);
  const raw = n.payload.dueAt;
  const context = noticeContext(r.locale, r.timeZone, { dateFormat: r.dateFormat });
  const due = typeof raw === "string" ? dueText(raw, context) : null;
  const sms = smsContext(context);
  return {
    kind: n.kind,
    link: n.link ?? "/",
    about: String(n.payload.taskId ?? n.payload.caseId ?? n.id),
    snoozable: labels.snoozable,
    inApp: { title: n.title, body: n.body },
    // The body was written for this recipient and already says when things are due.
    email: { subject: n.title, heading: n.title, body: n.body, buttonLabel: labels.buttonLabel, areaLabel: labels.areaLabel },
    sms: { what: "", title: n.title, when: typeof raw === "string" && due ? sms.t("sms.due", { due: sms.when(raw) }) : undefined },
    smsLink: n.link ?? "/",
    push: { title: n.title, body: [n.body, due].filter(Boolean).join(" · ") },
  };
}

/**
 * The e-mail is rendered once, from a cached layout; its text part is read off the same HTML. A
 * kind with e-mail extras (an invitation) adds answer buttons, a calendar part and a reply
 * address; one to someone outside Baton has no "open" button and no settings link.
 */
export async function composeEmail(n: OutgoingNotification, r: Recipient, appUrl: string): Promise<EmailMessage> {
  const t = notifyTranslator(r.locale);
  const notice = noticeFor(n, r);
  const extras = renderEmailExtras(n.kind, n.payload, { ...r, appUrl, recipient: { userId: r.userId ?? null, email: r.email } }) ?? {};
  const link = extras.link === undefined ? notice.link : extras.link;
  const url = link === null ? "" : absoluteLink(appUrl, link);
  const colleague = r.userId !== null;
  const preferencesUrl = absoluteLink(appUrl, "/settings/notifications");
  const { html, text } = await renderNotificationEmail({
    lang: r.locale,
    heading: notice.email.heading,
    body: notice.email.body,
    eyebrow: `${notice.email.areaLabel} · ${t(`priority.${n.priority}`)}`,
    buttonLabel: notice.email.buttonLabel,
    buttonUrl: url,
    actions: extras.actions,
    footer: extras.footer ?? t("footer"),
    ...(colleague ? { preferencesLabel: t("preferences"), preferencesUrl } : {}),
    accent: ACCENT[n.priority],
  });
  return {
    to: r.email,
    // A title may hold anything written before input was checked: CR/LF would start a new header.
    subject: oneLine(n.priority === "urgent" ? `[${t("priority.urgent")}] ${notice.email.subject}` : notice.email.subject),
    html,
    text,
    ...(colleague ? { headers: { "List-Unsubscribe": `<${preferencesUrl}>` } } : {}),
    ...(extras.replyTo ? { replyTo: extras.replyTo } : {}),
    ...(extras.calendar ? { calendar: extras.calendar } : {}),
  };
}

/**
 * The SMS: the kind's text written for SMS, then its short link, fitted into one segment (see
 * fitSms); with the organisation's GSM-7 setting Polish letters are transliterated.
 */
export function composeSms(n: OutgoingNotification, r: Recipient, appUrl: string, options: SmsOptions = { gsm7: false }): string {
  const notice = noticeFor(n, r);
  return fitSms(notice.sms, absoluteLink(appUrl, notice.smsLink), options);
}

export function composePush(n: OutgoingNotification, r: Recipient): PushPayload {
  const notice = noticeFor(n, r);
  return {
    title: oneLine(notice.push.title),
    body: notice.push.body,
    url: notice.link,
    tag: `${n.kind}-${notice.about}`,
    notificationId: n.id,
    snoozable: notice.snoozable,
  };
}
