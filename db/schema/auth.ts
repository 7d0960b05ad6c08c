import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// One row per throttled key, kept in the database so that every app instance behind a load
// balancer sees the same counters (lib/auth/throttle.ts): "pair:<email>|<address>",
// "ip:<address>", "account:<email>", "password-change:<user id>", "reset:<email>", "reset-ip:<address>"
// and "known:<email>|<address>"
// (the owner signed in from there at window_started_at). `failures` counts attempts in the
// window; pruned once window and block have ended (lib/auth/throttle-prune.ts).
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
