import { render } from "@react-email/render";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { oneLine } from "@/lib/text/clean-text";
import type { Locale } from "@/lib/i18n/locale";
import { NotificationEmail } from "./email/notification-email";
import type { EmailMessage } from "./providers/email";
import type { PushPayload } from "./providers/push";
import { notifyTranslator } from "./messages";
import type { Priority } from "./routing";

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
  email: string;
  phone: string | null;
  locale: Locale;
  timeZone: string;
}

/** The same colours as the app's priority badges. */
const ACCENT: Record<Priority, string> = { low: "#94a3b8", normal: "#3b82f6", high: "#f59e0b", urgent: "#dc2626" };
const SMS_MAX = 320;

function area(kind: string): "task" | "case" | "event" | "reminder" | "default" {
  const head = kind.split(".")[0];
  return head === "task" || head === "case" || head === "event" || head === "reminder" ? head : "default";
}

/** Reminders and other notices open whatever they point at: a task, a case or a calendar entry. */
function openLabel(n: OutgoingNotification): "task" | "case" | "event" | "default" {
  const path = n.link ?? "";
  if (path.startsWith("/tasks/")) return "task";
  if (path.startsWith("/cases/")) return "case";
  if (path.startsWith("/calendar")) return "event";
  return "default";
}

export function absoluteLink(appUrl: string, link: string | null): string {
  return new URL(link ?? "/", appUrl).toString();
}

/** The due moment, if the notification carries one, in the recipient's zone and language. */
export function dueLine(n: OutgoingNotification, r: Recipient): string | null {
  const raw = n.payload.dueAt;
  if (typeof raw !== "string") return null;
  const due = new Date(raw);
  if (Number.isNaN(due.getTime())) return null;
  return notifyTranslator(r.locale)("due", { due: formatInstantFor(due, r, "short") });
}

export async function composeEmail(n: OutgoingNotification, r: Recipient, appUrl: string): Promise<EmailMessage> {
  const t = notifyTranslator(r.locale);
  const url = absoluteLink(appUrl, n.link);
  const preferencesUrl = absoluteLink(appUrl, "/settings/notifications");
  // The body was written for this recipient and already says when things are due.
  const element = NotificationEmail({
    lang: r.locale,
    heading: n.title,
    body: n.body,
    eyebrow: `${t(`kind.${area(n.kind)}`)} · ${t(`priority.${n.priority}`)}`,
    buttonLabel: t(`open.${openLabel(n)}`),
    buttonUrl: url,
    footer: t("footer"),
    preferencesLabel: t("preferences"),
    preferencesUrl,
    accent: ACCENT[n.priority],
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    to: r.email,
    // A title may hold anything written before input was checked: CR/LF would start a new header.
    subject: oneLine(n.priority === "urgent" ? `[${t("priority.urgent")}] ${n.title}` : n.title),
    html,
    text,
    headers: { "List-Unsubscribe": `<${preferencesUrl}>` },
  };
}

/** A short SMS: title, due time in the recipient's zone, link. Cut to stay within two segments. */
export function composeSms(n: OutgoingNotification, r: Recipient, appUrl: string): string {
  const link = absoluteLink(appUrl, n.link);
  const due = dueLine(n, r);
  const head = oneLine(`Baton: ${n.title}${due ? ` · ${due}` : ""}`);
  const room = SMS_MAX - link.length - 1;
  return `${head.length > room ? `${cutBeforeUnit(head, Math.max(0, room - 1))}…` : head} ${link}`;
}

/** The first `units` UTF-16 units, never half of an emoji (a lone surrogate breaks the SMS). */
function cutBeforeUnit(text: string, units: number): string {
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function composePush(n: OutgoingNotification, r: Recipient): PushPayload {
  const due = dueLine(n, r);
  return {
    title: oneLine(n.title),
    body: [n.body, due].filter(Boolean).join(" · "),
    url: n.link ?? "/",
    tag: `${n.kind}-${String(n.payload.taskId ?? n.payload.caseId ?? n.id)}`,
    notificationId: n.id,
    snoozable: n.kind.startsWith("reminder"),
  };
}
