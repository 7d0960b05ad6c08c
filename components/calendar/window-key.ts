/**
 * Every calendar window fetched lives under this key, so a change anywhere refreshes them all.
 * On its own so that what only invalidates windows (the answer buttons in the bell) does not load
 * the calendar's fetching and moving code.
 */
export const CALENDAR_WINDOWS = ["calendar-window"] as const;
