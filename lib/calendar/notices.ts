import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntryAttendees, calendarGrants } from "@/db/schema";
import { notice, noticeToAddress, type NoticeAddress } from "@/lib/notify/notice";
import type { NoticeKey, NoticePayload } from "@/lib/notify/registry";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import { peopleById, type Person } from "@/lib/tasks/references";
import type { EntryChange } from "./notice-kinds";
import { canSeeDetails } from "./policy";
import { entryTimeOf } from "./entry-time";
import { forGuest, guestName, type InvitationFacts } from "./invitation-facts";
import type { AttendeeResponse, EntryTime, EntryVisibility } from "./types";

/** The entry as its notices describe it: after the change. */
export interface NoticeEntry {
  id: string;
  title: string;
  location: string | null;
  visibility: EntryVisibility;
  allDay: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
  /** iCalendar SEQUENCE: what invitation e-mails carry. */
  sequence: number;
}

export type EntryNotice =
  | { kind: "invited"; recipientId: string }
  | { kind: "rescheduled"; recipientId: string; previous: EntryTime }
  | { kind: "cancelled"; recipientId: string }
  /** `was`: the entry before the change, as the removed attendee knew it; the caller vouches they attended until this change. */
  | { kind: "removed"; recipientId: string; was: NoticeEntry }
  | { kind: "answered"; recipientId: string; attendee: string; response: Exclude<AttendeeResponse, "needs_action"> }
  | { kind: "changedForYou"; recipientId: string; change: EntryChange; previous?: EntryTime }
  // An attendee told of a change of place or content (their answer stands), and one removed.
  | { kind: "updated"; recipientId: string }
  | { kind: "withdrawn"; recipientId: string };

/** The notices that go to attendees: their e-mails carry the invitation (REQUEST or CANCEL). */
export const TO_ATTENDEES: ReadonlySet<EntryNotice["kind"]> = new Set(["invited", "rescheduled", "cancelled", "removed", "updated", "withdrawn"]);

/** An outside guest of the entry, as their notices need them. */
export interface GuestRecipient {
  id: string;
  email: string;
  name: string | null;
  locale: "pl" | "en";
  timeZone: string;
}

/** What a guest is told: the attendees' notices, by e-mail only. */
export type GuestNotice =
  { kind: "invited" | "cancelled" | "updated" | "withdrawn"; guest: GuestRecipient } | { kind: "rescheduled"; guest: GuestRecipient; previous: EntryTime };

/**
 * Removing someone does not change the entry for the others (its SEQUENCE stays), but their
 * CANCEL must outrank the REQUEST they hold: it goes out one higher.
 */
function withdrawal(invitation: InvitationFacts): InvitationFacts {
  return { ...invitation, sequence: invitation.sequence + 1 };
}

/** A colleague's notice or, to an address, a guest's: the same kinds and payloads. */
function noticeTo<K extends NoticeKey>(key: K, payload: NoticePayload<K>, to: Person | NoticeAddress, options: { actorId: string | null }) {
  return "key" in to ? noticeToAddress(key, payload, to, options) : notice(key, payload, to, options);
}

/**
 * Of `ids`, those who may read the entry's details now (policy.ts): everyone for a normal
 * entry; for a private one the owner, its attendees and those the owner lets see private
 * entries. Read inside the change's transaction, so attendees just added or removed count.
 */
async function readersOf(tx: DbOrTx, entry: NoticeEntry, ownerId: string, ids: string[]): Promise<Set<string>> {
  if (entry.visibility === "normal" || !ids.length) return new Set(ids);
  const [attendees, grants] = await Promise.all([
    tx
      .select({ id: calendarEntryAttendees.userId })
      .from(calendarEntryAttendees)
      .where(and(eq(calendarEntryAttendees.entryId, entry.id), inArray(calendarEntryAttendees.userId, ids))),
    tx
      .select({ id: calendarGrants.granteeId })
      .from(calendarGrants)
      .where(and(eq(calendarGrants.ownerId, ownerId), eq(calendarGrants.canSeePrivate, true), inArray(calendarGrants.granteeId, ids))),
  ]);
  const attending = new Set(attendees.map((a) => a.id));
  const seeing = new Set(grants.map((g) => g.id));
  return new Set(
    ids.filter((id) =>
      canSeeDetails(entry.visibility, { isOwner: id === ownerId, isAttendee: attending.has(id), grantEdit: false, grantSeePrivate: seeing.has(id) }),
    ),
  );
}

/** What a notice says of the entry; `version` is always the one after the change (one notice per change). */
function factsOf(entry: NoticeEntry, version: number, names: { owner: string; actor: string }) {
  return {
    entryId: entry.id,
    title: entry.title,
    ...(entry.location ? { location: entry.location } : {}),
    time: entryTimeOf(entry),
    version,
    ...names,
  };
}

function rowOf(
  entry: NoticeEntry,
  names: { owner: string; actor: string },
  n: EntryNotice | GuestNotice,
  to: Person | NoticeAddress,
  actorId: string | null,
  invitation?: InvitationFacts,
  readsNow = true,
): OutboxRow {
  // Attendees' notices carry their invitation; a removed one's is a CANCEL that outranks the REQUEST they hold.
  const leaving = n.kind === "withdrawn" || n.kind === "removed";
  const invite = invitation && TO_ATTENDEES.has(n.kind) ? { invitation: leaving ? withdrawal(invitation) : invitation } : {};
  const facts = { ...factsOf(entry, entry.version, names), ...invite };
  const options = { actorId };
  switch (n.kind) {
    case "invited":
      return noticeTo("calendar.invited", facts, to, options);
    case "rescheduled":
      return noticeTo("calendar.rescheduled", { ...facts, previous: n.previous }, to, options);
    case "cancelled":
      return noticeTo("calendar.cancelled", facts, to, options);
    case "removed":
      return noticeTo("calendar.removed", { ...factsOf(n.was, entry.version, names), ...invite, canOpen: readsNow }, to, options);
    case "answered":
      return noticeTo("calendar.answered", { ...facts, attendee: n.attendee, response: n.response }, to, options);
    case "changedForYou":
      return noticeTo("calendar.changedForYou", { ...facts, change: n.change, ...(n.previous ? { previous: n.previous } : {}) }, to, options);
    case "updated":
      return noticeTo("invitation.updated", facts, to, options);
    case "withdrawn":
      return noticeTo("invitation.withdrawn", facts, to, options);
  }
}

/**
 * Writes the notices of one change to an entry in its unit of work. Nobody is told about their
 * own action, nor is a deactivated account; and a private entry's notice, which names its
 * title, goes only to people who may see its details. The one exception is a removed
 * attendee, who may no longer see a private entry: they are told, with the entry as it was
 * before the change, which they could see as an attendee (nothing changed in the same edit).
 */
export async function notifyAboutEntry(
  work: OutboxWork,
  entry: NoticeEntry,
  ownerId: string,
  actor: { id: string | null; name: string },
  notices: EntryNotice[],
  invitation?: InvitationFacts,
): Promise<string[]> {
  const wanted = notices.filter((n) => n.recipientId !== actor.id);
  if (!wanted.length) return [];
  const people = await peopleById(work.tx, [ownerId, ...wanted.map((n) => n.recipientId)]);
  const readers = await readersOf(
    work.tx,
    entry,
    ownerId,
    wanted.map((n) => n.recipientId),
  );
  const names = { owner: people.get(ownerId)?.name ?? actor.name, actor: actor.name };
  const rows = wanted.flatMap((n) => {
    const recipient = people.get(n.recipientId);
    const readsNow = readers.has(n.recipientId);
    return recipient?.active && (readsNow || n.kind === "removed") ? [rowOf(entry, names, n, recipient, actor.id, invitation, readsNow)] : [];
  });
  return writeOutbox(work, rows);
}

/**
 * Writes a change's notices to the entry's outside guests: e-mail only, in each guest's language
 * and zone, with the invitation facts a guest may read (no client, no case). A guest is
 * invited to the entry, so may read it even when it is private.
 */
export async function notifyGuestsAboutEntry(
  work: OutboxWork,
  entry: NoticeEntry,
  names: { owner: string; actor: string },
  actorId: string | null,
  notices: GuestNotice[],
  invitation: InvitationFacts,
): Promise<string[]> {
  const rows = notices.map((n) => {
    const address: NoticeAddress = {
      key: `guest:${n.guest.id}`,
      email: n.guest.email,
      name: guestName(n.guest),
      locale: n.guest.locale,
      timeZone: n.guest.timeZone,
    };
    return rowOf(entry, names, n, address, actorId, forGuest(invitation, n.guest.id));
  });
  return writeOutbox(work, rows);
}
