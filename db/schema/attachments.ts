import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./crm";
import { users } from "./org";
import { taskActivity, tasks } from "./tasks";

export const attachmentItem = pgEnum("attachment_item", ["task", "case", "comment"]);

/**
 * A file or photo attached to a task, a case or a task comment. The bytes live in the file
 * storage (lib/files/storage.ts) under `storage_key`, a random key that is never enough to read
 * them: every download is authorized as for the item. A comment's attachment also names the
 * comment's task, which decides who may see it.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    item: attachmentItem("item").notNull(),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    commentId: bigint("comment_id", { mode: "number" }).references(() => taskActivity.id, { onDelete: "cascade" }),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    // Found by reading the bytes (file-type), never taken from the browser.
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    width: integer("width"),
    height: integer("height"),
    thumbnailKey: text("thumbnail_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_task_idx")
      .on(t.taskId, t.createdAt)
      .where(sql`${t.taskId} IS NOT NULL`),
    index("attachments_case_idx")
      .on(t.caseId, t.createdAt)
      .where(sql`${t.caseId} IS NOT NULL`),
    check(
      "attachments_one_item",
      sql`(${t.item} = 'task' AND ${t.taskId} IS NOT NULL AND ${t.caseId} IS NULL AND ${t.commentId} IS NULL)
        OR (${t.item} = 'comment' AND ${t.taskId} IS NOT NULL AND ${t.caseId} IS NULL AND ${t.commentId} IS NOT NULL)
        OR (${t.item} = 'case' AND ${t.caseId} IS NOT NULL AND ${t.taskId} IS NULL AND ${t.commentId} IS NULL)`,
    ),
    check("attachments_size_positive", sql`${t.size} > 0`),
    check("attachments_file_name_length", sql`length(${t.fileName}) BETWEEN 1 AND 255`),
  ],
);

/**
 * Bytes in the file storage that no attachment row holds, to be removed from the store by the
 * collector (lib/files/garbage.ts): what a removed or cascaded attachment row left (a trigger on
 * `attachments` queues its keys, whatever deleted the row), and every upload's keys while the
 * upload is under way (queued for an hour before the bytes are written and dequeued in the
 * transaction that records the row), so bytes a crashed or refused upload left are collected too.
 */
export const attachmentGarbage = pgTable(
  "attachment_garbage",
  {
    storageKey: text("storage_key").primaryKey(),
    collectAfter: timestamp("collect_after", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("attachment_garbage_due_idx").on(t.collectAfter)],
);
