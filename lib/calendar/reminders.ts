import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarEntryReminders } from "@/db/schema";
import type { ReminderSpec } from "@/lib/reminders/moments";
import type { FieldProblems } from "@/lib/tasks/references";
import { wallClockToInstant } from "@/lib/time/zoned";
import type { EntryReminderInput } from "./schema";

/** The form's reminders as stored: a lead time, or a wall-clock moment in the viewer's zone. */
export function entryRemindersFromInput(input: EntryReminderInput[], timeZone: string, problems: FieldProblems): ReminderSpec[] {
  return input.map((r, i) => {
    if (r.type === "before") return { offsetMinutes: r.offsetMinutes, fireAt: null, channel: r.channel };
    const fireAt = wallClockToInstant(r.fireAt, timeZone);
    if (!fireAt) problems.add(`reminders.${i}.fireAt`, "invalidDate");
    return { offsetMinutes: null, fireAt, channel: r.channel };
  });
}

export async function remindersOfEntry(db: DbOrTx, entryId: string): Promise<ReminderSpec[]> {
  return db
    .select({ offsetMinutes: calendarEntryReminders.offsetMinutes, fireAt: calendarEntryReminders.fireAt, channel: calendarEntryReminders.channel })
    .from(calendarEntryReminders)
    .where(eq(calendarEntryReminders.entryId, entryId))
    .orderBy(asc(calendarEntryReminders.createdAt), asc(calendarEntryReminders.id));
}

/** A stable text form of a set of reminders, for comparing and for the history ("15m; 2026-03-02T08:00:00.000Z@sms"). */
export function describeEntryReminders(rows: ReminderSpec[]): string {
  return rows
    .map((r) => `${r.offsetMinutes !== null ? `${r.offsetMinutes}m` : r.fireAt!.toISOString()}${r.channel ? `@${r.channel}` : ""}`)
    .sort()
    .join("; ");
}

/** Replaces the entry's reminders; true when they changed. */
export async function replaceEntryReminders(tx: DbOrTx, entryId: string, rows: ReminderSpec[]): Promise<{ changed: boolean; before: string; after: string }> {
  const before = describeEntryReminders(await remindersOfEntry(tx, entryId));
  const after = describeEntryReminders(rows);
  if (before === after) return { changed: false, before, after };
  await tx.delete(calendarEntryReminders).where(eq(calendarEntryReminders.entryId, entryId));
  if (rows.length) await tx.insert(calendarEntryReminders).values(rows.map((r) => ({ entryId, ...r })));
  return { changed: true, before, after };
}
