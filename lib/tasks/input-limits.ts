// Apart from schema.ts so that the browser's forms (the reminder editor, the finishing step) do not bundle zod.
export const MAX_REMINDERS = 5;
/** The longest result note the assignee may add when finishing a task. */
export const MAX_RESULT_NOTE = 1000;
