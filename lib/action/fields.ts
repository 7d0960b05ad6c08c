import { z } from "zod";
import { isWallClock } from "@/lib/time/wall-clock";

// Zod field shapes shared by the forms of every domain. Messages are translation keys (errors.*).

export const requiredText = (max: number) => z.string("required").trim().min(1, "required").max(max, "tooLong");

/** A free-text field a form may leave empty: stored as null, never as "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((v) => v || null);

/** A reference chosen in a form that may be left empty; anything that is not an id cannot exist. */
export const optionalRef = (notFoundKey: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid(notFoundKey).nullable());

/**
 * A datetime-local value ("2026-03-29T09:30") typed in the viewer's zone, or empty. Impossible
 * dates (30 February, 24:00) are refused here; the command converts it in the viewer's zone.
 */
export const optionalWallClock = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isWallClock(v), "invalidDate");

/** The same, required. */
export const wallClock = z.string("required").trim().refine(isWallClock, "invalidDate");
