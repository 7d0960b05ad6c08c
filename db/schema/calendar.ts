import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, clientContacts, clients } from "./crm";
import { notificationChannel } from "./notify";
import { locale, users } from "./org";

export const entryVisibility = pgEnum("entry_visibility", ["normal", "private"]);
export const attendeeResponse = pgEnum("attendee_response", ["needs_action", "accepted", "tentative", "declined"]);
/** By which path an attendee's answer came: in Baton, a one-click link in the e-mail, or their mail client's REPLY. */
export const answerPath = pgEnum("answer_path", ["app", "link", "mail_reply"]);
export type AnswerPath = (typeof answerPath.enumValues)[number];
export const entryActivityKind = pgEnum("entry_activity_kind", ["created", "changed", "cancelled", "answered", "attendee_added", "attendee_removed"]);

/** One calendar per person (resources get theirs later); made on first use. */
export const calendars = pgTable("calendars", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A calendar entry. A timed entry holds instants; an all-day entry holds local dates (end
 * exclusive), since "Friday" is Friday in every zone. Cancelled entries stay (history, feeds'
 * CANCEL) but leave every view.
 */
export const calendarEntries = pgTable(
  "calendar_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    calendarId: uuid("calendar_id")
      .notNull()
      .references(() => calendars.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    visibility: entryVisibility("visibility").notNull().default("normal"),
    allDay: boolean("all_day").notNull().default(false),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "set null" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    // iCalendar SEQUENCE: raised when time, place or content changes (invitations and feeds).
    sequence: integer("sequence").notNull().default(0),
    // Bumped on every change; the entry's timeline acts only on the version it saw.
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    // A series: starts_at/ends_at are its first occurrence (DTSTART), the rule is an RFC 5545 RRULE
    // value without UNTIL and COUNT (kept in their own columns), expanded in the series' own zone
    // (lib/calendar/recurrence.ts), whatever the owner's zone is later.
    recurrenceRule: text("recurrence_rule"),
    recurrenceZone: text("recurrence_zone"),
    recurrenceUntil: timestamp("recurrence_until", { withTimezone: true }),
    recurrenceCount: integer("recurrence_count"),
    // The end of the series' last occurrence (null: it never ends), so a window finds the series
    // that reach into it with one index range instead of expanding every series ever made.
    seriesEndsAt: timestamp("series_ends_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "Entries of these calendars in this window": timed entries are at most a few weeks long,
    // so a range on the start finds every overlap (see lib/calendar/limits.ts).
    index("calendar_entries_timed_idx")
      .on(t.calendarId, t.startsAt)
      .where(sql`NOT ${t.allDay} AND ${t.cancelledAt} IS NULL`),
    index("calendar_entries_all_day_idx")
      .on(t.calendarId, t.startDate)
      .where(sql`${t.allDay} AND ${t.cancelledAt} IS NULL`),
    // Cancelled entries still in a feed's window: feeds send them as STATUS:CANCELLED (lib/feeds/entries.ts).
    index("calendar_entries_cancelled_timed_idx")
      .on(t.calendarId, t.startsAt)
      .where(sql`NOT ${t.allDay} AND ${t.cancelledAt} IS NOT NULL`),
    index("calendar_entries_cancelled_all_day_idx")
      .on(t.calendarId, t.startDate)
      .where(sql`${t.allDay} AND ${t.cancelledAt} IS NOT NULL`),
    index("calendar_entries_client_idx")
      .on(t.clientId, t.startsAt)
      .where(sql`${t.clientId} IS NOT NULL`),
    index("calendar_entries_case_idx")
      .on(t.caseId, t.startsAt)
      .where(sql`${t.caseId} IS NOT NULL`),
    check("calendar_entries_title_not_blank", sql`length(btrim(${t.title})) > 0`),
    check(
      "calendar_entries_time_shape",
      sql`(NOT ${t.allDay} AND ${t.startsAt} IS NOT NULL AND ${t.endsAt} > ${t.startsAt} AND ${t.startDate} IS NULL AND ${t.endDate} IS NULL)
        OR (${t.allDay} AND ${t.startDate} IS NOT NULL AND ${t.endDate} > ${t.startDate} AND ${t.startsAt} IS NULL AND ${t.endsAt} IS NULL)`,
    ),
    check("calendar_entries_case_has_client", sql`${t.caseId} IS NULL OR ${t.clientId} IS NOT NULL`),
    // Series whose first occurrence is before a window's end; series_ends_at then drops those already over.
    index("calendar_entries_series_idx")
      .on(t.calendarId, t.startsAt)
      .where(sql`${t.recurrenceRule} IS NOT NULL AND ${t.cancelledAt} IS NULL`),
    // Series live or cancelled, for feeds: one range finds those reaching a window, the cancelled
    // ones going out as STATUS:CANCELLED (lib/feeds/entries.ts).
    index("calendar_entries_feed_series_idx")
      .on(t.calendarId, t.startsAt)
      .where(sql`${t.recurrenceRule} IS NOT NULL`),
    // Timed series only for now: all-day repetition (birthdays, holidays) is a later step.
    check(
      "calendar_entries_series_shape",
      sql`(${t.recurrenceRule} IS NULL AND ${t.recurrenceZone} IS NULL AND ${t.recurrenceUntil} IS NULL AND ${t.recurrenceCount} IS NULL AND ${t.seriesEndsAt} IS NULL)
        OR (${t.recurrenceRule} IS NOT NULL AND ${t.recurrenceZone} IS NOT NULL AND NOT ${t.allDay}
          AND (${t.recurrenceUntil} IS NULL OR ${t.recurrenceCount} IS NULL)
          AND (${t.recurrenceCount} IS NULL OR ${t.recurrenceCount} BETWEEN 1 AND 1000)
          AND (${t.recurrenceUntil} IS NULL OR ${t.recurrenceUntil} >= ${t.startsAt}))`,
    ),
  ],
);

/**
 * One occurrence of a series that differs from what its rule makes: moved, retitled, relocated,
 * or cancelled (an EXDATE in feeds). `recurrence_id` is the instant the rule gives that occurrence
 * (its RECURRENCE-ID); null fields keep the series' value. Applied after expansion.
 */
export const calendarOccurrenceOverrides = pgTable(
  "calendar_occurrence_overrides",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    recurrenceId: timestamp("recurrence_id", { withTimezone: true }).notNull(),
    cancelled: boolean("cancelled").notNull().default(false),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    title: text("title"),
    location: text("location"),
    description: text("description"),
    // The occurrence's own SEQUENCE for its RECURRENCE-ID VEVENT, raised on each change to it.
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.recurrenceId] }),
    check("calendar_occurrence_overrides_time_shape", sql`(${t.startsAt} IS NULL AND ${t.endsAt} IS NULL) OR ${t.endsAt} > ${t.startsAt}`),
    check("calendar_occurrence_overrides_title_not_blank", sql`${t.title} IS NULL OR length(btrim(${t.title})) > 0`),
    check(
      "calendar_occurrence_overrides_changes_something",
      sql`${t.cancelled} OR ${t.startsAt} IS NOT NULL OR ${t.title} IS NOT NULL OR ${t.location} IS NOT NULL OR ${t.description} IS NOT NULL`,
    ),
  ],
);

/** Colleagues invited to an entry and their answers (client contacts come with e-mail invitations). */
export const calendarEntryAttendees = pgTable(
  "calendar_entry_attendees",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    response: attendeeResponse("response").notNull().default("needs_action"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    // Set with the answer; a reset to needs_action leaves it, and readers show it only beside an answer.
    answeredVia: answerPath("answered_via"),
    // The entry's start, copied here (and kept in step by the commands) so "what is this person
    // invited to this week" is an index range per person, not a walk over every invitation.
    startsAt: timestamp("starts_at", { withTimezone: true }),
    startDate: date("start_date", { mode: "string" }),
    // Whether the entry is a series, kept by triggers (migration 0038) whatever writes the entry or
    // the invitation, so "the series this person is invited to" is an index range per person.
    recurring: boolean("recurring").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.userId] }),
    // "Is the viewer invited to this entry?", asked of every row a view shows.
    index("calendar_entry_attendees_user_idx").on(t.userId, t.entryId),
    index("calendar_entry_attendees_user_timed_idx")
      .on(t.userId, t.startsAt)
      .where(sql`${t.startsAt} IS NOT NULL`),
    index("calendar_entry_attendees_user_all_day_idx")
      .on(t.userId, t.startDate)
      .where(sql`${t.startDate} IS NOT NULL`),
    index("calendar_entry_attendees_user_series_idx")
      .on(t.userId, t.startsAt)
      .where(sql`${t.recurring}`),
  ],
);

/**
 * People outside Baton invited to an entry by e-mail: a contact of the entry's client, or an
 * address typed in. They answer through signed links in the invitation (lib/calendar/answer-link.ts)
 * and read it in their own language and zone, which default to the organiser's.
 */
export const calendarEntryGuests = pgTable(
  "calendar_entry_guests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    // Stored lower-cased: one invitation per address and entry.
    email: text("email").notNull(),
    name: text("name"),
    contactId: uuid("contact_id").references(() => clientContacts.id, { onDelete: "set null" }),
    locale: locale("locale").notNull(),
    timeZone: text("time_zone").notNull(),
    response: attendeeResponse("response").notNull().default("needs_action"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    answeredVia: answerPath("answered_via"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_entry_guests_entry_email_key").on(t.entryId, t.email),
    check("calendar_entry_guests_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * An attendee's answer to one occurrence of a series, where it differs from their answer to the
 * series (a colleague declining one Monday), or "needs action" again for an occurrence whose time
 * was changed on its own. Exactly one of `user_id` (a colleague) and `guest_id` (an outside guest).
 * `recurrence_id` is the occurrence's RECURRENCE-ID, as in calendar_occurrence_overrides.
 */
export const calendarOccurrenceAnswers = pgTable(
  "calendar_occurrence_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    recurrenceId: timestamp("recurrence_id", { withTimezone: true }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    guestId: uuid("guest_id").references(() => calendarEntryGuests.id, { onDelete: "cascade" }),
    response: attendeeResponse("response").notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    answeredVia: answerPath("answered_via"),
  },
  (t) => [
    // NULLs are distinct: each index holds one kind of attendee's answers.
    uniqueIndex("calendar_occurrence_answers_user_key").on(t.entryId, t.recurrenceId, t.userId),
    uniqueIndex("calendar_occurrence_answers_guest_key").on(t.entryId, t.recurrenceId, t.guestId),
    check("calendar_occurrence_answers_one_attendee", sql`(${t.userId} IS NULL) <> (${t.guestId} IS NULL)`),
  ],
);

/** What an owner lets a colleague do with their calendar: edit it, see private details, or both. */
export const calendarGrants = pgTable(
  "calendar_grants",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    granteeId: uuid("grantee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    canEdit: boolean("can_edit").notNull().default(false),
    canSeePrivate: boolean("can_see_private").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.granteeId] }),
    index("calendar_grants_grantee_idx").on(t.granteeId),
    check("calendar_grants_not_self", sql`${t.ownerId} <> ${t.granteeId}`),
    check("calendar_grants_grant_something", sql`${t.canEdit} OR ${t.canSeePrivate}`),
  ],
);

/** Who changed what on an entry, and for whom (an assistant acting in the owner's calendar). */
export const calendarEntryActivity = pgTable(
  "calendar_entry_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: entryActivityKind("kind").notNull(),
    field: text("field"),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("calendar_entry_activity_entry_idx").on(t.entryId, t.createdAt)],
);

/** A named set of people a person looks at together ("Serwis – technicy"). */
export const calendarGroups = pgTable(
  "calendar_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    memberIds: uuid("member_ids").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_groups_owner_name_key").on(t.ownerId, sql`lower(${t.name})`),
    check("calendar_groups_name_not_blank", sql`length(btrim(${t.name})) > 0`),
  ],
);

/**
 * An entry's own reminders: a lead time before its start or an absolute moment, for the owner
 * and every attendee who has not declined. An entry without any uses each person's defaults.
 */
export const calendarEntryReminders = pgTable(
  "calendar_entry_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    offsetMinutes: integer("offset_minutes"),
    fireAt: timestamp("fire_at", { withTimezone: true }),
    // Null: each recipient's preferences decide.
    channel: notificationChannel("channel"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("calendar_entry_reminders_entry_idx").on(t.entryId),
    check("calendar_entry_reminders_one_moment", sql`(${t.offsetMinutes} IS NULL) <> (${t.fireAt} IS NULL)`),
    check("calendar_entry_reminders_offset_range", sql`${t.offsetMinutes} IS NULL OR ${t.offsetMinutes} BETWEEN 5 AND 20160`),
  ],
);
