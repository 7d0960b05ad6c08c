import { createTranslator } from "next-intl";
import { formatInstantFor, type DateFormat } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import type { EmailContext, EmailExtras, NoticeArea, NoticeContext, NoticeKind, NoticeOpens, NoticeTexts, NoticeTranslator, SmsContext } from "./kinds";
import { kindOf } from "./registry";
import type { SmsTexts } from "./sms/fit";
import { shortName, smsMoment } from "./sms/words";

/** A notice's texts on every channel, in one reader's language and zone. */
export interface RenderedNotice {
  kind: string;
  link: string;
  /** The item it is about (push notifications about one item replace each other). */
  about: string;
  snoozable: boolean;
  inApp: NoticeTexts;
  email: { subject: string; heading: string; body: string; buttonLabel: string; areaLabel: string };
  /** The SMS without its link: the sender appends the link and fits this into one segment. */
  sms: SmsTexts;
  /** The path the SMS links to: a short link where the kind has one. */
  smsLink: string;
  push: NoticeTexts;
}

export interface RenderOptions {
  /** Throw on a missing message instead of logging it (tests of the registry). */
  strict?: boolean;
  /** The reader's date format; absent: "auto", from their language and zone. */
  dateFormat?: DateFormat | null;
}

// One translator per language: next-intl caches parsed messages inside it, so a batch of a
// hundred e-mails parses each message once.
const translators = new Map<string, NoticeTranslator>();

function translator(locale: Locale, strict: boolean): NoticeTranslator {
  const id = `${locale}:${strict}`;
  let t = translators.get(id);
  if (!t) {
    t = createTranslator({
      locale,
      messages: messages[locale],
      ...(strict
        ? {
            onError: (error) => {
              throw error;
            },
          }
        : {}),
    });
    translators.set(id, t);
  }
  return t;
}

export function noticeContext(locale: Locale, timeZone: string, options: RenderOptions = {}): NoticeContext {
  return {
    locale,
    timeZone,
    t: translator(locale, options.strict ?? false),
    dateFormat: options.dateFormat ?? null,
    when: (iso, style = "full") => formatInstantFor(new Date(iso), { locale, timeZone, dateFormat: options.dateFormat }, style),
  };
}

/** The labels a kind gives its e-mail whatever its payload: also used for old rows it cannot re-render. */
export function kindLabels(kind: string, locale: Locale): { area: NoticeArea; opens: NoticeOpens; areaLabel: string; buttonLabel: string; snoozable: boolean } {
  const entry = kindOf(kind);
  const area = entry?.area ?? "default";
  const opens = entry?.opens ?? "default";
  const t = translator(locale, false);
  return { area, opens, areaLabel: t(`notify.kind.${area}`), buttonLabel: t(`notify.open.${opens}`), snoozable: entry?.snoozable ?? false };
}

/** "Due: …" in the reader's zone, short enough for SMS and push. */
export function dueText(iso: string | undefined, context: NoticeContext): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return context.t("notify.due", { due: context.when(iso, "short") });
}

export function smsContext(context: NoticeContext): SmsContext {
  return {
    locale: context.locale,
    t: context.t,
    when: (iso) => smsMoment(iso, { locale: context.locale, timeZone: context.timeZone, dateFormat: context.dateFormat }),
    name: shortName,
  };
}

/** Renders a payload already checked against its kind's schema. */
export function renderParsed(kind: NoticeKind, payload: unknown, context: NoticeContext): RenderedNotice {
  const inApp = kind.inApp(payload, context);
  const labels = kindLabels(kind.key, context.locale);
  const email = { subject: inApp.title, heading: inApp.title, body: inApp.body, buttonLabel: labels.buttonLabel, ...kind.email?.(payload, context, inApp) };
  const dueAt = kind.dueAt?.(payload);
  const due = dueText(dueAt, context);
  const sms = smsContext(context);
  const link = kind.link(payload);
  return {
    kind: kind.key,
    link,
    about: kind.about(payload),
    snoozable: labels.snoozable,
    inApp,
    email: { ...email, areaLabel: labels.areaLabel },
    sms: kind.sms?.(payload, sms) ?? { what: inApp.title, when: dueAt ? sms.t("sms.due", { due: sms.when(dueAt) }) : undefined },
    smsLink: kind.smsLink?.(payload) ?? link,
    push: kind.push?.(payload, context, inApp) ?? { title: inApp.title, body: [inApp.body, due].filter(Boolean).join(" · ") },
  };
}

/**
 * A stored notice rendered for a reader: every channel's text in their language and zone, from
 * the kind's entry and the payload alone. Null when no kind has that key or the payload does not
 * fit its schema (a row written before the registry): the caller shows the stored title and body.
 */
export function renderNotice(kind: string, payload: unknown, locale: Locale, timeZone: string, options: RenderOptions = {}): RenderedNotice | null {
  const entry = kindOf(kind);
  if (!entry) return null;
  const parsed = entry.payload.safeParse(payload);
  if (!parsed.success) return null;
  return renderParsed(entry, parsed.data, noticeContext(locale, timeZone, options));
}

/**
 * What a kind adds to its e-mail for one reader (answer buttons, a calendar invitation); null
 * when it adds nothing or the payload does not fit its schema.
 */
export function renderEmailExtras(
  kind: string,
  payload: unknown,
  reader: { locale: Locale; timeZone: string; dateFormat?: DateFormat | null } & Pick<EmailContext, "appUrl" | "recipient">,
): EmailExtras | null {
  const entry = kindOf(kind);
  if (!entry?.emailExtras) return null;
  const parsed = entry.payload.safeParse(payload);
  if (!parsed.success) return null;
  const context = noticeContext(reader.locale, reader.timeZone, { dateFormat: reader.dateFormat });
  return entry.emailExtras(parsed.data, { ...context, appUrl: reader.appUrl, recipient: reader.recipient });
}
