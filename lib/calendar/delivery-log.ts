import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  calendarEntries,
  calendarEntryAttendees,
  calendarEntryGuests,
  calendars,
  deliveryReason,
  notificationDeliveries,
  notifications,
  users,
  type AnswerPath,
} from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { editsSql, seesDetailsSql, type EntryColumns } from "./access";
import { guestName } from "./invitation-facts";
import type { Answer, AttendeeResponse } from "./types";

/** What the newest invitation e-mail to an attendee was: the first invitation, an update (REQUEST again), or a CANCEL. */
export type InvitationMailKind = "invitation" | "update" | "cancel";

const MAIL_KIND_OF: Record<string, InvitationMailKind> = {
  "calendar.invited": "invitation",
  "calendar.rescheduled": "update",
  "invitation.updated": "update",
  "calendar.cancelled": "cancel",
  "calendar.removed": "cancel",
  "invitation.withdrawn": "cancel",
};

/**
 * Where that e-mail stands: sent (the provider took it), failed (refused or bounced, with the
 * category of notification_deliveries.reason), skipped (routing could not send it), pending
 * (not handed over yet), or `in_app` when routing told a colleague in Baton only.
 */
export type InvitationMailStatus = "sent" | "failed" | "skipped" | "pending" | "in_app";

export type DeliveryReason = (typeof deliveryReason.enumValues)[number];

export interface DeliveryLogRow {
  attendee: { type: "user" | "guest"; id: string; name: string; email: string };
  /** The newest invitation e-mail (REQUEST or CANCEL) to this attendee; null before any was written. */
  mail: { kind: InvitationMailKind; sequence: number; status: InvitationMailStatus; reason: DeliveryReason | null; at: Date } | null;
  /** Their answer to the current invitation, how it came and when; null while they have not answered. */
  answer: { response: Answer; via: AnswerPath | null; at: Date | null } | null;
}

/** "user:<id>" or "guest:<id>": whom an invitation notice went to (guests' notices name the guest row). */
function recipientKeyOf() {
  return sql<string>`coalesce('user:' || ${notifications.recipientId}::text, 'guest:' || (${notifications.payload} -> 'invitation' ->> 'guestId'))`;
}

/** The newest invitation notice per recipient of one entry, with its e-mail delivery row if routing made one. */
function newestInvitations(db: DbOrTx, entryId: string) {
  const key = recipientKeyOf();
  return db
    .selectDistinctOn([key], {
      recipientKey: key.as("recipient_key"),
      kind: notifications.kind,
      sequence: sql<number>`(${notifications.payload} -> 'invitation' ->> 'sequence')::int`.as("sequence"),
      noticeStatus: sql<string>`${notifications.status}::text`.as("notice_status"),
      createdAt: sql<Date>`${notifications.createdAt}`.as("notice_created_at"),
      mailStatus: sql<string | null>`${notificationDeliveries.status}::text`.as("mail_status"),
      reason: sql<DeliveryReason | null>`${notificationDeliveries.reason}::text`.as("mail_reason"),
      sentAt: sql<Date | null>`${notificationDeliveries.sentAt}`.as("mail_sent_at"),
      updatedAt: sql<Date | null>`${notificationDeliveries.updatedAt}`.as("mail_updated_at"),
    })
    .from(notifications)
    .leftJoin(notificationDeliveries, and(eq(notificationDeliveries.notificationId, notifications.id), eq(notificationDeliveries.channel, "email")))
    .where(and(sql`(${notifications.payload} ->> 'entryId') = ${entryId}`, sql`${notifications.payload} -> 'invitation' IS NOT NULL`))
    .orderBy(key, desc(notifications.createdAt))
    .as("newest");
}

type NewestRow = {
  kind: string | null;
  sequence: number | null;
  noticeStatus: string | null;
  createdAt: Date | string | null;
  mailStatus: string | null;
  reason: DeliveryReason | null;
  sentAt: Date | string | null;
  updatedAt: Date | string | null;
};

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function mailOf(row: NewestRow): DeliveryLogRow["mail"] {
  const kind = row.kind ? MAIL_KIND_OF[row.kind] : undefined;
  if (!kind || !row.createdAt) return null;
  const created = asDate(row.createdAt);
  const base = { kind, sequence: row.sequence ?? 0, reason: row.reason };
  switch (row.mailStatus) {
    case "sent":
      return { ...base, status: "sent", at: asDate(row.sentAt ?? row.updatedAt ?? created) };
    case "failed":
    case "skipped":
      return { ...base, status: row.mailStatus, at: asDate(row.updatedAt ?? created) };
    case "pending":
      return { ...base, status: "pending", at: created };
    default:
      // No e-mail row: not routed yet, or routing told a colleague in Baton only.
      return { ...base, reason: null, status: row.noticeStatus === "pending" ? "pending" : "in_app", at: created };
  }
}

function answerOf(response: AttendeeResponse, via: AnswerPath | null, at: Date | null): DeliveryLogRow["answer"] {
  return response === "needs_action" ? null : { response, via, at };
}

/**
 * The entry page's e-mail delivery log: per attendee (colleagues, then outside guests) the newest
 * invitation e-mail and where it stands, and their answer with its path and time. Only for a
 * viewer who may edit the entry and see its details (the organiser, editors): anyone else, and an
 * entry that is unknown or cancelled, gets null. Three queries however many are invited.
 */
export async function deliveryLogFor(db: DbOrTx, viewer: Viewer, entryId: string): Promise<DeliveryLogRow[] | null> {
  const columns: EntryColumns = { entryId: calendarEntries.id, ownerId: calendars.userId, visibility: calendarEntries.visibility };
  const [access] = await db
    .select({ allowed: sql<boolean>`(${editsSql(columns, viewer.id)} AND ${seesDetailsSql(columns, viewer.id)})`, cancelledAt: calendarEntries.cancelledAt })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .where(eq(calendarEntries.id, entryId));
  if (!access?.allowed || access.cancelledAt) return null;

  const newest = newestInvitations(db, entryId);
  const mailColumns = {
    kind: newest.kind,
    sequence: newest.sequence,
    noticeStatus: newest.noticeStatus,
    createdAt: newest.createdAt,
    mailStatus: newest.mailStatus,
    reason: newest.reason,
    sentAt: newest.sentAt,
    updatedAt: newest.updatedAt,
  };
  const [colleagues, guests] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        response: calendarEntryAttendees.response,
        via: calendarEntryAttendees.answeredVia,
        respondedAt: calendarEntryAttendees.respondedAt,
        ...mailColumns,
      })
      .from(calendarEntryAttendees)
      .innerJoin(users, eq(users.id, calendarEntryAttendees.userId))
      .leftJoin(newest, eq(newest.recipientKey, sql`'user:' || ${calendarEntryAttendees.userId}::text`))
      .where(eq(calendarEntryAttendees.entryId, entryId))
      .orderBy(asc(users.name)),
    db
      .select({
        id: calendarEntryGuests.id,
        name: calendarEntryGuests.name,
        email: calendarEntryGuests.email,
        response: calendarEntryGuests.response,
        via: calendarEntryGuests.answeredVia,
        respondedAt: calendarEntryGuests.respondedAt,
        ...mailColumns,
      })
      .from(calendarEntryGuests)
      .leftJoin(newest, eq(newest.recipientKey, sql`'guest:' || ${calendarEntryGuests.id}::text`))
      .where(eq(calendarEntryGuests.entryId, entryId))
      .orderBy(asc(calendarEntryGuests.createdAt), asc(calendarEntryGuests.email)),
  ]);
  return [
    ...colleagues.map((r) => ({
      attendee: { type: "user" as const, id: r.id, name: r.name, email: r.email },
      mail: mailOf(r),
      answer: answerOf(r.response, r.via, r.respondedAt),
    })),
    ...guests.map((r) => ({
      attendee: { type: "guest" as const, id: r.id, name: guestName(r), email: r.email },
      mail: mailOf(r),
      answer: answerOf(r.response, r.via, r.respondedAt),
    })),
  ];
}
