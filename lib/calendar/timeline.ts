import { reminderKey, reminderMomentOf, type ReminderSpec } from "@/lib/reminders/moments";
import type { Moment } from "@/lib/reminders/timeline";
import { startOfLocalDay } from "@/lib/time/zoned";
import type { AttendeeResponse } from "./types";

/** What a timed entry reminds of when neither the entry nor the person sets anything: 15 minutes before. */
export const DEFAULT_ENTRY_REMINDER: ReminderSpec = { offsetMinutes: 15, fireAt: null, channel: null };

export interface TimelineEntry {
  id: string;
  allDay: boolean;
  startsAt: Date | null;
  startDate: string | null;
  cancelled: boolean;
}

export interface EntryRecipient {
  id: string;
  timeZone: string;
  /** The owner has none; an attendee their answer. */
  response: AttendeeResponse | null;
  /** The person's default reminders (the same as for their tasks). */
  defaults: ReminderSpec[];
}

/**
 * The reminders an entry sends, per person: the owner and every attendee who has not declined.
 * The entry's own reminders apply to all of them; without any, each person's defaults, and
 * without those 15 minutes before. An all-day entry has only its own reminders (a lead time
 * counts from the start of its first day in each person's zone): a person's defaults are lead
 * times before a meeting, and "15 minutes before midnight" helps nobody. A cancelled entry has
 * none. Pure: the source reads the rows, writeTimeline stores the moments.
 */
export function entryTimelineOf(entry: TimelineEntry, own: ReminderSpec[], recipients: EntryRecipient[]): Moment[] {
  if (entry.cancelled) return [];
  const item = { type: "entry" as const, id: entry.id };
  const moments: Moment[] = [];
  for (const person of recipients) {
    if (person.response === "declined") continue;
    const anchor = entry.allDay ? (entry.startDate ? startOfLocalDay(entry.startDate, person.timeZone) : null) : entry.startsAt;
    const specs = own.length ? own : entry.allDay ? [] : person.defaults.length ? person.defaults : [DEFAULT_ENTRY_REMINDER];
    for (const spec of specs) {
      const at = reminderMomentOf(anchor, spec, person.timeZone);
      if (!at) continue;
      const key = reminderKey(item, person.id, at, spec.channel);
      if (moments.some((m) => m.key === key)) continue;
      moments.push({ key, kind: "reminder", at, recipientId: person.id, channel: spec.channel, dueAt: anchor });
    }
  }
  return moments.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}
