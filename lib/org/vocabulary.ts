// The organisation's fixed choices, shared by forms in the browser and by the server schemas.
export const ROLES = ["admin", "manager", "member"] as const;
export const WORKING_MODES = ["office", "field", "remote", "away"] as const;
export { LOCALES as LANGUAGES } from "@/lib/i18n/locale";
/** Priorities of tasks, cases and notifications, lowest first. */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
export type Role = (typeof ROLES)[number];
export type WorkingMode = (typeof WORKING_MODES)[number];
