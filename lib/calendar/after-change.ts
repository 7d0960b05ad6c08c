import { eq } from "drizzle-orm";
import { calendarEntries } from "@/db/schema";
import type { Work } from "@/lib/effects/unit";
import { writeTimeline } from "@/lib/timelines/write";
import { notifyAboutEntry, type EntryNotice } from "./notices";

/**
 * What every change to an entry does before its transaction commits: rewrites the entry's
 * reminders in the moments table (under the row lock the command holds), declares a fresh
 * timeline run for the new version, and writes the notices the change causes.
 */
export async function afterEntryChange(work: Work, entryId: string, ownerId: string, notices: EntryNotice[]): Promise<void> {
  const { tx, viewer, now, effects } = work;
  const [entry] = await tx.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  if (!entry) return;
  await writeTimeline(tx, { type: "entry", id: entryId }, now);
  effects.schedule({ type: "entry", id: entryId, version: entry.version });
  await notifyAboutEntry(work, entry, ownerId, viewer, notices);
}
