import type { SQL } from "drizzle-orm";
import type { createTranslator } from "next-intl";
import type { z } from "zod";
import type { DateFormat, InstantStyle } from "@/lib/i18n/format-for";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import type { Channel, Priority, RoutableChannel } from "@/lib/org/vocabulary";
import type { SmsTexts } from "./sms/fit";

/**
 * A kind of notification ("task.assigned", "case.assigned", later "event.invited"): what its
 * payload holds, what it says on every channel in the recipient's language, where it links and
 * how it is routed by default. Each domain declares its kinds in its own `notice-kinds.ts`;
 * lib/notify/registry.ts lists them, and nothing else in lib/notify knows a domain.
 */
export interface NoticeKind<K extends string = string, S extends z.ZodType = z.ZodType> {
  key: K;
  /** Everything the texts need: a stored payload re-renders in any language and zone. */
  payload: S;
  /** The e-mail's small line above the heading (`notify.kind.<area>`). */
  area: NoticeArea;
  /** What the e-mail's button opens (`notify.open.<opens>`). */
  opens: NoticeOpens;
  /** An app path; channels prefix it with APP_URL. */
  link(payload: z.output<S>): string;
  /** The path an SMS links to when shorter than `link` ("/t/18"): an SMS has one segment for everything. */
  smsLink?(payload: z.output<S>): string;
  /** The inputs of lib/notify/routing.ts: the priority, and a channel the notice goes to alone. */
  routing: {
    priority(payload: z.output<S>): Priority;
    channel?(payload: z.output<S>): Channel | null;
  };
  /** One notification per key, however often the change that causes it is retried. */
  dedupeKey(payload: z.output<S>, recipientId: string): string;
  /** The item it is about: push notifications about one item replace each other. */
  about(payload: z.output<S>): string;
  /** In-app title and body: also the e-mail's heading and body unless `email` says otherwise. */
  inApp(payload: z.output<S>, context: NoticeContext): NoticeTexts;
  /** The moment SMS and push state in the recipient's zone (their text is short, the body is not sent). */
  dueAt?(payload: z.output<S>): string | undefined;
  email?(payload: z.output<S>, context: NoticeContext, inApp: NoticeTexts): Partial<EmailTexts>;
  /** What the e-mail carries besides its texts: answer buttons, a calendar invitation, a reply address. */
  emailExtras?(payload: z.output<S>, context: EmailContext): EmailExtras;
  /** The SMS written for SMS (what and number, who, when, title); the sender cuts it to one segment. */
  sms?(payload: z.output<S>, context: SmsContext): SmsTexts;
  push?(payload: z.output<S>, context: NoticeContext, inApp: NoticeTexts): NoticeTexts;
  /** The service worker offers "snooze" on it. */
  snoozable?: boolean;
  /**
   * A kind its reader routes on its own, outside the matrix of working modes and priorities
   * (news of a watched task): the channels besides in-app it goes to unless the reader chose
   * others in their notification settings (`notification_preferences.kind_channels`).
   */
  ownChannels?: readonly RoutableChannel[];
}

export type NoticeArea = "task" | "case" | "event" | "reminder" | "account" | "default";
export type NoticeOpens = "task" | "case" | "event" | "default";

export interface NoticeTexts {
  title: string;
  body: string;
}

export interface EmailTexts {
  subject: string;
  heading: string;
  body: string;
  buttonLabel: string;
}

/** The app's messages in the reader's language, keyed in full ("tasks.notice.assigned.title"). */
export type NoticeTranslator = ReturnType<typeof createTranslator<Messages>>;

/** What a kind's texts are rendered with: the reader's language and zone. */
export interface NoticeContext {
  locale: Locale;
  timeZone: string;
  t: NoticeTranslator;
  /** The reader's date format; absent: "auto", from their language and zone. */
  dateFormat?: DateFormat | null;
  /** An ISO instant as the reader reads it, in their date format (`formatInstantFor`). */
  when(iso: string, style?: InstantStyle): string;
}

/** What a kind's e-mail extras are made with: the reader's context, and who exactly reads it. */
export interface EmailContext extends NoticeContext {
  appUrl: string;
  /** A colleague (their user id) or someone outside Baton (no id), and the address it goes to. */
  recipient: { userId: string | null; email: string };
}

/** A button of an e-mail: its label and absolute URL. */
export interface EmailAction {
  label: string;
  url: string;
}

export interface EmailExtras {
  /** Buttons shown instead of the one "open" button (one-click answers). */
  actions?: EmailAction[];
  /** Where "open" points instead of the kind's link; null: nowhere (someone who cannot sign in). */
  link?: string | null;
  /** An iCalendar object sent as a `text/calendar; method=…` alternative and as invite.ics. */
  calendar?: EmailCalendar;
  replyTo?: string;
  /** The footer for someone without a Baton account (they have no notification settings). */
  footer?: string;
}

export interface EmailCalendar {
  /** Equals the METHOD inside `content`, as mail clients require. */
  method: "REQUEST" | "CANCEL";
  content: string;
}

/** What a kind's SMS is written with: the reader's language, moments and names as short as an SMS wants them. */
export interface SmsContext {
  locale: Locale;
  t: NoticeTranslator;
  /** "03.12 09:00" / "3 Dec 09:00" in the reader's zone. */
  when(iso: string): string;
  /** "M. Woźniak". */
  name(full: string): string;
}

/**
 * What a notice offers its reader that can change without a new notice reaching them: the
 * current answer to an invitation, given on the entry's page or in another tab. An SQL
 * expression over one notification row (its kind, payload and recipient), text or null; the
 * bell's validator reads it for the notices it shows, so such a change is never answered 304.
 * A domain declares it beside its kinds and lib/notify/registry.ts lists it.
 */
export type NoticeLiveState = (notice: { kind: SQL; payload: SQL; recipientId: SQL }) => SQL<string | null>;

/** Declares a kind; the literal key and the payload's type are kept for the registry's typed map. */
export function defineKind<const K extends string, S extends z.ZodType>(kind: NoticeKind<K, S>): NoticeKind<K, S> {
  return kind;
}
