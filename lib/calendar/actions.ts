"use server";

import { headers } from "next/headers";
import { defineAction, definePublicAction } from "@/lib/action/define";
import { clientAddress } from "@/lib/auth/client-address";
import { systemNow } from "@/lib/time/clock";
import { admitLinkAnswer, answerByLink } from "./answer-link";
import { answerEntry, cancelEntry, createEntry, moveEntry, updateEntry } from "./commands";
import { deleteCalendarGroup, grantCalendarAccess, revokeCalendarAccess, saveCalendarGroup } from "./grants";
import { rememberPeopleChoice } from "./lanes";
import { changeOccurrence, deleteOccurrence } from "./occurrences";
import {
  answerInput,
  answerLinkInput,
  cancelEntryInput,
  changeOccurrenceInput,
  createEntryInput,
  deleteOccurrenceInput,
  deleteGroupInput,
  grantInput,
  moveEntryInput,
  rememberPeopleInput,
  revokeInput,
  saveGroupInput,
  updateEntryInput,
} from "./schema";

const entryPaths = (id: string) => ["/calendar", `/calendar/entries/${id}`];

export const createEntryAction = defineAction(createEntryInput, (input, work) => createEntry(work, input), {
  revalidate: (_input, result) => entryPaths(result.id),
});

export const updateEntryAction = defineAction(updateEntryInput, (input, work) => updateEntry(work, input), {
  revalidate: (input) => entryPaths(input.id),
});

export const moveEntryAction = defineAction(moveEntryInput, (input, work) => moveEntry(work, input), {
  revalidate: (input) => entryPaths(input.id),
});

export const cancelEntryAction = defineAction(cancelEntryInput, (input, work) => cancelEntry(work, input), {
  revalidate: (input) => entryPaths(input.id),
});

/** An occurrence of a series changed from its dialog: that one, it and the following ones, or all. */
export const changeOccurrenceAction = defineAction(changeOccurrenceInput, (input, work) => changeOccurrence(work, input), {
  revalidate: (input, result) => [...entryPaths(input.id), `/calendar/entries/${result.id}`],
});

export const deleteOccurrenceAction = defineAction(deleteOccurrenceInput, (input, work) => deleteOccurrence(work, input), {
  revalidate: (input) => entryPaths(input.id),
});

export const answerEntryAction = defineAction(answerInput, (input, work) => answerEntry(work, input), {
  revalidate: (input) => entryPaths(input.entryId),
});

/**
 * The answer an invitation's link holder confirms, signed in or not: the link is bound to one
 * attendee and entry. Counted per client address first; a link that cannot answer changes nothing.
 */
export const answerInvitationLinkAction = definePublicAction(answerLinkInput, async (input, db) => {
  const now = systemNow();
  await admitLinkAnswer(db, clientAddress(await headers()), now);
  return answerByLink(db, input, now);
});

export const grantCalendarAccessAction = defineAction(grantInput, (input, work) => grantCalendarAccess(work, input), {
  revalidate: () => ["/settings/calendar"],
});

export const revokeCalendarAccessAction = defineAction(revokeInput, (input, work) => revokeCalendarAccess(work, input), {
  revalidate: () => ["/settings/calendar"],
});

export const saveCalendarGroupAction = defineAction(saveGroupInput, (input, work) => saveCalendarGroup(work, input), {
  revalidate: () => ["/calendar"],
});

export const deleteCalendarGroupAction = defineAction(deleteGroupInput, (input, work) => deleteCalendarGroup(work, input), {
  revalidate: () => ["/calendar"],
});

// No page to refresh: the people view holds the choice itself and reads it back on the next visit.
export const rememberPeopleChoiceAction = defineAction(rememberPeopleInput, (input, work) => rememberPeopleChoice(work, input));
