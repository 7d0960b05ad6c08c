import { z } from "zod";
import { lineString } from "@/lib/action/fields";
import { TASK_REPEAT_KINDS, WEEKS_OF_MONTH } from "./repeat-rule";

const MAX_REPEAT_DAYS = 365;

const isoWeekday = z.coerce
  .number("tasks.errors.repeatWeekday")
  .int("tasks.errors.repeatWeekday")
  .min(1, "tasks.errors.repeatWeekday")
  .max(7, "tasks.errors.repeatWeekday");
const days = (key: string) => z.coerce.number(key).int(key).min(0, key).max(MAX_REPEAT_DAYS, key);
const localTime = lineString("tasks.errors.repeatTime").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "tasks.errors.repeatTime");
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .nullish()
    .transform((v) => (v === "" || v === undefined || v === null ? null : (v as z.output<T>)));

/**
 * How a task repeats (lib/tasks/repeat-rule.ts). Each kind needs its own fields; the others are
 * dropped, so a form may send whatever its hidden controls hold.
 */
export const taskRepeatInput = z
  .object({
    kind: z.enum(TASK_REPEAT_KINDS, "invalidInput"),
    weekdays: z.array(isoWeekday).max(7, "tasks.errors.repeatWeekday").default([]),
    monthDay: optional(
      z.coerce
        .number("tasks.errors.repeatMonthDay")
        .int("tasks.errors.repeatMonthDay")
        .min(1, "tasks.errors.repeatMonthDay")
        .max(31, "tasks.errors.repeatMonthDay"),
    ),
    weekOfMonth: optional(z.coerce.number("invalidInput").refine((n) => (WEEKS_OF_MONTH as readonly number[]).includes(n), "invalidInput")),
    weekday: optional(isoWeekday),
    afterDays: optional(days("tasks.errors.repeatAfterDays")),
    timeOfDay: localTime.default("08:00"),
    // An instance is due this many days after it is created, at this task's due time of day.
    dueDays: days("tasks.errors.repeatDueDays").default(0),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "weekly" && !v.weekdays.length) ctx.addIssue({ code: "custom", path: ["weekdays"], message: "tasks.errors.repeatWeekdays" });
    if (v.kind === "monthlyOnDate" && v.monthDay === null) ctx.addIssue({ code: "custom", path: ["monthDay"], message: "tasks.errors.repeatMonthDay" });
    if (v.kind === "monthlyOnWeekday" && v.weekOfMonth === null) ctx.addIssue({ code: "custom", path: ["weekOfMonth"], message: "invalidInput" });
    if (v.kind === "monthlyOnWeekday" && v.weekday === null) ctx.addIssue({ code: "custom", path: ["weekday"], message: "tasks.errors.repeatWeekday" });
    if (v.kind === "afterCompletion" && v.afterDays === null) ctx.addIssue({ code: "custom", path: ["afterDays"], message: "tasks.errors.repeatAfterDays" });
  })
  .transform((v) => ({
    kind: v.kind,
    weekdays: v.kind === "weekly" ? [...new Set(v.weekdays)].sort((a, b) => a - b) : [],
    monthDay: v.kind === "monthlyOnDate" ? v.monthDay : null,
    weekOfMonth: v.kind === "monthlyOnWeekday" ? v.weekOfMonth : null,
    weekday: v.kind === "monthlyOnWeekday" ? v.weekday : null,
    afterDays: v.kind === "afterCompletion" ? v.afterDays : null,
    timeOfDay: v.timeOfDay,
    dueDays: v.dueDays,
  }));
export type TaskRepeatInput = z.output<typeof taskRepeatInput>;
