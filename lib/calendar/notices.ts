import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntryAttendees, calendarGrants } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { writeOutbox, type OutboxRow, type OutboxWork } from "@/lib/notify/outbox";
import { peopleById, type Person } from "@/lib/tasks/references";
import type { EntryChange } from "./notice-kinds";
import { canSeeDetails } from "./policy";
import { entryTimeOf } from "./entry-time";
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
}

export type EntryNotice =
  | { kind: "invited"; recipientId: string }
  | { kind: "rescheduled"; recipientId: string; previous: EntryTime }
  | { kind: "cancelled"; recipientId: string }
  /** `was`: the entry before the change, as the removed attendee knew it; the caller vouches they attended until this change. */
  | { kind: "removed"; recipientId: string; was: NoticeEntry }
  | { kind: "answered"; recipientId: string; attendee: string; response: Exclude<AttendeeResponse, "needs_action"> }
  | { kind: "changedForYou"; recipientId: string; change: EntryChange; previous?: EntryTime };

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

function rowOf(entry: NoticeEntry, names: { owner: string; actor: string }, n: EntryNotice, recipient: Person, actorId: string, readsNow: boolean): OutboxRow {
  const facts = factsOf(entry, entry.version, names);
  const options = { actorId };
  switch (n.kind) {
    case "invited":
      return notice("calendar.invited", facts, recipient, options);
    case "rescheduled":
      return notice("calendar.rescheduled", { ...facts, previous: n.previous }, recipient, options);
    case "cancelled":
      return notice("calendar.cancelled", facts, recipient, options);
    case "removed":
      return notice("calendar.removed", { ...factsOf(n.was, entry.version, names), canOpen: readsNow }, recipient, options);
    case "answered":
      return notice("calendar.answered", { ...facts, attendee: n.attendee, response: n.response }, recipient, options);
    case "changedForYou":
      return notice("calendar.changedForYou", { ...facts, change: n.change, ...(n.previous ? { previous: n.previous } : {}) }, recipient, options);
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
  actor: { id: string; name: string },
  notices: EntryNotice[],
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
    return recipient?.active && (readsNow || n.kind === "removed") ? [rowOf(entry, names, n, recipient, actor.id, readsNow)] : [];
  });
  return writeOutbox(work, rows);
}
