"use server";

import { defineAction, defineActionOutsideUnit } from "@/lib/action/define";
import { now } from "@/lib/time/clock";
import { cancelBooking, changeBooking, restoreBooking } from "./booking-changes";
import { createResource, requestBooking, retireResource, updateResource } from "./commands";
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

// Outside a unit: a taken time is refused from committed bookings without a transaction (requestBooking).
export const bookResourceAction = defineActionOutsideUnit(bookResourceInput, (input, { viewer, db }) => requestBooking(db, viewer, input, now()), {
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
