import ICAL from "ical.js";
import type { Answer } from "./types";

/** One ATTENDEE of a METHOD:REPLY: their address (lower case, without mailto:) and PARTSTAT. */
export interface ReplyAttendee {
  email: string;
  /** PARTSTAT upper-cased; NEEDS-ACTION when the attendee line has none (RFC 5545's default). */
  partstat: string;
}

/** What a mail client's answer to an invitation says: which meeting, which invitation, who, how. */
export interface CalendarReply {
  uid: string;
  /** The SEQUENCE of the invitation answered; 0 when absent (RFC 5546 leaves it out when 0). */
  sequence: number;
  attendees: ReplyAttendee[];
  /** The occurrence of a series answered (RECURRENCE-ID, as an instant), or null: the whole entry or series. */
  recurrenceId: Date | null;
}

export type ReadReply = { ok: true; reply: CalendarReply } | { ok: false; reason: "unreadable" | "not_a_reply" | "no_event" };

const ANSWERS: Record<string, Answer> = { ACCEPTED: "accepted", TENTATIVE: "tentative", DECLINED: "declined" };

/** The answer a PARTSTAT records in Baton, or null for those it does not (NEEDS-ACTION, DELEGATED, …). */
export function answerOfPartstat(partstat: string): Answer | null {
  return ANSWERS[partstat.toUpperCase()] ?? null;
}

/** `mailto:Anna@Example.com` → `anna@example.com`; null when the value is not a mailto address. */
function mailtoAddress(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^mailto:(.+)$/i.exec(value.trim());
  const address = match?.[1]?.trim().toLowerCase();
  return address && address.includes("@") ? address : null;
}

/**
 * Reads a calendar part with ical.js (lines folded or not, CRLF or LF, any VTIMEZONE) and returns
 * the REPLY it carries: the first VEVENT's UID and SEQUENCE and its attendees with their PARTSTAT.
 * Anything else (a REQUEST forwarded, a COUNTER, text ical.js cannot parse) is refused with why.
 */
export function readCalendarReply(text: string): ReadReply {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  if (calendar.name !== "vcalendar") return { ok: false, reason: "unreadable" };
  const method = calendar.getFirstPropertyValue("method");
  if (typeof method !== "string" || method.toUpperCase() !== "REPLY") return { ok: false, reason: "not_a_reply" };
  const event = calendar.getFirstSubcomponent("vevent");
  const uid = event?.getFirstPropertyValue("uid");
  if (!event || typeof uid !== "string" || !uid.trim()) return { ok: false, reason: "no_event" };
  const sequence = event.getFirstPropertyValue("sequence");
  const recurrence = event.getFirstProperty("recurrence-id");
  const attendees: ReplyAttendee[] = [];
  for (const property of event.getAllProperties("attendee")) {
    const email = mailtoAddress(property.getFirstValue());
    if (!email) continue;
    const partstat = property.getParameter("partstat");
    attendees.push({ email, partstat: typeof partstat === "string" ? partstat.toUpperCase() : "NEEDS-ACTION" });
  }
  return {
    ok: true,
    reply: {
      uid: uid.trim(),
      sequence: typeof sequence === "number" && Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
      attendees,
      recurrenceId: recurrenceInstant(calendar, recurrence),
    },
  };
}

/**
 * A RECURRENCE-ID as an instant: with its TZID resolved by the VTIMEZONE the reply carries (or
 * UTC when written with Z); a floating or unknown-zone value cannot name an instant and gives null.
 */
function recurrenceInstant(calendar: ICAL.Component, property: ICAL.Property | null): Date | null {
  const value = property?.getFirstValue();
  if (!(value instanceof ICAL.Time)) return null;
  const tzid = property!.getParameter("tzid");
  const time = value.clone();
  if (typeof tzid === "string") {
    const zone = calendar.getAllSubcomponents("vtimezone").find((z) => z.getFirstPropertyValue("tzid") === tzid);
    if (!zone) return null;
    time.zone = new ICAL.Timezone(zone);
  } else if (time.zone !== ICAL.Timezone.utcTimezone) {
    return null;
  }
  const at = time.toJSDate();
  return Number.isNaN(at.getTime()) ? null : at;
}
