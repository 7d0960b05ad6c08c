/**
 * Characters that have no business in text a person types into Baton, and that do harm once it
 * leaves the app: NUL makes Postgres refuse the row, CR/LF split an e-mail header or an SMS,
 * bidi overrides make "gpj.exe" read as "exe.jpg", invisible ones hide text from search and
 * review. Zero-width non-joiner and joiner (U+200C, U+200D) stay: Persian, Indic scripts and
 * emoji sequences need them.
 */
const C0_C1_AND_DEL = "\\u0000-\\u001F\\u007F-\\u009F";
// The same without TAB and LF, which a paragraph keeps.
const C0_C1_AND_DEL_BUT_TAB_LF = "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F";
const INVISIBLE_FORMAT =
  // Arabic letter mark, zero-width space, LRM/RLM, line and paragraph separators, bidi
  // embeddings/overrides/isolates, word joiner and invisible operators, BOM, interlinear annotations.
  "\\u061C\\u200B\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\uFFF9-\\uFFFB";
// With the u flag a surrogate range matches only a surrogate with no partner.
const LONE_SURROGATE = "\\uD800-\\uDFFF";

const UNSAFE_IN_LINE = new RegExp(`[${C0_C1_AND_DEL}${INVISIBLE_FORMAT}${LONE_SURROGATE}]`, "u");
const UNSAFE_IN_PARAGRAPH = new RegExp(`[${C0_C1_AND_DEL_BUT_TAB_LF}${INVISIBLE_FORMAT}${LONE_SURROGATE}]`, "u");
const UNSAFE_EVERYWHERE = new RegExp(`[${C0_C1_AND_DEL}${INVISIBLE_FORMAT}${LONE_SURROGATE}]+`, "gu");

/** A name, title, number or address: one line of visible text. */
export function isCleanLine(value: string): boolean {
  return !UNSAFE_IN_LINE.test(value);
}

/** A description or comment: line breaks (LF, after normaliseLineBreaks) and tabs are allowed. */
export function isCleanParagraph(value: string): boolean {
  return !UNSAFE_IN_PARAGRAPH.test(value);
}

/** Browsers send textarea line breaks as CRLF; old Macs and some pastes as CR. Stored as LF. */
export function normaliseLineBreaks(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/**
 * Text going into an e-mail subject or an SMS: whatever it holds (titles and names written
 * before input was checked may hold anything), line breaks, control, bidi and invisible
 * characters become a space and runs of whitespace one space.
 */
export function oneLine(value: string): string {
  return value.replace(UNSAFE_EVERYWHERE, " ").replace(/\s+/g, " ").trim();
}
