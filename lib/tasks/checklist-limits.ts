// Apart from checklist-schema.ts so that the browser's checklist does not bundle zod.
/** The most items one task's checklist holds. */
export const MAX_CHECKLIST_ITEMS = 50;
/** The longest text of one checklist item. */
export const MAX_CHECKLIST_TEXT = 200;
