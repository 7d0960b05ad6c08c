import { eq } from "drizzle-orm";
import { calendarEntries } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { peopleById } from "@/lib/tasks/references";
import { writeTimeline } from "@/lib/timelines/write";
import { invitationFactsOf } from "./invitation-facts";
import { notifyAboutEntry, notifyGuestsAboutEntry, TO_ATTENDEES, type EntryNotice, type GuestNotice } from "./notices";

export interface AfterChangeOptions {
  /** What the entry's outside guests are told. */
  guests?: GuestNotice[];
  /** Who acted, when not the unit's viewer: an outside guest answering through their link. */
  actor?: { id: string | null; name: string };
}

/**
 * What every change to an entry does before its transaction commits: rewrites the entry's
 * reminders in the moments table (under the row lock the command holds), declares a fresh
 * timeline run for the new version, and writes the notices the change causes. Notices to
 * attendees carry the invitation facts of the entry as it now is (SEQUENCE, who is invited).
 */
export async function afterEntryChange(
  work: Work<Viewer | null>,
  entryId: string,
  ownerId: string,
  notices: EntryNotice[],
  options: AfterChangeOptions = {},
): Promise<void> {
  const { tx, now, effects } = work;
  const actor = options.actor ?? work.viewer;
  if (!actor) throw new Error("a change to an entry names who made it");
  const guests = options.guests ?? [];
  const [entry] = await tx.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  if (!entry) return;
  await writeTimeline(tx, { type: "entry", id: entryId }, now);
  effects.schedule({ type: "entry", id: entryId, version: entry.version });
  const invites = guests.length > 0 || notices.some((n) => TO_ATTENDEES.has(n.kind) && n.recipientId !== actor.id);
  const owner = invites ? ((await peopleById(tx, [ownerId])).get(ownerId)?.name ?? actor.name) : actor.name;
  const invitation = invites ? await invitationFactsOf(tx, entry, owner, now) : undefined;
  await notifyAboutEntry(work, entry, ownerId, actor, notices, invitation);
  if (guests.length && invitation) await notifyGuestsAboutEntry(work, entry, { owner, actor: actor.name }, actor.id, guests, invitation);
}
