"use server";

import { defineAction } from "@/lib/action/define";
import { moveOnBoard } from "./board";
import { moveOnBoardInput } from "./board-schema";
import { createTask, updateTask } from "./commands";
import {
  cancelTaskInput,
  changeStatusInput,
  commentInput,
  createTaskInput,
  acceptTaskInput,
  decisionInput,
  reassignTaskInput,
  returnTaskInput,
  setProgressInput,
  taskNoticesReadInput,
  updateTaskInput,
} from "./schema";
import { markTaskNoticesRead } from "./read-notices";
import { commentOnTask } from "./comments";
import { unwatchTask, watchTask } from "./watch";
import { taskRefInput } from "./watch-schema";
import { acceptTask, cancelTask, changeStatus, reassignTask, reopenTask, returnTask, setProgress } from "./workflow";

// Lists show status, progress and last activity of every task, so any change makes them stale.
const LISTS = ["/tasks", "/tasks/delegated", "/tasks/team"];
const touched = (input: { taskId: string }) => [...LISTS, `/tasks/${input.taskId}`];

export const createTaskAction = defineAction(createTaskInput, (input, work) => createTask(work, input), {
  revalidate: (_input, task) => [...LISTS, `/tasks/${task.id}`],
});

export const updateTaskAction = defineAction(updateTaskInput, (input, work) => updateTask(work, input), {
  revalidate: touched,
});

export const changeStatusAction = defineAction(changeStatusInput, (input, work) => changeStatus(work, input), {
  revalidate: touched,
});

export const setProgressAction = defineAction(setProgressInput, (input, work) => setProgress(work, input), {
  revalidate: touched,
});

export const reassignTaskAction = defineAction(reassignTaskInput, (input, work) => reassignTask(work, input), {
  revalidate: touched,
});

export const acceptTaskAction = defineAction(acceptTaskInput, (input, work) => acceptTask(work, input), {
  revalidate: touched,
});

export const returnTaskAction = defineAction(returnTaskInput, (input, work) => returnTask(work, input), {
  revalidate: touched,
});

export const cancelTaskAction = defineAction(cancelTaskInput, (input, work) => cancelTask(work, input), {
  revalidate: touched,
});

export const reopenTaskAction = defineAction(decisionInput, (input, work) => reopenTask(work, input), {
  revalidate: touched,
});

export const commentOnTaskAction = defineAction(commentInput, (input, work) => commentOnTask(work, input), { revalidate: touched });

export const watchTaskAction = defineAction(taskRefInput, (input, work) => watchTask(work, input), { revalidate: (input) => [`/tasks/${input.taskId}`] });

export const unwatchTaskAction = defineAction(taskRefInput, (input, work) => unwatchTask(work, input), { revalidate: (input) => [`/tasks/${input.taskId}`] });

// Nothing to revalidate: the bell refetches its own feed, and the notifications page is rendered per request.
export const markTaskNoticesReadAction = defineAction(taskNoticesReadInput, (input, work) => markTaskNoticesRead(work, input));

export const moveOnBoardAction = defineAction(moveOnBoardInput, (input, work) => moveOnBoard(work, input), { revalidate: touched });
