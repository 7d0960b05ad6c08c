"use server";

import { defineAction } from "@/lib/action/define";
import { createTask, updateTask } from "./commands";
import {
  changeStatusInput,
  commentInput,
  createTaskInput,
  decisionInput,
  reassignTaskInput,
  returnTaskInput,
  setProgressInput,
  updateTaskInput,
} from "./schema";
import { acceptTask, cancelTask, changeStatus, commentOnTask, reassignTask, reopenTask, returnTask, setProgress } from "./workflow";

// Lists show status, progress and last activity of every task, so any change makes them stale.
const LISTS = ["/tasks", "/tasks/delegated", "/tasks/team"];
const touched = (input: { taskId: string }) => [...LISTS, `/tasks/${input.taskId}`];

export const createTaskAction = defineAction(createTaskInput, (input, { viewer, db, effects }) => createTask(db, viewer, input, effects), {
  revalidate: (_input, task) => [...LISTS, `/tasks/${task.id}`],
});

export const updateTaskAction = defineAction(updateTaskInput, (input, { viewer, db, effects }) => updateTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const changeStatusAction = defineAction(changeStatusInput, (input, { viewer, db, effects }) => changeStatus(db, viewer, input, effects), {
  revalidate: touched,
});

export const setProgressAction = defineAction(setProgressInput, (input, { viewer, db, effects }) => setProgress(db, viewer, input, effects), {
  revalidate: touched,
});

export const reassignTaskAction = defineAction(reassignTaskInput, (input, { viewer, db, effects }) => reassignTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const acceptTaskAction = defineAction(decisionInput, (input, { viewer, db, effects }) => acceptTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const returnTaskAction = defineAction(returnTaskInput, (input, { viewer, db, effects }) => returnTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const cancelTaskAction = defineAction(decisionInput, (input, { viewer, db, effects }) => cancelTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const reopenTaskAction = defineAction(decisionInput, (input, { viewer, db, effects }) => reopenTask(db, viewer, input, effects), {
  revalidate: touched,
});

export const commentOnTaskAction = defineAction(commentInput, (input, { viewer, db }) => commentOnTask(db, viewer, input), { revalidate: touched });
