"use server";

import { defineAction } from "@/lib/action/define";
import { grantCaseAssignRight, revokeCaseAssignRight } from "./assign-rights";
import { changeCaseStatus, createCase, reassignCase, updateCase } from "./case-commands";
import { addContact, createClient, removeContact, updateClient, updateContact } from "./commands";
import {
  addContactInput,
  changeCaseStatusInput,
  createCaseInput,
  createClientInput,
  grantCaseAssignRightInput,
  reassignCaseInput,
  removeContactInput,
  revokeCaseAssignRightInput,
  updateCaseInput,
  updateClientInput,
  updateContactInput,
} from "./schema";

export const createClientAction = defineAction(createClientInput, (input, work) => createClient(work, input), {
  revalidate: () => ["/clients"],
});

export const updateClientAction = defineAction(updateClientInput, (input, work) => updateClient(work, input), {
  revalidate: (input) => ["/clients", `/clients/${input.id}`, "/cases"],
});

export const addContactAction = defineAction(addContactInput, (input, work) => addContact(work, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const updateContactAction = defineAction(updateContactInput, (input, work) => updateContact(work, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const removeContactAction = defineAction(removeContactInput, (input, work) => removeContact(work, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const createCaseAction = defineAction(createCaseInput, (input, work) => createCase(work, input), {
  revalidate: (input) => ["/cases", `/clients/${input.clientId}`],
});

export const updateCaseAction = defineAction(updateCaseInput, (input, work) => updateCase(work, input), {
  revalidate: (input) => ["/cases", `/cases/${input.id}`, `/clients/${input.clientId}`],
});

export const changeCaseStatusAction = defineAction(changeCaseStatusInput, (input, work) => changeCaseStatus(work, input), {
  revalidate: (input, result) => ["/cases", `/cases/${input.id}`, `/clients/${result.clientId}`],
});

export const reassignCaseAction = defineAction(reassignCaseInput, (input, work) => reassignCase(work, input), {
  revalidate: (input, result) => ["/cases", `/cases/${input.id}`, `/clients/${result.clientId}`],
});

// Rights are the administrators' to give (the commands check it): they show on the person's admin page.
export const grantCaseAssignRightAction = defineAction(grantCaseAssignRightInput, (input, work) => grantCaseAssignRight(work, input), {
  revalidate: (input) => [`/admin/users/${input.userId}`],
});

export const revokeCaseAssignRightAction = defineAction(revokeCaseAssignRightInput, (input, work) => revokeCaseAssignRight(work, input), {
  revalidate: (_input, result) => [`/admin/users/${result.userId}`],
});
