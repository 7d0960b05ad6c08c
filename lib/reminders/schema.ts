import { z } from "zod";
import { lineString, optionalText } from "@/lib/action/fields";
import { isLocalDate } from "@/lib/time/calendar-date";
import { isTimeZone } from "@/lib/time/wall-clock";
import { HOLIDAY_COUNTRIES } from "./holidays";
import { SNOOZE_CHOICES } from "./snooze-choices";
import { DELAY_UNITS } from "./working-time";

// Messages are translation keys: bare ones live under "errors", "reminders.errors.*" in reminders.json.

export { SNOOZE_CHOICES, type SnoozeChoice } from "./snooze-choices";

export const snoozeInput = z.object({
  notificationId: lineString("required").trim().pipe(z.uuid("notFound")),
  snooze: z.enum(SNOOZE_CHOICES, "invalidInput"),
});
export type SnoozeInput = z.output<typeof snoozeInput>;

import { CHANNELS, PRIORITIES } from "@/lib/org/vocabulary";
const localTime = lineString("reminders.errors.time").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "reminders.errors.time");
const delay = z.coerce.number("reminders.errors.delay").int("reminders.errors.delay").min(1, "reminders.errors.delay").max(10_000, "reminders.errors.delay");
const unit = z.enum(DELAY_UNITS, "invalidInput");
const rule = z.object({ delay, unit });

export const escalationSettingsInput = z
  .object({
    policy: z.object({ low: rule, normal: rule, high: rule, urgent: rule }),
    secondLevelEnabled: z.boolean(),
    secondLevelDelay: delay,
    secondLevelUnit: unit,
    timeZone: lineString("reminders.errors.timeZone").trim().refine(isTimeZone, "reminders.errors.timeZone"),
    workDays: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, "reminders.errors.days")
      .transform((days) => [...new Set(days)].sort()),
    dayStart: localTime,
    dayEnd: localTime,
    holidayCountry: z.enum(HOLIDAY_COUNTRIES, "invalidInput").default("PL"),
  })
  .refine((v) => v.dayStart < v.dayEnd, { message: "reminders.errors.dayOrder", path: ["dayEnd"] });
export type EscalationSettingsInput = z.output<typeof escalationSettingsInput>;
export { PRIORITIES as ESCALATION_PRIORITIES };

// A calendar date of the work schedule's zone, as a date input sends it.
const dayOff = lineString("reminders.errors.holidayDate")
  .trim()
  .refine((v) => isLocalDate(v) && v >= "2000-01-01" && v <= "2199-12-31", "reminders.errors.holidayDate");

export const addDayOffInput = z.object({
  day: dayOff,
  note: optionalText(80),
});
export type AddDayOffInput = z.output<typeof addDayOffInput>;

export const removeDayOffInput = z.object({ day: dayOff });
export type RemoveDayOffInput = z.output<typeof removeDayOffInput>;

const channel = z
  .union([z.enum(CHANNELS), z.literal("")])
  .nullish()
  .transform((v) => v || null);

export const reminderDefaultsInput = z.object({
  reminders: z
    .array(
      z.object({
        offsetMinutes: z.coerce
          .number("tasks.errors.reminderOffset")
          .int("tasks.errors.reminderOffset")
          .min(5, "tasks.errors.reminderOffset")
          .max(20160, "tasks.errors.reminderOffset"),
        channel,
      }),
    )
    .max(5, "tasks.errors.tooManyReminders"),
});
export type ReminderDefaultsInput = z.output<typeof reminderDefaultsInput>;
