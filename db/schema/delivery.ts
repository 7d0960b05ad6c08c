import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { notificationChannel, notifications } from "./notify";
import { users } from "./org";

export const deliveryStatus = pgEnum("delivery_status", ["pending", "sent", "failed", "skipped"]);
// What a delivery row says about a failure or a skip (lib/notify/delivery-reasons.ts sorts errors into them).
export const deliveryReason = pgEnum("delivery_reason", [
  // failures
  "unreachable",
  "rejected",
  "invalid_address",
  "opted_out",
  "rate_limited",
  "provider_error",
  "endpoint_not_allowed",
  "gave_up",
  // the recipient's mail server returned it after the provider took it (Resend's email.bounced)
  "bounced",
  // skips
  "recipient_inactive",
  "no_phone",
  "phone_unverified",
  "no_device",
  "push_not_configured",
  "channel_disabled",
]);

/**
 * One row per notification and channel that routing chose: the delivery log people see
 * (channel, time, status, reason) and the state that makes retries send exactly once.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channel: notificationChannel("channel").notNull(),
    // Routing order: in the field SMS and push go before e-mail.
    position: integer("position").notNull().default(0),
    status: deliveryStatus("status").notNull().default("pending"),
    // Quiet hours: not before this instant.
    deliverAfter: timestamp("deliver_after", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    // Why it failed or was skipped, as a category; the provider's words stay in the server log.
    reason: deliveryReason("reason"),
    providerId: text("provider_id"),
    // How often the sweep re-announced it; part of the event id so a re-announcement is not deduplicated away.
    dispatches: integer("dispatches").notNull().default(0),
    lastDispatchAt: timestamp("last_dispatch_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_deliveries_channel_key").on(t.notificationId, t.channel),
    index("notification_deliveries_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A person's own routing choices and quiet hours; anything unset falls back to the organisation's. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    // { [mode]: { [priority]: ["sms","push","email"] } }, only the cells the person changed.
    matrix: jsonb("matrix").$type<Record<string, Record<string, string[]>>>().notNull().default({}),
    // { [kind]: ["email", ...] } for the kinds routed on their own (lib/notify/kinds.ts `ownChannels`); absent: the kind's default.
    kindChannels: jsonb("kind_channels").$type<Record<string, string[]>>().notNull().default({}),
    quietStart: text("quiet_start"),
    quietEnd: text("quiet_end"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("notification_preferences_quiet_format", sql`(${t.quietStart} IS NULL) = (${t.quietEnd} IS NULL)`)],
);

/** Organisation-wide settings (one row, id 1): routing defaults and the SMS alphabet admins choose. */
export const organizationSettings = pgTable(
  "organization_settings",
  {
    id: integer("id").primaryKey().default(1),
    notificationMatrix: jsonb("notification_matrix").$type<Record<string, Record<string, string[]>>>().notNull().default({}),
    // SMS without Polish letters: GSM-7 gives one segment 160 characters, UCS-2 only 70.
    smsGsm7: boolean("sms_gsm7").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organization_settings_singleton", sql`${t.id} = 1`)],
);

export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    // "Chrome on Android": shown on the settings page so a person knows which device is which.
    deviceLabel: text("device_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint_key").on(t.endpoint), index("push_subscriptions_user_idx").on(t.userId)],
);

export const devMessageChannel = pgEnum("dev_message_channel", ["email", "sms"]);

/**
 * The development mailbox: with no provider keys, e-mail and SMS land here exactly as they
 * would have been sent, and /dev/mailbox shows them.
 */
export const devMessages = pgTable(
  "dev_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: devMessageChannel("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    // An invitation's iCalendar part (text/calendar), as it would have been attached.
    calendar: text("calendar"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dev_messages_idempotency_key").on(t.idempotencyKey), index("dev_messages_created_idx").on(t.createdAt)],
);
