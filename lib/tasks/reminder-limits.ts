// Apart from schema.ts so that the browser's reminder editor does not bundle zod.
export const MAX_REMINDERS = 5;
