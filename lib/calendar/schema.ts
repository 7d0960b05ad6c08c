import { z } from "zod";
import { checkbox, lineString, optionalParagraph, optionalRef, optionalText, requiredText } from "@/lib/action/fields";
import { reminderInput } from "@/lib/tasks/schema";
import { MAX_REMINDERS } from "@/lib/tasks/input-limits";
import { isLocalDate } from "@/lib/time/calendar-date";
import { isTimeZone, isWallClock } from "@/lib/time/wall-clock";
import { LOCALES } from "@/lib/i18n/locale";
import {
  MAX_ANSWER_TOKEN_LENGTH,
  MAX_ATTENDEES,
  MAX_ENTRY_RESOURCES,
  MAX_GUESTS,
  MAX_GUEST_NAME,
  MAX_ENTRY_DESCRIPTION,
  MAX_ENTRY_LOCATION,
  MAX_ENTRY_TITLE,
  MAX_GROUP_NAME,
  MAX_PEOPLE_IN_VIEW,
} from "./limits";
import { MAX_REPEAT_COUNT, MAX_REPEAT_INTERVAL, REPEAT_FREQUENCIES, WEEKDAYS } from "./repeat";
import { ANSWERS, ATTENDEE_RESPONSES, ENTRY_VISIBILITIES } from "./types";

const id = (notFound: string) => lineString(notFound).trim().pipe(z.uuid(notFound));
const wallClock = lineString("required").trim().refine(isWallClock, "invalidDate");
const localDate = lineString("required").trim().refine(isLocalDate, "invalidDate");

/**
 * When: a timed entry's start and end are wall-clock times ("2026-03-29T09:30") in the viewer's
 * zone; an all-day entry's are local dates, `endDate` being its last day (inclusive, as a person
 * types it). The commands check order and length.
 */
export const entryTimeInput = z.discriminatedUnion("allDay", [
  z.object({ allDay: z.literal(false), start: wallClock, end: wallClock }),
  z.object({ allDay: z.literal(true), startDate: localDate, endDate: localDate }),
]);
export type EntryTimeInput = z.output<typeof entryTimeInput>;

const attendeeIds = z
  .array(id("calendar.errors.attendeeUnknown"))
  .max(MAX_ATTENDEES, "calendar.errors.tooManyAttendees")
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** The resources an entry books for its time (rooms, devices, cars): each id once. */
const resourceIds = z
  .array(id("resources.errors.resourceNotFound"))
  .max(MAX_ENTRY_RESOURCES, "resources.errors.tooManyForEntry")
  .transform((ids) => [...new Set(ids)]);

/**
 * Dates of a series to leave out as it is saved (RECURRENCE-IDs, instants): what the person
 * chooses when the series' rooms are taken on them (lib/calendar/skip-dates.ts).
 */
const skipDates = z
  .array(z.iso.datetime({ offset: true, error: "calendar.errors.occurrenceNotFound" }))
  .max(MAX_REPEAT_COUNT, "calendar.errors.occurrenceNotFound")
  .default([]);

/**
 * Someone outside Baton invited by e-mail: a contact of the entry's client (their address and
 * name come from the contact), or an address typed in. Their language and zone default to the
 * organiser's.
 */
export const guestInput = z
  .object({
    email: optionalText(320).pipe(z.email("invitations.errors.guestEmail").nullable()),
    name: optionalText(MAX_GUEST_NAME),
    contactId: optionalRef("invitations.errors.contactUnknown"),
    locale: z.enum(LOCALES).nullish(),
    timeZone: optionalText(64).refine((zone) => zone === null || isTimeZone(zone), "invitations.errors.zoneUnknown"),
  })
  .refine((g) => g.email !== null || g.contactId !== null, { message: "invitations.errors.guestEmail", path: ["email"] });
export type GuestInput = z.output<typeof guestInput>;
const guests = z.array(guestInput).max(MAX_GUESTS, "invitations.errors.tooManyGuests");

/** An entry's reminders, as for tasks: a lead time before its start, or a moment. */
export type EntryReminderInput = z.output<typeof reminderInput>;
// Absent on an update: the entry keeps its reminders. Empty: each person's defaults apply.
const reminders = z.array(reminderInput).max(MAX_REMINDERS, "tasks.errors.tooManyReminders").optional();

/** How an entry repeats (lib/calendar/repeat.ts); null or absent: it does not. */
export const repeatInput = z.object({
  frequency: z.enum(REPEAT_FREQUENCIES, "required"),
  interval: z.coerce
    .number("calendar.errors.repeatInterval")
    .int("calendar.errors.repeatInterval")
    .min(1, "calendar.errors.repeatInterval")
    .max(MAX_REPEAT_INTERVAL, "calendar.errors.repeatInterval")
    .default(1),
  weekdays: z
    .array(z.enum(WEEKDAYS, "calendar.errors.repeatWeekday"))
    .max(7)
    .default([])
    .transform((days) => [...new Set(days)]),
  ends: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("never") }),
    z.object({ kind: z.literal("onDate"), date: localDate }),
    z.object({
      kind: z.literal("afterCount"),
      count: z.coerce
        .number("calendar.errors.repeatCount")
        .int("calendar.errors.repeatCount")
        .min(1, "calendar.errors.repeatCount")
        .max(MAX_REPEAT_COUNT, "calendar.errors.repeatCount"),
    }),
  ]),
});
export type RepeatInput = z.output<typeof repeatInput>;

const entryFields = {
  title: requiredText(MAX_ENTRY_TITLE),
  description: optionalParagraph(MAX_ENTRY_DESCRIPTION),
  location: optionalText(MAX_ENTRY_LOCATION),
  visibility: z.enum(ENTRY_VISIBILITIES, "required").default("normal"),
  clientId: optionalRef("calendar.errors.clientUnknown"),
  caseId: optionalRef("calendar.errors.caseUnknown"),
};

export const createEntryInput = z.object({
  // Whose calendar: empty means mine; someone else's needs their "may edit" grant.
  ownerId: optionalRef("calendar.errors.calendarUnknown"),
  time: entryTimeInput,
  ...entryFields,
  attendeeIds,
  guests: guests.default([]),
  resourceIds: resourceIds.default([]),
  reminders,
  repeat: repeatInput.nullish(),
  skipDates,
});
export type CreateEntryInput = z.output<typeof createEntryInput>;

/** Editing sends the whole form; the command records what changed. */
export const updateEntryInput = z.object({
  id: id("calendar.errors.entryNotFound"),
  time: entryTimeInput,
  ...entryFields,
  attendeeIds,
  // Absent: the entry keeps its guests (a form that does not show them changes none).
  guests: guests.optional(),
  // Absent: the entry keeps its resources; given: those left out are released (their bookings cancelled).
  resourceIds: resourceIds.optional(),
  reminders,
  // Absent: a series keeps its repetition; null: it stops repeating (its first occurrence stays).
  repeat: repeatInput.nullish(),
  skipDates,
});
export type UpdateEntryInput = z.output<typeof updateEntryInput>;

/** A drag, a resize or the "Move…" dialog: only the time changes. */
export const moveEntryInput = z.object({ id: id("calendar.errors.entryNotFound"), time: entryTimeInput });
export type MoveEntryInput = z.output<typeof moveEntryInput>;

export const cancelEntryInput = z.object({ id: id("calendar.errors.entryNotFound") });

/** Which occurrences of a series a change or a deletion reaches, counted from the one chosen. */
export const OCCURRENCE_SCOPES = ["one", "following", "all"] as const;
const occurrence = {
  id: id("calendar.errors.entryNotFound"),
  // The occurrence's RECURRENCE-ID as the view gave it (an instant).
  recurrenceId: lineString("calendar.errors.occurrenceNotFound").pipe(z.iso.datetime({ offset: true, error: "calendar.errors.occurrenceNotFound" })),
  scope: z.enum(OCCURRENCE_SCOPES, "required"),
};

/** A change from an occurrence's dialog: its time and details, for that one, it and the following ones, or the series. */
export const changeOccurrenceInput = z.object({
  ...occurrence,
  time: entryTimeInput,
  // Absent: as the series (or the occurrence's own change) has it.
  title: requiredText(MAX_ENTRY_TITLE).optional(),
  location: optionalText(MAX_ENTRY_LOCATION).optional(),
  description: optionalParagraph(MAX_ENTRY_DESCRIPTION).optional(),
  // Absent: the occurrences keep their resources; given: those of the occurrences the change reaches.
  resourceIds: resourceIds.optional(),
});
export type ChangeOccurrenceInput = z.output<typeof changeOccurrenceInput>;

export const deleteOccurrenceInput = z.object(occurrence);
export type DeleteOccurrenceInput = z.output<typeof deleteOccurrenceInput>;

export const answerInput = z.object({
  entryId: id("calendar.errors.entryNotFound"),
  response: z.enum(ATTENDEE_RESPONSES.filter((r) => r !== "needs_action") as ["accepted", "tentative", "declined"], "required"),
  // One occurrence of a series (its RECURRENCE-ID); absent: the entry or the whole series.
  recurrenceId: lineString("calendar.errors.occurrenceNotFound")
    .pipe(z.iso.datetime({ offset: true, error: "calendar.errors.occurrenceNotFound" }))
    .optional(),
});
export type AnswerInput = z.output<typeof answerInput>;

/** An answer confirmed on the page an invitation's answer link opens (no session: the token is the authority). */
export const answerLinkInput = z.object({
  token: lineString("invitations.answer.invalid").trim().max(MAX_ANSWER_TOKEN_LENGTH, "invitations.answer.invalid"),
  response: z.enum(ANSWERS, "required"),
});
export type AnswerLinkInput = z.output<typeof answerLinkInput>;

export const grantInput = z
  .object({ granteeId: id("calendar.errors.granteeUnknown"), canEdit: checkbox.default(false), canSeePrivate: checkbox.default(false) })
  .refine((g) => g.canEdit || g.canSeePrivate, { message: "calendar.errors.grantNothing", path: ["canEdit"] });
export type GrantInput = z.output<typeof grantInput>;

export const revokeInput = z.object({ granteeId: id("calendar.errors.granteeUnknown") });

export const saveGroupInput = z.object({
  name: requiredText(MAX_GROUP_NAME),
  memberIds: z
    .array(id("calendar.errors.personUnknown"))
    .min(1, "calendar.errors.groupEmpty")
    .max(MAX_PEOPLE_IN_VIEW, "calendar.errors.tooManyPeople")
    .transform((ids) => [...new Set(ids)]),
});
export type SaveGroupInput = z.output<typeof saveGroupInput>;

export const deleteGroupInput = z.object({ id: id("calendar.errors.groupNotFound") });

/** The people last shown side by side, remembered for the next visit; empty means "only me". */
export const rememberPeopleInput = z.object({
  memberIds: z
    .array(id("calendar.errors.personUnknown"))
    .max(MAX_PEOPLE_IN_VIEW, "calendar.errors.tooManyPeople")
    .transform((ids) => [...new Set(ids)]),
});
export type RememberPeopleInput = z.output<typeof rememberPeopleInput>;
