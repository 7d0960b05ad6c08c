// The organisation's fixed choices, shared by forms in the browser and by the server schemas.
export const ROLES = ["admin", "manager", "member"] as const;
export const WORKING_MODES = ["office", "field", "remote", "away"] as const;
export { LOCALES as LANGUAGES } from "@/lib/i18n/locale";
/** Priorities of tasks, cases and notifications, lowest first. */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
/** The order pickers and policies list priorities in: what matters most first. */
export const PRIORITIES_URGENT_FIRST: readonly Priority[] = [...PRIORITIES].reverse();
/** Where a person hears about something. In-app is always written; the others are routed. */
export const CHANNELS = ["in_app", "email", "sms", "push"] as const;
export type Channel = (typeof CHANNELS)[number];
export const ROUTABLE_CHANNELS = ["email", "sms", "push"] as const satisfies readonly Channel[];
export type RoutableChannel = (typeof ROUTABLE_CHANNELS)[number];
export type Role = (typeof ROLES)[number];
export type WorkingMode = (typeof WORKING_MODES)[number];
