import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { notifications, users } from "@/db/schema";
import { notificationDeliveries } from "@/db/schema";
import { NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { DeliveryReason } from "./delivery-reasons";
import type { Channel, Priority } from "@/lib/org/vocabulary";
import { renderNotice } from "./render";

export interface NotificationItem {
  id: string;
  kind: string;
  priority: Priority;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  actorName: string | null;
}

const actor = alias(users, "actor");

const itemColumns = {
  id: notifications.id,
  kind: notifications.kind,
  priority: notifications.priority,
  title: notifications.title,
  body: notifications.body,
  payload: notifications.payload,
  link: notifications.link,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  actorName: actor.name,
};

/**
 * A notice's title and body as the viewer reads them now: rendered from its kind and payload in
 * their current language, zone and date format. A row the registry cannot render (a kind nobody
 * declares any more, a payload written before the registry) keeps the text stored with it.
 * The payload stays here: what leaves the query is the text, never the raw payload.
 */
function readFor<R extends { kind: string; payload: Record<string, unknown>; title: string; body: string }>(row: R, viewer: Viewer): Omit<R, "payload"> {
  const { payload, ...rest } = row;
  const rendered = renderNotice(row.kind, payload, viewer.locale, viewer.timeZone, { dateFormat: viewer.dateFormat });
  return rendered ? { ...rest, title: rendered.inApp.title, body: rendered.inApp.body } : rest;
}

/** The viewer's own notifications, newest first (the bell and the notifications page). */
export async function notificationsOf(
  db: Db,
  viewer: Viewer,
  options: { limit?: number; unreadOnly?: boolean; before?: Date } = {},
): Promise<NotificationItem[]> {
  const rows = await db
    .select(itemColumns)
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(
      and(
        eq(notifications.recipientId, viewer.id),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        options.before ? lt(notifications.createdAt, options.before) : undefined,
      ),
    )
    // The id breaks ties (a fan-out writes several notices at one instant): the bell's validator reads the same order.
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(options.limit ?? 20, 200));
  return rows.map((row) => readFor(row, viewer));
}

export async function unreadCountOf(db: Db, viewer: Viewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Notifications the viewer caused (assigning, returning...), with their overall status, in the viewer's language. */
export async function notificationsCausedBy(db: Db, viewer: Viewer, limit = 50) {
  const recipient = alias(users, "recipient");
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      priority: notifications.priority,
      title: notifications.title,
      body: notifications.body,
      payload: notifications.payload,
      link: notifications.link,
      status: notifications.status,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      recipientName: recipient.name,
    })
    .from(notifications)
    .innerJoin(recipient, eq(recipient.id, notifications.recipientId))
    .where(eq(notifications.actorId, viewer.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((row) => readFor(row, viewer));
}

export interface DeliveryLogEntry {
  channel: Channel;
  status: "pending" | "sent" | "failed" | "skipped";
  attempts: number;
  reason: DeliveryReason | null;
  deliverAfter: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  updatedAt: Date;
}

/**
 * One notification, for its recipient and for the person who caused it; anyone else gets "not
 * found". Only the recipient gets the delivery log of their own channels (status and a reason
 * category). The person who caused it learns whether it was delivered, not through which of
 * the recipient's channels nor why not: those say things about the recipient's devices and
 * numbers. Administrators are no exception; the provider's words are in the server log.
 */
export async function notificationWithLog(db: Db, viewer: Viewer, id: string) {
  const recipient = alias(users, "recipient");
  const [found] = await db
    .select({
      ...itemColumns,
      status: notifications.status,
      recipientId: notifications.recipientId,
      actorId: notifications.actorId,
      recipientName: recipient.name,
    })
    .from(notifications)
    .innerJoin(recipient, eq(recipient.id, notifications.recipientId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(eq(notifications.id, id), or(eq(notifications.recipientId, viewer.id), eq(notifications.actorId, viewer.id))));
  if (!found) throw new NotFound("notFound");
  const row = readFor(found, viewer);
  if (row.recipientId !== viewer.id) return { notification: row, log: null };
  const log: DeliveryLogEntry[] = await db
    .select({
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      reason: notificationDeliveries.reason,
      deliverAfter: notificationDeliveries.deliverAfter,
      createdAt: notificationDeliveries.createdAt,
      sentAt: notificationDeliveries.sentAt,
      updatedAt: notificationDeliveries.updatedAt,
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, id))
    .orderBy(notificationDeliveries.position);
  return { notification: row, log };
}
