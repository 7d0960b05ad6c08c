"use server";

import { defineAction } from "@/lib/action/define";
import { addSubtask } from "./subtasks";
import { addSubtaskInput } from "./subtask-schema";

// The parent's page lists the new subtask and the lists show a new task.
export const addSubtaskAction = defineAction(addSubtaskInput, (input, work) => addSubtask(work, input), {
  revalidate: (input, task) => ["/tasks", "/tasks/delegated", "/tasks/team", `/tasks/${input.parentId}`, `/tasks/${task.id}`],
});
