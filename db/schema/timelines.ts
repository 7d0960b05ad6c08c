import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { notificationChannel, notifications } from "./notify";
import { users } from "./org";
import { timelineMomentKind } from "./reminders";

/**
 * The kinds of item that have a timeline: tasks and calendar entries. Each has its source in
 * lib/timelines/registry.ts; its durable run, schedule event and backfill follow from the name.
 */
export const timelineItemTypes = ["task", "entry"] as const;
export type TimelineItemType = (typeof timelineItemTypes)[number];

/**
 * Why a moment was settled without being sent: it was already past when it was set (a task
 * created or corrected to a due moment in the past), or nobody could read it (the recipient is
 * inactive). A sent moment has `sent_at` instead. Pending moments of an older version that the
 * newer one no longer has are deleted, not kept: nothing reads them.
 */
export const momentOutcome = pgEnum("moment_outcome", ["skipped_past", "no_recipient"]);

/**
 * The timelines of every item: each moment (a reminder, an overdue notice, an escalation, per
 * recipient) written in the transaction of the change that set it, keyed like the notification
 * it sends. Pending rows (no `sent_at`, no `outcome`) are what the timeline runs sleep towards
 * and what the reconcile reads with one range scan of `moments_due_idx`; sent rows are the
 * history the task page and Delegated's "escalated" badge read.
 */
export const moments = pgTable(
  "moments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemType: text("item_type").$type<TimelineItemType>().notNull(),
    itemId: uuid("item_id").notNull(),
    // The item version that last wrote this pending moment (a sent moment keeps the one it was sent for).
    version: integer("version").notNull(),
    // Unique across items: the notification's dedupe key.
    momentKey: text("moment_key").notNull(),
    kind: timelineMomentKind("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    recipientId: uuid("recipient_id").references(() => users.id, { onDelete: "set null" }),
    channel: notificationChannel("channel"),
    // 1 or 2 for escalations.
    level: integer("level"),
    // The due moment an overdue notice or escalation is about: a new due moment starts afresh.
    dueAt: timestamp("due_at", { withTimezone: true }),
    // The snooze a "remind me later" moment comes from (marked sent with it).
    snoozeId: uuid("snooze_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    outcome: momentOutcome("outcome"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("moments_key").on(t.momentKey),
    index("moments_item_idx").on(t.itemType, t.itemId, t.at),
    // "Due and unsent": the reconcile's one indexed range scan, oldest first.
    index("moments_due_idx")
      .on(t.at)
      .where(sql`${t.sentAt} IS NULL AND ${t.outcome} IS NULL`),
    index("moments_escalated_idx")
      .on(t.itemId, t.dueAt)
      .where(sql`${t.kind} = 'escalation' AND ${t.sentAt} IS NOT NULL`),
    check("moments_sent_or_settled", sql`${t.sentAt} IS NULL OR ${t.outcome} IS NULL`),
  ],
);

/**
 * Writing the timelines of items that existed before their kind had one (tasks before the
 * moments table, calendar entries before their reminders) and of seeded ones: one row per kind,
 * walked in item id order by the reconcile in small batches until done. A kind with no row has
 * not started, so a new kind is backfilled without a migration.
 */
export const timelineBackfill = pgTable("timeline_backfill", {
  itemType: text("item_type").$type<TimelineItemType>().primaryKey(),
  afterId: uuid("after_id"),
  doneAt: timestamp("done_at", { withTimezone: true }),
});
