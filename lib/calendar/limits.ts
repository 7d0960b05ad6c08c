// Apart from schema.ts so the browser's calendar and forms can read them without bundling zod.

/**
 * The longest timed entry. The window query relies on it: an entry that overlaps a window
 * starts at most this long before it, so one index range on the start finds every overlap.
 */
export const MAX_TIMED_ENTRY_DAYS = 14;
/** The longest all-day entry (a holiday, a trade fair), in days; longer is almost surely a typo. */
export const MAX_ALL_DAY_ENTRY_DAYS = 92;
/** The widest window one fetch may ask for (a month view with its leading and trailing weeks, and then some). */
export const MAX_WINDOW_DAYS = 62;
/** People shown side by side in one view. */
export const MAX_PEOPLE_IN_VIEW = 60;
export const MAX_ATTENDEES = 50;
/** Rooms and equipment one entry holds (a meeting with a room, a projector and a car is three). */
export const MAX_ENTRY_RESOURCES = 10;
/** People from outside Baton (client contacts, typed addresses) on one entry. */
export const MAX_GUESTS = 50;
export const MAX_GUEST_NAME = 200;
/** The longest invitation answer token a page or action looks at: anything longer is not one of ours. */
export const MAX_ANSWER_TOKEN_LENGTH = 100;
export const MAX_ENTRY_TITLE = 200;
export const MAX_ENTRY_LOCATION = 200;
export const MAX_ENTRY_DESCRIPTION = 5000;
export const MAX_GROUP_NAME = 80;
