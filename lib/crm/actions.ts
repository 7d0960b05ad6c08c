"use server";

import { defineAction } from "@/lib/action/define";
import { changeCaseStatus, createCase, updateCase } from "./case-commands";
import { addContact, createClient, removeContact, updateClient, updateContact } from "./commands";
import {
  addContactInput,
  changeCaseStatusInput,
  createCaseInput,
  createClientInput,
  removeContactInput,
  updateCaseInput,
  updateClientInput,
  updateContactInput,
} from "./schema";

export const createClientAction = defineAction(createClientInput, (input, { viewer, db }) => createClient(db, viewer, input), {
  revalidate: () => ["/clients"],
});

export const updateClientAction = defineAction(updateClientInput, (input, { viewer, db }) => updateClient(db, viewer, input), {
  revalidate: (input) => ["/clients", `/clients/${input.id}`, "/cases"],
});

export const addContactAction = defineAction(addContactInput, (input, { viewer, db }) => addContact(db, viewer, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const updateContactAction = defineAction(updateContactInput, (input, { viewer, db }) => updateContact(db, viewer, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const removeContactAction = defineAction(removeContactInput, (input, { viewer, db }) => removeContact(db, viewer, input), {
  revalidate: (_input, result) => [`/clients/${result.clientId}`],
});

export const createCaseAction = defineAction(createCaseInput, (input, { viewer, db, effects }) => createCase(db, viewer, input, effects), {
  revalidate: (input) => ["/cases", `/clients/${input.clientId}`],
});

export const updateCaseAction = defineAction(updateCaseInput, (input, { viewer, db, effects }) => updateCase(db, viewer, input, effects), {
  revalidate: (input) => ["/cases", `/cases/${input.id}`, `/clients/${input.clientId}`],
});

export const changeCaseStatusAction = defineAction(changeCaseStatusInput, (input, { viewer, db }) => changeCaseStatus(db, viewer, input), {
  revalidate: (input, result) => ["/cases", `/cases/${input.id}`, `/clients/${result.clientId}`],
});
