import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { calendarEntries } from "./calendar";
import { departments, users } from "./org";

export const resourceKind = pgEnum("resource_kind", ["room", "device", "vehicle", "demo_product", "conference_kit"]);

/** A Postgres `tstzrange`, read and written as its text form ("[2027-03-01 09:00:00+00,...)"). */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => "tstzrange",
});

/**
 * Something people book: a room, a device, a vehicle, a demo product, conference kit. A retired
 * resource keeps its history but takes no new bookings. The rules are optional: the longest
 * booking, the hours it may be booked within (wall-clock times in the organisation's zone), and
 * whether only chosen departments may book it (resource_departments).
 */
export const resources = pgTable(
  "resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: resourceKind("kind").notNull(),
    location: text("location"),
    capacity: integer("capacity"),
    description: text("description"),
    maxBookingMinutes: integer("max_booking_minutes"),
    // "08:00" and "18:00": local wall-clock times in the organisation's zone; both or neither.
    bookableFrom: text("bookable_from"),
    bookableUntil: text("bookable_until"),
    // Kept apart from the department rows: deleting the last chosen department must not open the resource to everyone.
    departmentsOnly: boolean("departments_only").notNull().default(false),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("resources_name_key").on(sql`lower(${t.name})`),
    index("resources_kind_location_idx").on(t.kind, t.location),
    check("resources_name_not_blank", sql`length(btrim(${t.name})) > 0`),
    check("resources_capacity_positive", sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    check("resources_max_booking_positive", sql`${t.maxBookingMinutes} IS NULL OR ${t.maxBookingMinutes} > 0`),
    check(
      "resources_bookable_hours",
      sql`(${t.bookableFrom} IS NULL AND ${t.bookableUntil} IS NULL)
        OR (${t.bookableFrom} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.bookableUntil} ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$' AND ${t.bookableFrom} < ${t.bookableUntil})`,
    ),
  ],
);

/** The departments whose people may book a resource marked `departments_only`. */
export const resourceDepartments = pgTable(
  "resource_departments",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.departmentId] }), index("resource_departments_department_idx").on(t.departmentId)],
);

/**
 * A booking of a resource for the half-open range [starts_at, ends_at), so back-to-back bookings
 * both stand. `during` is derived from the two instants, and the exclusion constraint on
 * (resource_id, during) for bookings not cancelled (in the migration: drizzle has no EXCLUDE)
 * makes the database itself refuse any overlap, whichever path writes it.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    during: tstzrange("during")
      .notNull()
      .generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    purpose: text("purpose").notNull(),
    bookedById: uuid("booked_by_id")
      .notNull()
      .references(() => users.id),
    // The calendar entry this booking belongs to (a meeting with a room); deleting the entry frees it.
    entryId: uuid("entry_id").references(() => calendarEntries.id, { onDelete: "cascade" }),
    // For a recurring entry: the occurrence this booking holds the resource for (its RECURRENCE-ID).
    recurrenceId: timestamp("recurrence_id", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledById: uuid("cancelled_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bookings_booked_by_idx").on(t.bookedById, t.startsAt),
    index("bookings_entry_idx")
      .on(t.entryId)
      .where(sql`${t.entryId} IS NOT NULL`),
    // One live booking of a resource per occurrence: the horizon job may run twice and book nothing twice.
    uniqueIndex("bookings_occurrence_key")
      .on(t.entryId, t.resourceId, t.recurrenceId)
      .where(sql`${t.recurrenceId} IS NOT NULL AND ${t.cancelledAt} IS NULL`),
    check("bookings_occurrence_of_entry", sql`${t.recurrenceId} IS NULL OR ${t.entryId} IS NOT NULL`),
    check("bookings_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("bookings_purpose_not_blank", sql`length(btrim(${t.purpose})) > 0`),
  ],
);

/**
 * The resources a recurring entry holds for every occurrence, and how far its occurrences are
 * booked: each occurrence that starts before `booked_until` had its booking made (or was reported
 * to the organiser as taken). The daily horizon job moves `booked_until` forward.
 */
export const seriesResources = pgTable(
  "series_resources",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => calendarEntries.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    bookedUntil: timestamp("booked_until", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.resourceId] }), index("series_resources_booked_until_idx").on(t.bookedUntil)],
);
