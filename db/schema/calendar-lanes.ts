import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./org";

/**
 * The people a person last looked at side by side (/calendar/people). Kept on the server, not
 * in the browser, so the choice follows them from the desk to their phone.
 */
export const calendarPeopleChoices = pgTable("calendar_people_choices", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  memberIds: uuid("member_ids").array().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
