import { z } from "zod";
import { defineKind, type NoticeContext, type NoticeKind, type SmsContext } from "@/lib/notify/kinds";
import { CHANNELS } from "@/lib/org/vocabulary";
import { formatEntryTime } from "./entry-format";
import { invitationEmailExtras, invitationEmailTexts } from "./invitation-email";
import { invitationFacts } from "./invitation-facts";
import type { EntryTime } from "./types";

/** An entry's time as a notice keeps it: instants, or local dates with the end exclusive (types.ts). */
const entryTimePayload = z.discriminatedUnion("allDay", [
  z.object({ allDay: z.literal(false), start: z.iso.datetime(), end: z.iso.datetime() }),
  z.object({ allDay: z.literal(true), startDate: z.iso.date(), endDate: z.iso.date() }),
]);

/**
 * What every calendar notice says about its entry. Names are as they were at the change; only
 * people who may see the entry's details are ever sent one (lib/calendar/notices.ts), so the
 * title may stand in it even for a private entry.
 */
const entryFacts = {
  entryId: z.string().min(1),
  title: z.string(),
  location: z.string().optional(),
  time: entryTimePayload,
  /** The entry's version after the change: each change notifies once, however often it is retried. */
  version: z.number().int(),
  /** Whose calendar the entry is in: the organiser. */
  owner: z.string(),
  /** Who made the change; differs from the owner when someone with "may edit" acted for them. */
  actor: z.string(),
  /** On notices to attendees: what their invitation e-mail carries (lib/calendar/invitation-facts.ts). */
  invitation: invitationFacts.optional(),
};

export const entryNoticePayload = z.object(entryFacts);
export type EntryNoticePayload = z.output<typeof entryNoticePayload>;

/**
 * A removed attendee's notice describes the entry as it was before the change (what they were
 * invited to and could see), and links to it only when they may still open it.
 */
export const removedPayload = z.object({ ...entryFacts, canOpen: z.boolean() });

export const rescheduledPayload = z.object({ ...entryFacts, previous: entryTimePayload });
export const answeredPayload = z.object({ ...entryFacts, attendee: z.string(), response: z.enum(["accepted", "tentative", "declined"]) });

export const ENTRY_CHANGES = ["created", "moved", "changed", "cancelled"] as const;
export type EntryChange = (typeof ENTRY_CHANGES)[number];
export const changedForYouPayload = z.object({ ...entryFacts, change: z.enum(ENTRY_CHANGES), previous: entryTimePayload.optional() });

export const entryReminderPayload = z.object({
  entryId: z.string().min(1),
  title: z.string(),
  location: z.string().optional(),
  time: entryTimePayload,
  /** The moment's key: one notification per moment, however many runs reach it. */
  momentKey: z.string().min(1),
  momentAt: z.iso.datetime(),
  channel: z.enum(CHANNELS).nullable(),
});

/** The instant a timed entry starts; an all-day one has none (push and SMS then state no moment). */
const startOf = (time: EntryTime) => (time.allDay ? undefined : time.start);

/** When the entry happens, as the pages show it, in the reader's zone and date format. */
export function entryTimeText(time: EntryTime, { locale, timeZone, dateFormat }: NoticeContext): string {
  return formatEntryTime(time, { locale, timeZone, dateFormat });
}

export function factLines(p: EntryNoticePayload, context: NoticeContext, options: { previous?: EntryTime } = {}): string[] {
  const { t } = context;
  const lines: string[] = [];
  if (options.previous) {
    lines.push(t("calendar.notice.wasLine", { time: entryTimeText(options.previous, context) }));
    lines.push(t("calendar.notice.nowLine", { time: entryTimeText(p.time, context) }));
  } else {
    lines.push(t("calendar.notice.whenLine", { time: entryTimeText(p.time, context) }));
  }
  if (p.location) lines.push(t("calendar.notice.whereLine", { location: p.location }));
  lines.push(t("calendar.notice.organiserLine", { owner: p.owner }));
  return lines;
}

/** "By: Magdalena Wójcik for Tomasz Nowak" when an editor acted for the owner, else "By: Tomasz Nowak". */
export function byLine(p: EntryNoticePayload, { t }: NoticeContext): string {
  return p.actor === p.owner ? t("calendar.notice.byLine", { actor: p.actor }) : t("calendar.notice.byForLine", { actor: p.actor, owner: p.owner });
}

export function smsWhen(time: EntryTime, { t, when }: SmsContext): string | undefined {
  const start = startOf(time);
  return start ? t("sms.calendar.at", { at: when(start) }) : undefined;
}

export const common = {
  area: "event",
  opens: "event",
  link: (p: { entryId: string }) => `/calendar/entries/${p.entryId}`,
  // Entries have no priority: routing uses the normal default (SMS only where a person's preferences say so).
  routing: { priority: () => "normal" as const },
  about: (p: { entryId: string }) => p.entryId,
  dueAt: (p: { time: EntryTime }) => startOf(p.time),
} as const;

export const dedupe =
  (what: string) =>
  (p: { entryId: string; version: number }, recipientId: string): string =>
    `calendar:${p.entryId}:v${p.version}:${what}:${recipientId}`;

export const CALENDAR_INVITED = "calendar.invited";
/** The kinds whose notice offers accept / tentative / decline. */
export const ANSWERABLE_KINDS: readonly string[] = ["calendar.invited", "calendar.rescheduled"];

/** The notices about a change of an entry; each has its `calendar.notice.<name>` texts. */
type EntryKindName = "invited" | "rescheduled" | "cancelled" | "removed" | "answered" | "changedForYou";

/**
 * The shape every notice about an entry shares: the title `calendar.notice.<name>.title` over the
 * lines `lines` gives, an SMS of what, who and when, one notice per entry version and recipient,
 * and for those that change the attendee's mail calendar, the invitation e-mail with its
 * calendar part (REQUEST or CANCEL). `overrides` replaces any part of it.
 */
function entryKind<const N extends EntryKindName, S extends z.ZodType<EntryNoticePayload>>(
  name: N,
  payload: S,
  spec: {
    lines(p: z.output<S>, context: NoticeContext): string[];
    sms(p: z.output<S>, context: SmsContext): { what: string; who: string };
    invitation?: "REQUEST" | "CANCEL";
    overrides?: Partial<NoticeKind<`calendar.${N}`, S>>;
  },
) {
  const key = name as EntryKindName;
  return defineKind({
    ...common,
    key: `calendar.${name}`,
    payload,
    dedupeKey: dedupe(name),
    ...(spec.invitation ? { email: invitationEmailTexts(spec.invitation === "REQUEST"), emailExtras: invitationEmailExtras(spec.invitation) } : {}),
    inApp: (p, context) => ({ title: context.t(`calendar.notice.${key}.title`, { title: p.title }), body: spec.lines(p, context).join("\n") }),
    sms: (p, context) => ({ ...spec.sms(p, context), when: smsWhen(p.time, context), title: p.title }),
    ...spec.overrides,
  });
}

const by = (p: { actor: string }, context: SmsContext) => context.t("sms.by", { name: context.name(p.actor) });

export const calendarNoticeKinds = [
  entryKind("invited", entryNoticePayload, {
    invitation: "REQUEST",
    lines: (p, context) => [context.t("calendar.notice.invited.body"), ...factLines(p, context), byLine(p, context)],
    sms: (p, context) => ({ what: context.t("sms.calendar.invited"), who: context.t("sms.from", { name: context.name(p.actor) }) }),
  }),
  entryKind("rescheduled", rescheduledPayload, {
    invitation: "REQUEST",
    lines: (p, context) => [context.t("calendar.notice.rescheduled.body"), ...factLines(p, context, { previous: p.previous }), byLine(p, context)],
    sms: (p, context) => ({ what: context.t("sms.calendar.rescheduled"), who: by(p, context) }),
  }),
  entryKind("cancelled", entryNoticePayload, {
    invitation: "CANCEL",
    lines: (p, context) => [context.t("calendar.notice.cancelled.body"), ...factLines(p, context), byLine(p, context)],
    sms: (p, context) => ({ what: context.t("sms.calendar.cancelled"), who: by(p, context) }),
  }),
  // Their mail calendar drops the meeting: a CANCEL for them alone (notices.ts raises its SEQUENCE).
  entryKind("removed", removedPayload, {
    invitation: "CANCEL",
    lines: (p, context) => [context.t("calendar.notice.removed.body"), ...factLines(p, context), byLine(p, context)],
    sms: (p, context) => ({ what: context.t("sms.calendar.removed"), who: by(p, context) }),
    // A private entry they may no longer see would answer "not found": their calendar instead.
    overrides: { opens: "default", link: (p) => (p.canOpen ? `/calendar/entries/${p.entryId}` : "/calendar") },
  }),
  entryKind("answered", answeredPayload, {
    lines: (p, context) => [context.t(`calendar.notice.answered.${p.response}`, { attendee: p.attendee }), ...factLines(p, context)],
    sms: (p, context) => ({
      what: context.t(`sms.calendar.answered.${p.response}`),
      who: context.t("sms.calendar.answeredBy", { name: context.name(p.attendee) }),
    }),
  }),
  entryKind("changedForYou", changedForYouPayload, {
    lines: (p, context) => [context.t(`calendar.notice.changedForYou.${p.change}`), byLine(p, context), ...factLines(p, context, { previous: p.previous })],
    sms: (p, context) => ({ what: context.t(`sms.calendar.changedForYou.${p.change}`), who: by(p, context) }),
  }),
  defineKind({
    ...common,
    key: "calendar.reminder",
    area: "reminder",
    payload: entryReminderPayload,
    routing: { priority: () => "normal" as const, channel: (p) => p.channel },
    dedupeKey: (p) => p.momentKey,
    inApp(p, context) {
      const { t } = context;
      const lines = [t("calendar.notice.whenLine", { time: entryTimeText(p.time, context) })];
      if (p.location) lines.push(t("calendar.notice.whereLine", { location: p.location }));
      return { title: t("calendar.notice.reminder.title", { title: p.title }), body: lines.join("\n") };
    },
    sms: (p, context) => ({ what: context.t("sms.calendar.reminder"), when: smsWhen(p.time, context), title: p.title }),
  }),
] as const;
