"use server";

import { defineAction } from "@/lib/action/define";
import { cancelBooking, changeBooking, restoreBooking } from "./booking-changes";
import { bookResource, createResource, retireResource, updateResource } from "./commands";
import {
  bookResourceInput,
  cancelBookingInput,
  changeBookingInput,
  createResourceInput,
  restoreBookingInput,
  retireResourceInput,
  updateResourceInput,
} from "./schema";

const resourcePaths = (id: string) => ["/resources", `/resources/${id}`, "/admin/resources"];

export const createResourceAction = defineAction(createResourceInput, (input, work) => createResource(work, input), {
  revalidate: (_input, result) => resourcePaths(result.id),
});

export const updateResourceAction = defineAction(updateResourceInput, (input, work) => updateResource(work, input), {
  revalidate: (input) => resourcePaths(input.id),
});

export const retireResourceAction = defineAction(retireResourceInput, (input, work) => retireResource(work, input), {
  revalidate: (input) => resourcePaths(input.id),
});

export const bookResourceAction = defineAction(bookResourceInput, (input, work) => bookResource(work, input), {
  revalidate: (input) => resourcePaths(input.resourceId),
});

export const changeBookingAction = defineAction(changeBookingInput, (input, work) => changeBooking(work, input), {
  revalidate: () => ["/resources"],
});

export const cancelBookingAction = defineAction(cancelBookingInput, (input, work) => cancelBooking(work, input), {
  revalidate: (_input, result) => [...resourcePaths(result.resourceId), ...(result.entryId ? ["/calendar", `/calendar/entries/${result.entryId}`] : [])],
});

export const restoreBookingAction = defineAction(restoreBookingInput, (input, work) => restoreBooking(work, input), {
  revalidate: (_input, result) => resourcePaths(result.resourceId),
});
