"use server";

import { defineAction } from "@/lib/action/define";
import { deleteView, renameView, saveView, shareView } from "./views";
import { renameViewInput, saveViewInput, shareViewInput, viewRefInput } from "./view-schema";

// A view shows on its list's page (and, shared, on the department's members' pages).
const LISTS = ["/tasks", "/tasks/delegated", "/tasks/team"];
const lists = () => LISTS;

export const saveTaskViewAction = defineAction(saveViewInput, (input, work) => saveView(work, input), { revalidate: lists });
export const renameTaskViewAction = defineAction(renameViewInput, (input, work) => renameView(work, input), { revalidate: lists });
export const deleteTaskViewAction = defineAction(viewRefInput, (input, work) => deleteView(work, input), { revalidate: lists });
export const shareTaskViewAction = defineAction(shareViewInput, (input, work) => shareView(work, input), { revalidate: lists });
