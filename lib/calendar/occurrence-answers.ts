import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import {
  calendarEntries,
  calendarEntryAttendees,
  calendarEntryGuests,
  calendarOccurrenceAnswers,
  calendarOccurrenceOverrides,
  type AnswerPath,
} from "@/db/schema";
import type { AttendeeRef } from "./answer-token";
import { isOccurrenceStart } from "./recurrence";
import { seriesOfEntry } from "./series-rows";
import type { AttendeeResponse } from "./types";

/**
 * Answers to single occurrences of a series: an attendee answers the series (their attendee or
 * guest row) and may answer one occurrence otherwise (a row here), and an occurrence whose time
 * was changed on its own asks everyone again (a "needs action" row for each). Whatever reads an
 * attendee's answer to an occurrence (reminders, the entry page, an occurrence's invitation) takes
 * the occurrence's row when there is one, else the series' answer.
 */

type EntryRow = typeof calendarEntries.$inferSelect;

/**
 * The SEQUENCE of one occurrence's own VEVENT (RECURRENCE-ID): the series' while the occurrence
 * is as the rule makes it, above it once changed or cancelled on its own, and raised with each
 * change of it or of the series.
 */
export function occurrenceSequence(entrySequence: number, override: { sequence: number } | null | undefined): number {
  return override ? entrySequence + override.sequence + 1 : entrySequence;
}

/** One occurrence as it is now: where the rule put it or where it was moved, and its own details. */
export interface SeriesOccurrence {
  recurrenceId: Date;
  start: Date;
  end: Date;
  title: string;
  location: string | null;
  cancelled: boolean;
  /** Its SEQUENCE (occurrenceSequence). */
  sequence: number;
}

/** The occurrence `recurrenceId` names, if the entry's rule makes one there (cancelled or not). */
export async function occurrenceOfEntry(db: DbOrTx, entry: EntryRow, recurrenceId: Date): Promise<SeriesOccurrence | null> {
  const series = seriesOfEntry(entry);
  if (!series || !isOccurrenceStart(series, recurrenceId)) return null;
  const [override] = await db
    .select()
    .from(calendarOccurrenceOverrides)
    .where(and(eq(calendarOccurrenceOverrides.entryId, entry.id), eq(calendarOccurrenceOverrides.recurrenceId, recurrenceId)));
  const start = override?.startsAt ?? recurrenceId;
  return {
    recurrenceId,
    start,
    end: override?.endsAt ?? new Date(start.getTime() + (series.end.getTime() - series.start.getTime())),
    title: override?.title ?? entry.title,
    location: override?.location ?? entry.location,
    cancelled: override?.cancelled ?? false,
    sequence: occurrenceSequence(entry.sequence, override),
  };
}

const attendeeColumn = (attendee: AttendeeRef) =>
  attendee.type === "user" ? eq(calendarOccurrenceAnswers.userId, attendee.id) : eq(calendarOccurrenceAnswers.guestId, attendee.id);

/** The attendee's own answer to one occurrence, or null when they answered only the series. */
export async function occurrenceAnswerOf(db: DbOrTx, entryId: string, recurrenceId: Date, attendee: AttendeeRef): Promise<AttendeeResponse | null> {
  const [row] = await db
    .select({ response: calendarOccurrenceAnswers.response })
    .from(calendarOccurrenceAnswers)
    .where(and(eq(calendarOccurrenceAnswers.entryId, entryId), eq(calendarOccurrenceAnswers.recurrenceId, recurrenceId), attendeeColumn(attendee)));
  return row?.response ?? null;
}

/** Records an attendee's answer to one occurrence. */
export async function setOccurrenceAnswer(
  db: DbOrTx,
  input: { entryId: string; recurrenceId: Date; attendee: AttendeeRef; response: AttendeeResponse; via: AnswerPath; now: Date },
): Promise<void> {
  const who = input.attendee.type === "user" ? { userId: input.attendee.id } : { guestId: input.attendee.id };
  const values = { response: input.response, respondedAt: input.now, answeredVia: input.via };
  await db
    .insert(calendarOccurrenceAnswers)
    .values({ entryId: input.entryId, recurrenceId: input.recurrenceId, ...who, ...values })
    .onConflictDoUpdate({
      target:
        input.attendee.type === "user"
          ? [calendarOccurrenceAnswers.entryId, calendarOccurrenceAnswers.recurrenceId, calendarOccurrenceAnswers.userId]
          : [calendarOccurrenceAnswers.entryId, calendarOccurrenceAnswers.recurrenceId, calendarOccurrenceAnswers.guestId],
      set: values,
    });
}

/** An answer to the whole series replaces the attendee's answers to single occurrences. */
export async function clearOccurrenceAnswers(db: DbOrTx, entryId: string, attendee?: AttendeeRef): Promise<void> {
  await db.delete(calendarOccurrenceAnswers).where(and(eq(calendarOccurrenceAnswers.entryId, entryId), attendee ? attendeeColumn(attendee) : undefined));
}

/** An occurrence whose time changed on its own asks everyone invited again: "needs action" for that occurrence. */
export async function resetOccurrenceAnswers(db: DbOrTx, entryId: string, recurrenceId: Date): Promise<void> {
  await db
    .delete(calendarOccurrenceAnswers)
    .where(and(eq(calendarOccurrenceAnswers.entryId, entryId), eq(calendarOccurrenceAnswers.recurrenceId, recurrenceId)));
  await db.execute(sql`INSERT INTO ${calendarOccurrenceAnswers} (entry_id, recurrence_id, user_id, response)
    SELECT ${entryId}::uuid, ${recurrenceId.toISOString()}::timestamptz, a.user_id, 'needs_action' FROM ${calendarEntryAttendees} a WHERE a.entry_id = ${entryId}::uuid`);
  await db.execute(sql`INSERT INTO ${calendarOccurrenceAnswers} (entry_id, recurrence_id, guest_id, response)
    SELECT ${entryId}::uuid, ${recurrenceId.toISOString()}::timestamptz, g.id, 'needs_action' FROM ${calendarEntryGuests} g WHERE g.entry_id = ${entryId}::uuid`);
}

/** Every colleague's answers to single occurrences of the entry: recurrence instant → user → answer. */
export async function colleaguesOccurrenceAnswers(db: DbOrTx, entryId: string): Promise<Map<number, Map<string, AttendeeResponse>>> {
  const rows = await db
    .select({ recurrenceId: calendarOccurrenceAnswers.recurrenceId, userId: calendarOccurrenceAnswers.userId, response: calendarOccurrenceAnswers.response })
    .from(calendarOccurrenceAnswers)
    .where(and(eq(calendarOccurrenceAnswers.entryId, entryId), isNotNull(calendarOccurrenceAnswers.userId)))
    .orderBy(asc(calendarOccurrenceAnswers.recurrenceId));
  const byOccurrence = new Map<number, Map<string, AttendeeResponse>>();
  for (const row of rows) {
    const key = row.recurrenceId.getTime();
    const answers = byOccurrence.get(key) ?? new Map<string, AttendeeResponse>();
    answers.set(row.userId!, row.response);
    byOccurrence.set(key, answers);
  }
  return byOccurrence;
}

/**
 * The answers of everyone invited to one occurrence, by e-mail address (lower case): the
 * occurrence's own rows over the series' answers. What an occurrence's invitation lists as PARTSTAT.
 */
export async function occurrenceAnswersByEmail(db: DbOrTx, entryId: string, recurrenceId: Date): Promise<Map<string, AttendeeResponse>> {
  const rows = await preparedRows<{ email: string; response: AttendeeResponse }>(
    db,
    sql`
    SELECT lower(u.email) AS email, o.response FROM calendar_occurrence_answers o JOIN users u ON u.id = o.user_id
      WHERE o.entry_id = ${entryId}::uuid AND o.recurrence_id = ${recurrenceId.toISOString()}::timestamptz
    UNION ALL
    SELECT g.email, o.response FROM calendar_occurrence_answers o JOIN calendar_entry_guests g ON g.id = o.guest_id
      WHERE o.entry_id = ${entryId}::uuid AND o.recurrence_id = ${recurrenceId.toISOString()}::timestamptz`,
  );
  return new Map(rows.map((r) => [r.email, r.response]));
}
