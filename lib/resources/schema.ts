import { z } from "zod";
import { checkbox, lineString, optionalParagraph, optionalText, requiredText, wallClock } from "@/lib/action/fields";
import {
  MAX_BOOKING_MINUTES,
  MAX_PURPOSE,
  MAX_RESOURCE_DEPARTMENTS,
  MAX_RESOURCE_DESCRIPTION,
  MAX_RESOURCE_LOCATION,
  MAX_RESOURCE_NAME,
  RESOURCE_KINDS,
  RETIRE_CHOICES,
} from "./types";

const id = (notFound: string) => lineString(notFound).trim().pipe(z.uuid(notFound));

/** A whole number a form may leave empty (null), within [1, max]. */
const optionalCount = (max: number) =>
  z
    .union([z.number(), lineString().trim()])
    .nullish()
    .transform((v) => (v === "" || v === undefined || v === null ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= max), "resources.errors.wholeNumber");

/** "08:00"; "24:00" only as the end of the bookable hours. */
const clockTime = (allowMidnightEnd: boolean) =>
  lineString()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || (allowMidnightEnd && v === "24:00") || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), "resources.errors.invalidClockTime");

const resourceFields = {
  name: requiredText(MAX_RESOURCE_NAME),
  kind: z.enum(RESOURCE_KINDS, "required"),
  location: optionalText(MAX_RESOURCE_LOCATION),
  capacity: optionalCount(10_000),
  description: optionalParagraph(MAX_RESOURCE_DESCRIPTION),
  maxBookingMinutes: optionalCount(MAX_BOOKING_MINUTES),
  bookableFrom: clockTime(false),
  bookableUntil: clockTime(true),
  departmentsOnly: checkbox.default(false),
  departmentIds: z
    .array(id("resources.errors.departmentUnknown"))
    .max(MAX_RESOURCE_DEPARTMENTS, "tooLong")
    .default([])
    .transform((ids) => [...new Set(ids)]),
};

/** Both ends of the bookable hours or neither, in order; chosen departments when only they may book. */
function resourceRules<T extends z.ZodType<{ bookableFrom: string | null; bookableUntil: string | null; departmentsOnly: boolean; departmentIds: string[] }>>(
  schema: T,
) {
  return schema
    .refine((r) => (r.bookableFrom === null) === (r.bookableUntil === null), { path: ["bookableUntil"], message: "resources.errors.hoursBothEnds" })
    .refine((r) => r.bookableFrom === null || r.bookableUntil === null || r.bookableFrom < r.bookableUntil, {
      path: ["bookableUntil"],
      message: "resources.errors.hoursOrder",
    })
    .refine((r) => !r.departmentsOnly || r.departmentIds.length > 0, { path: ["departmentIds"], message: "resources.errors.departmentsRequired" });
}

export const createResourceInput = resourceRules(z.object(resourceFields));
export type CreateResourceInput = z.output<typeof createResourceInput>;

export const updateResourceInput = resourceRules(z.object({ id: id("resources.errors.resourceNotFound"), ...resourceFields }));
export type UpdateResourceInput = z.output<typeof updateResourceInput>;

export const retireResourceInput = z.object({
  id: id("resources.errors.resourceNotFound"),
  futureBookings: z.enum(RETIRE_CHOICES, "required").default("refuse"),
});
export type RetireResourceInput = z.output<typeof retireResourceInput>;

/** A booking's time: wall-clock times ("2027-03-02T10:00") in the viewer's zone; the end is exclusive. */
const bookingFields = {
  start: wallClock,
  end: wallClock,
  purpose: requiredText(MAX_PURPOSE),
};

export const bookResourceInput = z.object({ resourceId: id("resources.errors.resourceNotFound"), ...bookingFields });
export type BookResourceInput = z.output<typeof bookResourceInput>;

export const changeBookingInput = z.object({ id: id("resources.errors.bookingNotFound"), ...bookingFields });
export type ChangeBookingInput = z.output<typeof changeBookingInput>;

export const cancelBookingInput = z.object({ id: id("resources.errors.bookingNotFound") });
export type CancelBookingInput = z.output<typeof cancelBookingInput>;

export const restoreBookingInput = z.object({ id: id("resources.errors.bookingNotFound") });
export type RestoreBookingInput = z.output<typeof restoreBookingInput>;

export const resourceFilterInput = z.object({
  kind: z.enum(RESOURCE_KINDS).optional().catch(undefined),
  location: optionalText(MAX_RESOURCE_LOCATION).catch(null),
});
export type ResourceFilter = z.output<typeof resourceFilterInput>;
