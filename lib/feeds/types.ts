// Apart from schema.ts so the browser's forms can read them without bundling zod.

export const FEED_KINDS = ["own", "person", "team", "department", "resource"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const MAX_FEED_NAME = 120;
export const DEFAULT_DAYS_BACK = 30;
export const DEFAULT_DAYS_AHEAD = 365;
export const MAX_DAYS_BACK = 366;
export const MAX_DAYS_AHEAD = 731;
/** Feeds one person may hold (revoked ones do not count). */
export const MAX_FEEDS_PER_PERSON = 50;
