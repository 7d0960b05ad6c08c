import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./org";

// One row per sign-in. The cookie (a JWT) carries only the id; this row is what makes it valid,
// so signing out, a deactivation or the absolute lifetime end a session even for a copied cookie.
export const authSessions = pgTable(
  "auth_sessions",
  {
    // sha-256 (hex) of the random session id in the cookie: a database dump lets nobody resume a session.
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // users.session_version when the session began; a deactivation or password change bumps it.
    sessionVersion: integer("session_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId), index("auth_sessions_expires_idx").on(t.expiresAt)],
);
