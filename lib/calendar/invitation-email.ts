import type { Locale } from "@/lib/i18n/locale";
import type { EmailContext, EmailExtras, EmailTexts, NoticeContext, NoticeTexts, NoticeTranslator } from "@/lib/notify/kinds";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { repeatOf } from "./repeat";
import { describeRepeat, type RepeatTranslator } from "./repeat-words";
import { signAnswerLink, type AttendeeRef } from "./answer-token";
import type { InvitationFacts } from "./invitation-facts";
import { invitationCalendar, type InvitationAttendee } from "./invitation-ics";
import { ANSWERS, type Answer, type EntryTime } from "./types";

/** What an invitation e-mail is made from: an entry notice's payload with its invitation facts. */
export interface InvitationPayload {
  entryId: string;
  title: string;
  location?: string;
  time: EntryTime;
  invitation?: InvitationFacts;
}

/** How long a link to a series without end keeps working. */
export const SERIES_LINK_LIMIT = new Date("2100-01-01T00:00:00Z");

/** The page an answer link opens; `answer` only preselects, the page records nothing by itself. */
export function answerPath(token: string, answer?: Answer): string {
  return `/invitations/${token}${answer ? `?answer=${answer}` : ""}`;
}

/**
 * When an entry's answer links stop working: its end; an all-day entry's at the end of its last
 * day in the reader's zone.
 */
export function answerLinkExpiry(time: EntryTime, timeZone: string, series?: { endsAt: string | null }): Date {
  // A whole series' links work until its last occurrence ends; one that never ends, until the
  // token's clock does (its expiry is stored in 32 bits of seconds).
  if (series) return series.endsAt ? new Date(series.endsAt) : SERIES_LINK_LIMIT;
  if (!time.allDay) return new Date(time.end);
  return wallClockToInstant(`${time.endDate}T00:00`, timeZone) ?? new Date(`${time.endDate}T00:00:00Z`);
}

/**
 * The invitation e-mail's body: the notice's own lines, then who is invited, the client and case
 * (colleagues only: guests' facts carry neither), the zone its times are in, and how to answer.
 */
export function invitationEmailTexts(answerable: boolean) {
  return (p: InvitationPayload, { t, timeZone, locale }: NoticeContext, inApp: NoticeTexts): Partial<EmailTexts> => {
    const facts = p.invitation;
    if (!facts) return {};
    const lines = [inApp.body];
    if (facts.attendees.length) lines.push(t("invitations.email.invitedLine", { names: facts.attendees.map((a) => a.name).join(", ") }));
    if (facts.client) lines.push(t("invitations.email.clientLine", { client: facts.client }));
    if (facts.case) lines.push(t("invitations.email.caseLine", { case: facts.case }));
    const repeats = facts.series && !facts.occurrence && !p.time.allDay ? seriesInWords(facts.series, p.time.start, t, locale) : null;
    if (repeats) lines.push(t("invitations.email.repeatLine", { rule: repeats }));
    if (!p.time.allDay) lines.push(t("invitations.email.zoneLine", { zone: timeZone }));
    if (answerable) lines.push(t("invitations.email.answerLine"));
    return { body: lines.join("\n") };
  };
}

/**
 * How a series repeats, in the reader's language, as the entry form says it ("Every week on Monday"); its days are
 * the series' own (its zone's), as the invitation's times are. Null for a rule the form does not make.
 */
function seriesInWords(series: NonNullable<InvitationFacts["series"]>, firstStart: string, t: NoticeTranslator, locale: Locale): string | null {
  const repeat = repeatOf(series.rule, series.until ? new Date(series.until) : null, series.count, series.zone);
  if (!repeat) return null;
  const say: RepeatTranslator = (key, values) => (t as unknown as RepeatTranslator)(`calendar.form.repeat.${key}`, values);
  const tag = locale === "pl" ? "pl-PL" : "en-GB";
  const formatDate = (date: string, withYear: boolean) =>
    new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" }).format(
      new Date(`${date}T00:00:00Z`),
    );
  return describeRepeat(repeat, instantToWallClock(new Date(firstStart), series.zone).slice(0, 10), say, formatDate);
}

/** Whom the recipient's answer links speak for: the guest the facts name, or the colleague it is addressed to. */
function attendeeOf(facts: InvitationFacts, context: EmailContext): AttendeeRef | null {
  if (facts.guestId) return { type: "guest", id: facts.guestId };
  return context.recipient.userId ? { type: "user", id: context.recipient.userId } : null;
}

/** Everyone invited as the calendar part lists them, the recipient always among them. */
function attendeesWith(facts: InvitationFacts, email: string): InvitationAttendee[] {
  const listed = facts.attendees.some((a) => a.email.toLowerCase() === email.toLowerCase());
  return listed ? facts.attendees : [...facts.attendees, { name: email, email, response: "needs_action" }];
}

/**
 * What an entry notice's e-mail carries to an attendee: the meeting as iCalendar (`method`),
 * the organiser's reply address, and for a REQUEST three one-click answer links signed for this
 * attendee, this entry and this invitation. A guest gets no "open in Baton" link and a footer
 * saying why they got it. A notice written without invitation facts is a plain e-mail.
 */
export function invitationEmailExtras(method: "REQUEST" | "CANCEL") {
  return (p: InvitationPayload, context: EmailContext): EmailExtras => {
    const facts = p.invitation;
    if (!facts) return {};
    const attendee = attendeeOf(facts, context);
    const guest = Boolean(facts.guestId);
    const occurrence = facts.series ? facts.occurrence : undefined;
    const sequence = occurrence?.sequence ?? facts.sequence;
    const token =
      method === "REQUEST" && attendee
        ? signAnswerLink({
            entryId: p.entryId,
            attendee,
            sequence,
            expiresAt: answerLinkExpiry(p.time, context.timeZone, occurrence ? undefined : facts.series),
            ...(occurrence ? { recurrenceId: new Date(occurrence.recurrenceId) } : {}),
          })
        : null;
    const content = invitationCalendar({
      method,
      entryId: p.entryId,
      sequence,
      ...(facts.series ? { series: facts.series } : {}),
      ...(occurrence ? { recurrenceId: occurrence.recurrenceId } : {}),
      stamp: new Date(facts.stamp),
      time: p.time,
      timeZone: context.timeZone,
      title: p.title,
      location: p.location,
      url: guest ? undefined : new URL(`/calendar/entries/${p.entryId}`, context.appUrl).toString(),
      organizer: { name: facts.organizer.name, email: facts.organizer.address },
      attendees: attendeesWith(facts, context.recipient.email),
      private: facts.private,
    });
    return {
      ...(token
        ? {
            actions: ANSWERS.map((answer) => ({
              label: context.t(`invitations.email.${answer}`),
              url: new URL(answerPath(token, answer), context.appUrl).toString(),
            })),
          }
        : {}),
      ...(guest ? { link: null, footer: context.t("invitations.email.guestFooter", { organizer: facts.organizer.name }) } : {}),
      calendar: { method, content },
      replyTo: facts.organizer.address,
    };
  };
}
