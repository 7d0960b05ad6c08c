// Apart from schema.ts so that the browser's snooze buttons do not bundle zod.
export const SNOOZE_CHOICES = ["10m", "1h", "tomorrow"] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
