import { eq } from "drizzle-orm";
import { calendarEntries } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { peopleById } from "@/lib/tasks/references";
import { writeTimeline } from "@/lib/timelines/write";
import { invitationFactsOf, type InvitationFacts } from "./invitation-facts";
import { occurrenceAnswersByEmail, type SeriesOccurrence } from "./occurrence-answers";
import { notifyAboutEntry, notifyGuestsAboutEntry, TO_ATTENDEES, type EntryNotice, type GuestNotice } from "./notices";

export interface AfterChangeOptions {
  /** What the entry's outside guests are told. */
  guests?: GuestNotice[];
  /** Who acted, when not the unit's viewer: an outside guest answering through their link. */
  actor?: { id: string | null; name: string };
  /**
   * The change concerns one occurrence of the series alone: its notices describe that occurrence
   * (its time and details) and its invitations carry its RECURRENCE-ID, SEQUENCE and answers.
   */
  occurrence?: SeriesOccurrence;
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
  const [row] = await tx.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  if (!row) return;
  const occurrence = options.occurrence;
  const entry = occurrence ? { ...row, title: occurrence.title, location: occurrence.location, startsAt: occurrence.start, endsAt: occurrence.end } : row;
  await writeTimeline(tx, { type: "entry", id: entryId }, now);
  effects.schedule({ type: "entry", id: entryId, version: entry.version });
  const invites = guests.length > 0 || notices.some((n) => TO_ATTENDEES.has(n.kind) && n.recipientId !== actor.id);
  const owner = invites ? ((await peopleById(tx, [ownerId])).get(ownerId)?.name ?? actor.name) : actor.name;
  const facts = invites ? await invitationFactsOf(tx, row, owner, now) : undefined;
  const invitation = facts && occurrence ? await ofOccurrence(tx, entryId, facts, occurrence) : facts;
  await notifyAboutEntry(work, entry, ownerId, actor, notices, invitation);
  if (guests.length && invitation) await notifyGuestsAboutEntry(work, entry, { owner, actor: actor.name }, actor.id, guests, invitation);
}

/** The invitation facts of one occurrence: its RECURRENCE-ID and SEQUENCE, and the answers given to it. */
async function ofOccurrence(tx: Work["tx"], entryId: string, facts: InvitationFacts, occurrence: SeriesOccurrence): Promise<InvitationFacts> {
  const answers = await occurrenceAnswersByEmail(tx, entryId, occurrence.recurrenceId);
  return {
    ...facts,
    occurrence: { recurrenceId: occurrence.recurrenceId.toISOString(), sequence: occurrence.sequence },
    attendees: facts.attendees.map((a) => ({ ...a, response: answers.get(a.email.toLowerCase()) ?? a.response })),
  };
}
