// The scopes as lib/calendar/schema.ts has them, without bundling zod into the calendar page.
export const OCCURRENCE_SCOPES_LIST = ["one", "following", "all"] as const;
export type OccurrenceScope = (typeof OCCURRENCE_SCOPES_LIST)[number];
