import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { calendarEntries, calendarEntryActivity, calendarEntryAttendees, calendarEntryGuests, calendars, users, type AnswerPath } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/action/errors";
import { countAttempt, type ThrottleRule } from "@/lib/auth/throttle";
import { loadViewer } from "@/lib/auth/viewer";
import { runUnit, type SystemWork } from "@/lib/effects/unit";
import { afterEntryChange } from "./after-change";
import { readAnswerLink, type AnswerLink } from "./answer-token";
import { answerEntry } from "./commands";
import { entryTimeOf } from "./entry-time";
import { clearOccurrenceAnswers, occurrenceAnswerOf, occurrenceOfEntry, setOccurrenceAnswer } from "./occurrence-answers";
import { guestName } from "./invitation-facts";
import type { Answer, AttendeeResponse, EntryTime } from "./types";

/** What an answer link opens: the invitation it answers, as its attendee may read it. */
export interface LinkedInvitation {
  entryId: string;
  title: string;
  location: string | null;
  time: EntryTime;
  organizer: string;
  attendee: { name: string; timeZone: string; locale: "pl" | "en" };
  response: AttendeeResponse;
  /** The link answers this one occurrence of a series (its RECURRENCE-ID), whose time `time` is. */
  recurrenceId: string | null;
}

/**
 * Why a link cannot answer, if it cannot: not one Baton signed (altered, cut short), the meeting
 * is over, a newer invitation replaced it (the entry changed and a new e-mail went out), or the
 * invitation no longer stands (the entry was cancelled or deleted, the attendee removed or gone).
 */
export type LinkRefusal = "invalid" | "expired" | "replaced" | "withdrawn";
export type LinkState = { ok: true; invitation: LinkedInvitation; link: AnswerLink } | { ok: false; refusal: LinkRefusal };

/** Answers through links from one client address: a person answers a few times, a guesser many. */
export const ANSWER_LINK_RULE: ThrottleRule = { maxAttempts: 30, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export function answerLinkAddressKey(address: string | null): string {
  return `answer-link:${address ?? "unknown"}`;
}

async function attendeeOf(db: DbOrTx, link: AnswerLink) {
  if (link.attendee.type === "user") {
    const [row] = await db
      .select({ name: users.name, timeZone: users.timeZone, locale: users.locale, active: users.active, response: calendarEntryAttendees.response })
      .from(calendarEntryAttendees)
      .innerJoin(users, eq(users.id, calendarEntryAttendees.userId))
      .where(and(eq(calendarEntryAttendees.entryId, link.entryId), eq(calendarEntryAttendees.userId, link.attendee.id)));
    return row?.active ? row : null;
  }
  const [row] = await db
    .select({
      name: calendarEntryGuests.name,
      email: calendarEntryGuests.email,
      timeZone: calendarEntryGuests.timeZone,
      locale: calendarEntryGuests.locale,
      response: calendarEntryGuests.response,
    })
    .from(calendarEntryGuests)
    .where(and(eq(calendarEntryGuests.entryId, link.entryId), eq(calendarEntryGuests.id, link.attendee.id)));
  return row ? { ...row, name: guestName(row) } : null;
}

/**
 * What a link opens, read and changing nothing: mail scanners open links before people do. In a
 * command's transaction `lock` holds the entry until it commits, so the answer is written to the
 * invitation checked here.
 */
export async function answerLinkState(db: DbOrTx, token: string, now: Date, lock = false): Promise<LinkState> {
  const link = readAnswerLink(token);
  if (!link) return { ok: false, refusal: "invalid" };
  return invitationState(db, link, now, lock);
}

/**
 * Whether an invitation, as `link` names it (entry, attendee, SEQUENCE, expiry), can still be
 * answered now: the checks of a link's token once its signature held, or of a mail client's
 * METHOD:REPLY whose UID, attendee and SEQUENCE name the same things (lib/calendar/inbound-reply.ts).
 */
export async function invitationState(db: DbOrTx, link: AnswerLink, now: Date, lock = false): Promise<LinkState> {
  const query = db
    .select({ entry: calendarEntries, organizer: users.name })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .innerJoin(users, eq(users.id, calendars.userId))
    .where(eq(calendarEntries.id, link.entryId));
  const [row] = lock ? await query.for("update", { of: calendarEntries }) : await query;
  const attendee = row && !row.entry.cancelledAt ? await attendeeOf(db, link) : null;
  if (!row || !attendee) return { ok: false, refusal: "withdrawn" };
  const occurrence = link.recurrenceId ? await occurrenceOfEntry(db, row.entry, link.recurrenceId) : null;
  if (link.recurrenceId && (!occurrence || occurrence.cancelled)) return { ok: false, refusal: "withdrawn" };
  const time = occurrence
    ? entryTimeOf({ allDay: false, startsAt: occurrence.start, endsAt: occurrence.end, startDate: null, endDate: null })
    : entryTimeOf(row.entry);
  // A whole series' invitation stands until its last occurrence ends.
  const ends = occurrence ? occurrence.end : row.entry.recurrenceRule ? row.entry.seriesEndsAt : time.allDay ? link.expiresAt : new Date(time.end);
  if (now >= link.expiresAt || (ends && now >= ends)) return { ok: false, refusal: "expired" };
  if ((occurrence ? occurrence.sequence : row.entry.sequence) !== link.sequence) return { ok: false, refusal: "replaced" };
  const own = occurrence ? await occurrenceAnswerOf(db, row.entry.id, occurrence.recurrenceId, link.attendee) : null;
  return {
    ok: true,
    link,
    invitation: {
      entryId: row.entry.id,
      title: occurrence?.title ?? row.entry.title,
      location: occurrence ? occurrence.location : row.entry.location,
      time,
      organizer: row.organizer,
      attendee: { name: attendee.name, timeZone: attendee.timeZone, locale: attendee.locale },
      response: own ?? attendee.response,
      recurrenceId: occurrence?.recurrenceId.toISOString() ?? null,
    },
  };
}

/** An outside guest's answer: recorded on their row and in the entry's history, and told to the organiser. */
async function answerAsGuest(work: SystemWork, link: AnswerLink, response: Answer, via: AnswerPath): Promise<void> {
  const { tx, now } = work;
  const [row] = await tx
    .select({ entry: calendarEntries, ownerId: calendars.userId, guest: calendarEntryGuests })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .innerJoin(calendarEntryGuests, and(eq(calendarEntryGuests.entryId, calendarEntries.id), eq(calendarEntryGuests.id, link.attendee.id)))
    .where(eq(calendarEntries.id, link.entryId));
  if (!row) return;
  const occurrence = link.recurrenceId ? await occurrenceOfEntry(tx, row.entry, link.recurrenceId) : null;
  const current = occurrence ? await occurrenceAnswerOf(tx, row.entry.id, occurrence.recurrenceId, link.attendee) : row.guest.response;
  if (current === response) return;
  const name = guestName(row.guest);
  if (occurrence) {
    await setOccurrenceAnswer(tx, { entryId: row.entry.id, recurrenceId: occurrence.recurrenceId, attendee: link.attendee, response, via, now });
  } else {
    await tx.update(calendarEntryGuests).set({ response, respondedAt: now, answeredVia: via }).where(eq(calendarEntryGuests.id, row.guest.id));
    if (row.entry.recurrenceRule) await clearOccurrenceAnswers(tx, row.entry.id, link.attendee);
  }
  await tx
    .update(calendarEntries)
    .set({ version: row.entry.version + 1 })
    .where(eq(calendarEntries.id, row.entry.id));
  // No colleague acted: the history names the guest (queries.ts reads a guest's name from the comment).
  await tx.insert(calendarEntryActivity).values({
    entryId: row.entry.id,
    actorId: null,
    kind: "answered",
    field: "guest",
    oldValue: current,
    newValue: response,
    comment: name,
    createdAt: now,
  });
  await afterEntryChange(work, row.entry.id, row.ownerId, [{ kind: "answered", recipientId: row.ownerId, attendee: name, response }], {
    actor: { id: null, name },
    ...(occurrence ? { occurrence } : {}),
  });
}

/**
 * Records the answer a link's holder confirmed (a POST from the confirmation page), for the
 * attendee and entry the link is bound to: a colleague's as if they had answered in Baton, a
 * guest's on their row; the organiser is told either way. A link that cannot answer is refused
 * with its reason (`invitations.answer.<refusal>`) and nothing is written.
 */
export async function answerByLink(db: Db, input: { token: string; response: Answer }, now: Date): Promise<{ response: Answer }> {
  const link = readAnswerLink(input.token) ?? refuseAnswer("invalid");
  return answerInvitation(db, link, input.response, now, "link");
}

function refuseAnswer(refusal: LinkRefusal): never {
  throw new Invalid(`invitations.answer.${refusal}`);
}

/**
 * Records `response` for the attendee and entry `link` names, checked as a link is (invitationState,
 * under the entry's lock): a colleague's as if they had answered in Baton, a guest's on their row;
 * the organiser is told either way. Refused with `invitations.answer.<refusal>`, nothing written.
 * Callers have established that the binding is genuine: a link's signature, or a REPLY that came
 * to the entry's signed reply address from the attendee; `via` says which, for the delivery log.
 */
export async function answerInvitation(db: Db, link: AnswerLink, response: Answer, now: Date, via: AnswerPath): Promise<{ response: Answer }> {
  const check = async (tx: DbOrTx) => {
    const state = await invitationState(tx, link, now, true);
    if (!state.ok) refuseAnswer(state.refusal);
  };
  if (link.attendee.type === "user") {
    const viewer = (await loadViewer(db, link.attendee.id)) ?? refuseAnswer("withdrawn");
    await runUnit(
      db,
      viewer,
      async (work) => {
        await check(work.tx);
        await answerEntry(work, { entryId: link.entryId, response, via, ...(link.recurrenceId ? { recurrenceId: link.recurrenceId.toISOString() } : {}) });
      },
      { now },
    );
  } else {
    await runUnit(
      db,
      null,
      async (work) => {
        await check(work.tx);
        await answerAsGuest(work, link, response, via);
      },
      { now },
    );
  }
  return { response };
}

/** Counts an answer from a client address; over the limit it is refused before anything is read. */
export async function admitLinkAnswer(db: Db, address: string | null, now: Date): Promise<void> {
  if (!(await countAttempt(db, answerLinkAddressKey(address), ANSWER_LINK_RULE, now)).allowed) throw new Conflict("invitations.answer.throttled");
}
