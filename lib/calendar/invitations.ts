import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryAttendees, notifications } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { NoticeLiveState } from "@/lib/notify/kinds";
import { ANSWERABLE_KINDS } from "./notice-kinds";
import type { AttendeeResponse } from "./types";

export interface InvitationAnswer {
  entryId: string;
  response: AttendeeResponse;
}

/**
 * Of the viewer's own notifications, those that can still be answered (an invitation or a new
 * time of an entry that is not cancelled and that they are still invited to), with their
 * current answer: the bell and the notifications pages offer accept / tentative / decline on
 * them. One query however many notices are shown; someone else's notification answers nothing.
 * What it gives away is the entry's id (the notice links to it) and the reader's own answer:
 * an attendee may see the entry, private or not.
 */
export async function invitationAnswersFor(db: Db, viewer: Viewer, notificationIds: string[]): Promise<Map<string, InvitationAnswer>> {
  if (!notificationIds.length) return new Map();
  const entryId = sql<string>`(${notifications.payload} ->> 'entryId')::uuid`;
  const rows = await db
    .select({ notificationId: notifications.id, entryId: calendarEntryAttendees.entryId, response: calendarEntryAttendees.response })
    .from(notifications)
    .innerJoin(calendarEntryAttendees, and(eq(calendarEntryAttendees.entryId, entryId), eq(calendarEntryAttendees.userId, viewer.id)))
    .innerJoin(calendarEntries, and(eq(calendarEntries.id, calendarEntryAttendees.entryId), isNull(calendarEntries.cancelledAt)))
    .where(and(inArray(notifications.id, notificationIds), eq(notifications.recipientId, viewer.id), inArray(notifications.kind, [...ANSWERABLE_KINDS])));
  return new Map(rows.map((r) => [r.notificationId, { entryId: r.entryId, response: r.response }]));
}

/**
 * The same answer as `invitationAnswersFor`, as the bell's validator reads it per notice: the
 * recipient's answer to the entry an answerable notice is about, or null when it cannot be
 * answered any more (cancelled, or they were removed). Answering on the entry's page then
 * changes the bell's validator, and the next poll brings the new answer instead of a 304.
 * A primary-key lookup, only for answerable kinds.
 */
export const invitationAnswerState: NoticeLiveState = (n) => sql<string | null>`CASE WHEN ${n.kind} IN (${sql.join(
  ANSWERABLE_KINDS.map((kind) => sql`${kind}`),
  sql`, `,
)}) THEN (
    SELECT ${calendarEntryAttendees.response}::text FROM ${calendarEntryAttendees}
    INNER JOIN ${calendarEntries} ON ${calendarEntries.id} = ${calendarEntryAttendees.entryId} AND ${calendarEntries.cancelledAt} IS NULL
    WHERE ${calendarEntryAttendees.entryId} = (${n.payload} ->> 'entryId')::uuid AND ${calendarEntryAttendees.userId} = ${n.recipientId}
  ) END`;
