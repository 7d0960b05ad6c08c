import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryAttendees, notifications } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { ANSWERABLE_KINDS } from "./notice-kinds";
import type { AttendeeResponse } from "./types";

export interface InvitationAnswer {
  entryId: string;
  response: AttendeeResponse;
}

/**
 * Of the viewer's own notifications, those that can still be answered (an invitation or a new
 * time of an entry that is not cancelled and that they are still invited to), with their
 * current answer: the notifications pages offer accept / tentative / decline on them. One query
 * however many notices are shown; someone else's notification answers nothing.
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
