// The organisation's fixed choices, shared by forms in the browser and by the server schemas.
export const ROLES = ["admin", "manager", "member"] as const;
export const WORKING_MODES = ["office", "field", "remote", "away"] as const;
export const LANGUAGES = ["pl", "en"] as const;
export type Role = (typeof ROLES)[number];
export type WorkingMode = (typeof WORKING_MODES)[number];
