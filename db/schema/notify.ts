import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { priority } from "./crm";
import { users } from "./org";

export const notificationChannel = pgEnum("notification_channel", ["in_app", "email", "sms", "push"]);
export const notificationStatus = pgEnum("notification_status", ["pending", "sent", "failed", "cancelled"]);

/** Someone without a Baton account a notification goes to by e-mail, in their language and zone. */
export interface NotificationAddress {
  email: string;
  name: string | null;
  locale: "pl" | "en";
  timeZone: string;
}

/**
 * The outbox: a row per thing a person must hear about, written in the same transaction as the
 * change that caused it, then delivered (and retried) by the notifications work. `channel` null
 * means "route later" by the recipient's preferences; `dedupe_key` makes a repeated write or a
 * resent event harmless.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // A colleague; or, for an invitation to someone outside Baton, null and `address` says who.
    recipientId: uuid("recipient_id").references(() => users.id, { onDelete: "cascade" }),
    address: jsonb("address").$type<NotificationAddress>(),
    // Dotted product names ("task.assigned", "case.assigned", "event.invited"): open-ended on purpose.
    kind: text("kind").notNull(),
    priority: priority("priority").notNull().default("normal"),
    // Rendered in the recipient's language when written: shown only for a row its kind can no
    // longer render (the app renders kind + payload for each reader), and kept for searching.
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    // An app path ("/tasks/<id>"); channels prefix it with APP_URL.
    link: text("link"),
    channel: notificationChannel("channel"),
    dedupeKey: text("dedupe_key").notNull(),
    // The summary "whoever caused it" sees; attempts, errors and provider ids live on the delivery rows.
    status: notificationStatus("status").notNull().default("pending"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.recipientId)
      .where(sql`${t.readAt} IS NULL`),
    index("notifications_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    // An entry's invitation e-mails, for its delivery log (lib/calendar/delivery-log.ts).
    index("notifications_invitation_entry_idx")
      .on(sql`(${t.payload} ->> 'entryId')`, t.createdAt)
      .where(sql`${t.payload} -> 'invitation' IS NOT NULL`),
    check("notifications_one_recipient", sql`(${t.recipientId} IS NULL) <> (${t.address} IS NULL)`),
  ],
);
