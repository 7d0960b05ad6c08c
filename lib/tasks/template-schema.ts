import { z } from "zod";
import { checkbox, lineString, optionalParagraph, requiredText } from "@/lib/action/fields";
import { MAX_CHECKLIST_ITEMS, MAX_CHECKLIST_TEXT } from "./checklist-limits";
import { MAX_REMINDERS } from "./input-limits";
import { CHANNELS, MAX_REMINDER_OFFSET, MIN_REMINDER_OFFSET, PRIORITIES } from "./schema";

// Messages are translation keys: bare ones live under "errors", "tasks.templateErrors.*" in tasks.json.

/** The furthest a template sets the due date: a year of working days is more than any recurring job needs. */
export const MAX_DUE_WORKING_DAYS = 365;

const templateId = lineString("required").trim().pipe(z.uuid("tasks.templateErrors.notFound"));

const dueInWorkingDays = z
  .union([z.number(), lineString().trim()])
  .nullish()
  .transform((v) => (v === "" || v === null || v === undefined ? null : Number(v)))
  .pipe(
    z
      .number("tasks.templateErrors.dueRange")
      .int("tasks.templateErrors.dueRange")
      .min(0, "tasks.templateErrors.dueRange")
      .max(MAX_DUE_WORKING_DAYS, "tasks.templateErrors.dueRange")
      .nullable(),
  );

const templateReminder = z.object({
  offsetMinutes: z.coerce
    .number("tasks.errors.reminderOffset")
    .int("tasks.errors.reminderOffset")
    .min(MIN_REMINDER_OFFSET, "tasks.errors.reminderOffset")
    .max(MAX_REMINDER_OFFSET, "tasks.errors.reminderOffset"),
  channel: z
    .union([z.enum(CHANNELS), z.literal("")])
    .nullish()
    .transform((v) => v || null),
});

export const templateFields = z
  .object({
    title: requiredText(200),
    description: optionalParagraph(5000),
    priority: z.enum(PRIORITIES, "required").default("normal"),
    checklist: z.array(requiredText(MAX_CHECKLIST_TEXT)).max(MAX_CHECKLIST_ITEMS, "tasks.templateErrors.tooManyItems").default([]),
    dueInWorkingDays,
    reminders: z.array(templateReminder).max(MAX_REMINDERS, "tasks.errors.tooManyReminders").default([]),
    /** Kept for the viewer's department (a manager's or an admin's choice) instead of for the viewer alone. */
    forDepartment: checkbox.default(false),
  })
  // A lead time is counted back from the due moment: without one it would never fire.
  .refine((v) => !v.reminders.length || v.dueInWorkingDays !== null, { message: "tasks.errors.reminderNeedsDue", path: ["dueInWorkingDays"] });

export const createTemplateInput = templateFields;
export const updateTemplateInput = templateFields.and(z.object({ templateId }));
export const templateRefInput = z.object({ templateId });

export type TemplateFields = z.output<typeof templateFields>;
export type UpdateTemplateInput = z.output<typeof updateTemplateInput>;
export type TemplateRefInput = z.output<typeof templateRefInput>;
