import { z } from "zod";
import { isWallClock } from "@/lib/time/wall-clock";
import { isCleanLine, isCleanParagraph, normaliseLineBreaks } from "@/lib/text/clean-text";

// Zod field shapes shared by the forms of every domain. Messages are translation keys (errors.*).
// Every string a schema accepts starts from lineString or paragraphString (a unit test checks the
// schema files), so a NUL byte or a bidi override is a field error, not a database error.

/**
 * One line of text (title, name, number, e-mail, phone, id, search): control characters
 * (NUL, TAB, CR, LF included), bidi controls and invisible format characters are refused.
 */
export const lineString = (typeMessage?: string) => z.string(typeMessage).refine(isCleanLine, "controlCharacters");

/** A description or comment: line breaks (stored as LF) and tabs are allowed, other controls are not. */
export const paragraphString = (typeMessage?: string) => z.string(typeMessage).overwrite(normaliseLineBreaks).refine(isCleanParagraph, "controlCharacters");

/** A checkbox: "on" from a form, a boolean from a client component. */
export const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .transform((v) => v === true || v === "on" || v === "true");

export const requiredText = (max: number) => lineString("required").trim().min(1, "required").max(max, "tooLong");

/** A free-text field a form may leave empty: stored as null, never as "". */
export const optionalText = (max: number) =>
  lineString()
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((v) => v || null);

/** A multi-line text a form may leave empty: stored as null, never as "". */
export const optionalParagraph = (max: number) =>
  paragraphString()
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((v) => v || null);

/** The same, required; `requiredMessage` when the field has a more helpful message than "required". */
export const requiredParagraph = (max: number, requiredMessage = "required") =>
  paragraphString(requiredMessage).trim().min(1, requiredMessage).max(max, "tooLong");

/** A reference chosen in a form that may be left empty; anything that is not an id cannot exist. */
export const optionalRef = (notFoundKey: string) =>
  lineString()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid(notFoundKey).nullable());

/**
 * A datetime-local value ("2026-03-29T09:30") typed in the viewer's zone, or empty. Impossible
 * dates (30 February, 24:00) are refused here; the command converts it in the viewer's zone.
 */
export const optionalWallClock = lineString()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isWallClock(v), "invalidDate");

/** The same, required. */
export const wallClock = lineString("required").trim().refine(isWallClock, "invalidDate");
