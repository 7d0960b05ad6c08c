import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./org";

/** What a feed shows: the creator's own calendar, a colleague's, a team's, a department's, or a resource's bookings. */
export const feedKind = pgEnum("feed_kind", ["own", "person", "team", "department", "resource"]);

/**
 * An iCal feed a calendar client subscribes to by secret URL. Only the SHA-256 of the URL's token
 * is kept; the feed shows what its creator may see at each fetch. `content_tag` is the last ETag
 * served and `content_changed_at` when it last differed: the honest Last-Modified even when what
 * changed left no timestamp (a grant withdrawn, a member leaving a team).
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: feedKind("kind").notNull(),
    // A user, team, department or resource id; NULL for the owner's own calendar.
    targetId: uuid("target_id"),
    includeTasks: boolean("include_tasks").notNull().default(false),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    daysBack: integer("days_back").notNull().default(30),
    daysAhead: integer("days_ahead").notNull().default(365),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    lastUserAgent: text("last_user_agent"),
    contentTag: text("content_tag"),
    contentChangedAt: timestamp("content_changed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_hash_key").on(t.tokenHash),
    index("calendar_feeds_owner_idx").on(t.ownerId, t.createdAt),
    check("calendar_feeds_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("calendar_feeds_target_shape", sql`(${t.kind} = 'own') = (${t.targetId} IS NULL)`),
    check("calendar_feeds_window", sql`${t.daysBack} BETWEEN 0 AND 366 AND ${t.daysAhead} BETWEEN 1 AND 731`),
  ],
);
