import { and, eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import addressparser from "nodemailer/lib/addressparser";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryAttendees, calendarEntryGuests, calendars, users } from "@/db/schema";
import { isUserError } from "@/lib/action/errors";
import { messages } from "@/lib/i18n/messages";
import { renderNotificationEmail } from "@/lib/notify/email/email-template";
import type { EmailSender } from "@/lib/notify/providers/email";
import type { InboundMail } from "@/lib/notify/providers/resend-inbound";
import { oneLine } from "@/lib/text/clean-text";
import { answerInvitation } from "./answer-link";
import type { AttendeeRef } from "./answer-token";
import { answerOfPartstat, readCalendarReply, type CalendarReply } from "./calendar-reply";
import { entryTimeOf } from "./entry-time";
import { answerLinkExpiry } from "./invitation-email";
import { occurrenceOfEntry } from "./occurrence-answers";
import { entryOfReplyAddress } from "./reply-address";

/**
 * Why a mail (or one of its reply addresses) changed nothing: not for a reply address, a reply
 * address Baton did not give out (its MAC fails), an automatic message (no forwarding loops),
 * calendar parts with no REPLY, a REPLY for another entry (UID) or from someone not the ATTENDEE
 * or not invited, a PARTSTAT Baton does not record, an older or unknown SEQUENCE, an entry gone
 * or cancelled, a person's reply whose organiser has left, or a refusal of the answer itself (expired, replaced, withdrawn).
 */
export type InboundReason =
  | "no_reply_address"
  | "forged_address"
  | "automatic"
  | "unreadable"
  | "not_a_reply"
  | "no_event"
  | "uid_mismatch"
  | "attendee_not_sender"
  | "attendee_not_invited"
  | "unsupported_partstat"
  | "stale_sequence"
  | "unknown_sequence"
  | "occurrence_not_found"
  | "entry_not_found"
  | "entry_cancelled"
  | "organizer_inactive"
  | "expired"
  | "replaced"
  | "withdrawn"
  | "invalid";

export type InboundOutcome =
  | { entryId: string | null; result: "answered"; attendee: AttendeeRef["type"]; response: string; sequence: number }
  | { entryId: string; result: "forwarded" }
  | { entryId: string | null; result: "ignored"; reason: InboundReason; sequence?: number; entrySequence?: number };

/** One structured line per outcome: ids and reasons, never addresses, reply-address MACs or bodies. */
function logOutcome(emailId: string, outcome: InboundOutcome): void {
  const line = JSON.stringify({ event: "inbound_mail", emailId, ...outcome });
  if (outcome.result === "ignored") console.warn(`[inbound] ${line}`);
  else console.info(`[inbound] ${line}`);
}

/**
 * The addresses of a header value, lower-cased, groups flattened, by nodemailer's RFC 5322 parser:
 * `"Nowak, Anna" <Anna@Example.com>, b@example.com` → `anna@example.com`, `b@example.com`. A quoted
 * display name that looks like an address is a name, not the address.
 */
export function addressesOf(value: string): string[] {
  return addressparser(value, { flatten: true }).flatMap((a) => {
    const address = a.address.trim().toLowerCase();
    return address ? [address] : [];
  });
}

/** Out-of-office answers and bounces say so (RFC 3834); forwarding them would only make noise or loops. */
function isAutomatic(headers: Record<string, string>): boolean {
  const get = (name: string) =>
    Object.entries(headers)
      .find(([key]) => key.toLowerCase() === name)?.[1]
      ?.trim()
      .toLowerCase();
  const submitted = get("auto-submitted");
  if (submitted && submitted !== "no") return true;
  const precedence = get("precedence");
  return precedence === "bulk" || precedence === "junk" || precedence === "auto_reply" || get("x-autoreply") === "yes";
}

const LINK_REFUSALS = new Set(["expired", "replaced", "withdrawn", "invalid"]);

async function attendeeByAddress(db: Db, entryId: string, email: string): Promise<{ ref: AttendeeRef; timeZone: string } | null> {
  const [colleague] = await db
    .select({ id: users.id, timeZone: users.timeZone })
    .from(calendarEntryAttendees)
    .innerJoin(users, eq(users.id, calendarEntryAttendees.userId))
    .where(and(eq(calendarEntryAttendees.entryId, entryId), eq(sql`lower(${users.email})`, email)));
  if (colleague) return { ref: { type: "user", id: colleague.id }, timeZone: colleague.timeZone };
  const [guest] = await db
    .select({ id: calendarEntryGuests.id, timeZone: calendarEntryGuests.timeZone })
    .from(calendarEntryGuests)
    .where(and(eq(calendarEntryGuests.entryId, entryId), eq(calendarEntryGuests.email, email)));
  return guest ? { ref: { type: "guest", id: guest.id }, timeZone: guest.timeZone } : null;
}

/**
 * A mail client's METHOD:REPLY to the entry whose reply address it came to: recorded for the
 * ATTENDEE who sent it exactly as their one-click answer would be (answerInvitation: history,
 * organiser told), or refused with its reason and nothing written. The sender must be the
 * ATTENDEE (a colleague's user e-mail or a guest's address): knowing the reply address, which
 * every invitee has, does not let one answer for another.
 */
async function recordReply(db: Db, entryId: string, reply: CalendarReply, sender: string, now: Date): Promise<InboundOutcome> {
  const ignored = (reason: InboundReason, extra: { entrySequence?: number } = {}): InboundOutcome => ({
    entryId,
    result: "ignored",
    reason,
    sequence: reply.sequence,
    ...extra,
  });
  if (reply.uid.toLowerCase() !== `${entryId}@baton`) return ignored("uid_mismatch");
  const [entry] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  if (!entry) return ignored("entry_not_found");
  if (entry.cancelledAt) return ignored("entry_cancelled");
  const attendee = reply.attendees.find((a) => a.email === sender);
  if (!attendee) return ignored("attendee_not_sender");
  const response = answerOfPartstat(attendee.partstat);
  if (!response) return ignored("unsupported_partstat");
  // An answer to one occurrence (RECURRENCE-ID) is checked against that occurrence's own SEQUENCE.
  const occurrence = reply.recurrenceId ? await occurrenceOfEntry(db, entry, reply.recurrenceId) : null;
  if (reply.recurrenceId && (!occurrence || occurrence.cancelled)) return ignored("occurrence_not_found");
  const sequence = occurrence ? occurrence.sequence : entry.sequence;
  if (reply.sequence < sequence) return ignored("stale_sequence", { entrySequence: sequence });
  if (reply.sequence > sequence) return ignored("unknown_sequence", { entrySequence: sequence });
  const invited = await attendeeByAddress(db, entryId, sender);
  if (!invited) return ignored("attendee_not_invited");
  const series = entry.recurrenceRule ? { endsAt: entry.seriesEndsAt?.toISOString() ?? null } : undefined;
  const link = {
    entryId,
    attendee: invited.ref,
    sequence: reply.sequence,
    ...(occurrence
      ? { recurrenceId: occurrence.recurrenceId, expiresAt: occurrence.end }
      : { expiresAt: answerLinkExpiry(entryTimeOf(entry), invited.timeZone, series) }),
  };
  try {
    await answerInvitation(db, link, response, now, "mail_reply");
  } catch (error) {
    const refusal = isUserError(error) ? error.message.replace(/^invitations\.answer\./, "") : "";
    if (LINK_REFUSALS.has(refusal)) return ignored(refusal as InboundReason);
    throw error;
  }
  return { entryId, result: "answered", attendee: invited.ref.type, response, sequence: reply.sequence };
}

/** The most of a human reply's text that is forwarded (the rest is cut, and the cut said). */
const FORWARD_TEXT_LIMIT = 20_000;

/**
 * A person's reply to an invitation (no calendar part): forwarded to the entry's organiser from
 * Baton, with Reply-To the person, in the organiser's language. The provider id of the received
 * mail is the idempotency key: a webhook delivered twice forwards once.
 */
async function forwardToOrganizer(
  db: Db,
  mail: InboundMail,
  entryId: string,
  deps: { sender: EmailSender; appUrl: string; from: string | undefined },
): Promise<InboundOutcome> {
  const [row] = await db
    .select({ title: calendarEntries.title, email: users.email, locale: users.locale, active: users.active })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .innerJoin(users, eq(users.id, calendars.userId))
    .where(eq(calendarEntries.id, entryId));
  if (!row) return { entryId, result: "ignored", reason: "entry_not_found" };
  if (!row.active) return { entryId, result: "ignored", reason: "organizer_inactive" };
  const t = createTranslator({ locale: row.locale, messages: messages[row.locale], namespace: "invitations.forward" });
  const from = oneLine(mail.from) || t("unknownSender");
  const original = (mail.text ?? "").replace(/\r\n?/g, "\n").trim();
  const text = original.length > FORWARD_TEXT_LIMIT ? `${original.slice(0, FORWARD_TEXT_LIMIT)}\n${t("cut")}` : original;
  const { html, text: plain } = await renderNotificationEmail({
    lang: row.locale,
    heading: t("heading", { title: row.title }),
    body: [t("intro", { sender: from }), "", text || t("empty")].join("\n"),
    eyebrow: t("eyebrow"),
    buttonLabel: t("open"),
    buttonUrl: new URL(`/calendar/entries/${entryId}`, deps.appUrl).toString(),
    footer: t("footer", { sender: from }),
    accent: "#3b82f6",
  });
  const subject = oneLine(mail.subject) || row.title;
  await deps.sender.send(
    { to: row.email, subject: oneLine(t("subject", { subject })), html, text: plain, ...(deps.from ? { replyTo: deps.from } : {}) },
    `inbound-forward:${mail.id}:${entryId}`,
  );
  return { entryId, result: "forwarded" };
}

/**
 * What Baton does with an e-mail to its inbound domain, per reply address it was sent to
 * (`reply+<entry><mac>@…`, lib/calendar/reply-address.ts): a METHOD:REPLY is recorded as the
 * attendee's answer, a human reply forwarded to the organiser; anything else changes nothing.
 * Every outcome is logged (ids and reasons only) and returned.
 */
export async function receiveInboundMail(db: Db, mail: InboundMail, deps: { sender: EmailSender; appUrl: string; now: Date }): Promise<InboundOutcome[]> {
  const outcomes: InboundOutcome[] = [];
  const report = (outcome: InboundOutcome) => {
    logOutcome(mail.id, outcome);
    outcomes.push(outcome);
  };
  const addresses = [...new Set(mail.recipients.flatMap(addressesOf))].filter((a) => /^reply\+/i.test(a));
  const entryIds = new Set<string>();
  for (const address of addresses) {
    const entryId = entryOfReplyAddress(address);
    if (entryId) entryIds.add(entryId);
    else report({ entryId: null, result: "ignored", reason: "forged_address" });
  }
  if (!addresses.length) report({ entryId: null, result: "ignored", reason: "no_reply_address" });
  if (!entryIds.size) return outcomes;

  const [sender] = addressesOf(mail.from);
  const replies = mail.calendars.map(readCalendarReply);
  for (const entryId of entryIds) {
    if (replies.length) {
      // Gmail sends the REPLY twice (alternative part and attachment): the first one readable answers.
      const first = replies.find((r) => r.ok) ?? replies[0]!;
      report(first.ok ? await recordReply(db, entryId, first.reply, sender ?? "", deps.now) : { entryId, result: "ignored", reason: first.reason });
    } else if (isAutomatic(mail.headers)) {
      report({ entryId, result: "ignored", reason: "automatic" });
    } else {
      report(await forwardToOrganizer(db, mail, entryId, { sender: deps.sender, appUrl: deps.appUrl, from: sender }));
    }
  }
  return outcomes;
}
