import { z } from "zod";
import { checkbox, lineString, optionalParagraph, optionalRef, optionalWallClock, requiredParagraph, requiredText, wallClock } from "@/lib/action/fields";
import { CHANNELS, PRIORITIES, type Channel, type Priority } from "@/lib/org/vocabulary";
import { MAX_CHECKLIST_ITEMS, MAX_CHECKLIST_TEXT } from "./checklist-limits";
import { MAX_REMINDERS, MAX_RESULT_NOTE } from "./input-limits";
import { taskRepeatInput } from "./repeat-schema";
import { OPEN_SUBTASK_CHOICES } from "./subtask-schema";

// Messages are translation keys: bare ones live under "errors", "tasks.errors.*" in tasks.json.

export { CHANNELS, PRIORITIES, type Channel, type Priority };
export const TASK_STATUSES = ["open", "in_progress", "awaiting_acceptance", "done", "cancelled"] as const;
export const ACTIVE_STATUSES = ["open", "in_progress", "awaiting_acceptance"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Reminder lead times: from five minutes to two weeks before the due moment. */
export const MIN_REMINDER_OFFSET = 5;
export const MAX_REMINDER_OFFSET = 14 * 24 * 60;
export { MAX_REMINDERS, MAX_RESULT_NOTE } from "./input-limits";

const title = requiredText(200);
const description = optionalParagraph(5000);

const taskId = lineString("required").trim().pipe(z.uuid("tasks.errors.notFound"));

const progress = z.coerce
  .number("tasks.errors.progressRange")
  .int("tasks.errors.progressRange")
  .min(0, "tasks.errors.progressRange")
  .max(100, "tasks.errors.progressRange");

const channel = z
  .union([z.enum(CHANNELS), z.literal("")])
  .nullish()
  .transform((v) => v || null);

export const reminderInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("before"),
    offsetMinutes: z.coerce
      .number("tasks.errors.reminderOffset")
      .int("tasks.errors.reminderOffset")
      .min(MIN_REMINDER_OFFSET, "tasks.errors.reminderOffset")
      .max(MAX_REMINDER_OFFSET, "tasks.errors.reminderOffset"),
    channel,
  }),
  z.object({ type: z.literal("at"), fireAt: wallClock, channel }),
]);
export type ReminderInput = z.output<typeof reminderInput>;

const reminders = z.array(reminderInput).max(MAX_REMINDERS, "tasks.errors.tooManyReminders");

export const createTaskInput = z.object({
  title,
  description,
  priority: z.enum(PRIORITIES, "required").default("normal"),
  dueAt: optionalWallClock,
  // Empty: the task is mine.
  assigneeId: optionalRef("tasks.errors.assigneeUnknown"),
  clientId: optionalRef("tasks.errors.clientUnknown"),
  caseId: optionalRef("tasks.errors.caseUnknown"),
  needsAcceptance: checkbox.default(false),
  progress: progress.default(0),
  reminders: reminders.default([]),
  // Absent or null: the task does not repeat.
  repeat: taskRepeatInput.nullish(),
  // The items a new task starts with (a template's checklist, as the form shows it).
  checklist: z.array(requiredText(MAX_CHECKLIST_TEXT)).max(MAX_CHECKLIST_ITEMS, "tasks.templateErrors.tooManyItems").default([]),
});
export type CreateTaskInput = z.output<typeof createTaskInput>;

/** Editing sends only what changed; every field left out stays as it is. */
export const updateTaskInput = z.object({
  taskId,
  // The version the editor saw: an edit made on top of someone else's newer change is refused.
  expectedVersion: z.coerce.number().int().positive().optional(),
  title: title.optional(),
  description: description.optional(),
  priority: z.enum(PRIORITIES, "required").optional(),
  dueAt: optionalWallClock.optional(),
  assigneeId: lineString().trim().pipe(z.uuid("tasks.errors.assigneeUnknown")).optional(),
  clientId: optionalRef("tasks.errors.clientUnknown").optional(),
  caseId: optionalRef("tasks.errors.caseUnknown").optional(),
  needsAcceptance: checkbox.optional(),
  reminders: reminders.optional(),
  // Absent: the repetition stays as it is; null: it stops (the open instance stays).
  repeat: taskRepeatInput.nullable().optional(),
});
export type UpdateTaskInput = z.output<typeof updateTaskInput>;

const optionalComment = optionalParagraph(2000);
const requiredComment = requiredParagraph(2000, "tasks.errors.commentRequired");

/** The statuses the assignee moves a task through. */
export const WORK_STATUSES = ["open", "in_progress", "done"] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const changeStatusInput = z
  .object({
    taskId,
    status: z.enum(WORK_STATUSES, "invalidInput"),
    note: optionalParagraph(MAX_RESULT_NOTE).optional(),
    // Finishing with subtasks still open is refused unless the person confirmed it.
    confirmOpenSubtasks: checkbox.optional(),
  })
  .refine((v) => !v.note || v.status === "done", { message: "tasks.errors.noteOnlyWhenDone", path: ["note"] });
export const setProgressInput = z.object({ taskId, progress });
export const reassignTaskInput = z.object({
  taskId,
  assigneeId: lineString("tasks.errors.assigneeUnknown").trim().pipe(z.uuid("tasks.errors.assigneeUnknown")),
  comment: optionalComment,
});
export const commentInput = z.object({ taskId, comment: requiredComment });
export const taskNoticesReadInput = z.object({ taskId });
export const returnTaskInput = z.object({ taskId, comment: requiredComment });
export const decisionInput = z.object({ taskId, comment: optionalComment });
/** Accepting a result: with subtasks open (added or reopened since it was handed in), the delegator confirms it as the assignee did. */
export const acceptTaskInput = decisionInput.extend({ confirmOpenSubtasks: checkbox.optional() });
/** Cancelling: with open subtasks, the request must say whether they are cancelled too or kept. */
export const cancelTaskInput = decisionInput.extend({ openSubtasks: z.enum(OPEN_SUBTASK_CHOICES, "invalidInput").optional() });

export type ChangeStatusInput = z.output<typeof changeStatusInput>;
export type SetProgressInput = z.output<typeof setProgressInput>;
export type ReassignTaskInput = z.output<typeof reassignTaskInput>;
export type CommentInput = z.output<typeof commentInput>;
export type ReturnTaskInput = z.output<typeof returnTaskInput>;
export type DecisionInput = z.output<typeof decisionInput>;
export type AcceptTaskInput = z.output<typeof acceptTaskInput>;
export type CancelTaskInput = z.output<typeof cancelTaskInput>;
export type TaskNoticesReadInput = z.output<typeof taskNoticesReadInput>;
