export const RESOURCE_KINDS = ["room", "device", "vehicle", "demo_product", "conference_kit"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What retiring a resource does with its future bookings: refuse while there are any, or cancel them and tell their bookers. */
export const RETIRE_CHOICES = ["refuse", "cancel"] as const;
export type RetireChoice = (typeof RETIRE_CHOICES)[number];

export const MAX_RESOURCE_NAME = 120;
export const MAX_RESOURCE_LOCATION = 120;
export const MAX_RESOURCE_DESCRIPTION = 2000;
export const MAX_PURPOSE = 200;
export const MAX_RESOURCE_DEPARTMENTS = 100;
/** The longest booking any resource allows, whatever its own rule: four weeks. */
export const MAX_BOOKING_MINUTES = 28 * 24 * 60;
/** Free resources offered beside a conflict. */
export const MAX_ALTERNATIVES = 5;
