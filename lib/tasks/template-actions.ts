"use server";

import { defineAction } from "@/lib/action/define";
import { createTemplateInput, templateRefInput, updateTemplateInput } from "./template-schema";
import { createTemplate, deleteTemplate, updateTemplate } from "./templates";

// Templates show on their page and in the new-task form's picker.
const PAGES = ["/tasks/templates", "/tasks/new"];
const pages = () => PAGES;

export const createTaskTemplateAction = defineAction(createTemplateInput, (input, work) => createTemplate(work, input), { revalidate: pages });
export const updateTaskTemplateAction = defineAction(updateTemplateInput, (input, work) => updateTemplate(work, input), { revalidate: pages });
export const deleteTaskTemplateAction = defineAction(templateRefInput, (input, work) => deleteTemplate(work, input), { revalidate: pages });
