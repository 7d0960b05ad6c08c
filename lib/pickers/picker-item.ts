/** One choice of a search picker as the browser receives it: nothing more than it shows. */
export interface PickerItem {
  id: string;
  label: string;
  /** A second, quieter line: a person's job title, a client's city. */
  detail?: string | null;
  /** A case's client: choosing a case fills in its client. */
  client?: { id: string; label: string };
}

/** The most a picker search answers: pickers narrow as one types, they are not lists. */
export const PICKER_LIMIT = 20;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** ILIKE pattern: `text` anywhere, with `%` and `_` matched literally. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** ILIKE pattern: starting with `text`. */
export function startingWith(text: string): string {
  return `${escapeLike(text)}%`;
}

/** Ids are UUIDs; anything else in a URL names nothing (and must not reach a uuid column). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
