import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// One row per throttled key ("account:<email>" or "ip:<address>"); kept in the database so
// that every app instance behind a load balancer sees the same counters.
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
