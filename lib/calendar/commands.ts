import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import {
  calendarEntries,
  calendarEntryActivity,
  calendarOccurrenceAnswers,
  calendarOccurrenceOverrides,
  calendarEntryAttendees,
  calendarEntryGuests,
  calendarGrants,
  calendars,
  type AnswerPath,
} from "@/db/schema";
import { Forbidden, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { historyRows, historyValue, type HistoryEntryDraft } from "@/lib/history/entries";
import { releaseEntryBookings, syncEntryBookings } from "@/lib/resources/entry-bookings";
import { checkClientAndCase, FieldProblems, peopleById } from "@/lib/tasks/references";
import { relationSql } from "./access";
import { afterEntryChange } from "./after-change";
import { addGuests, checkGuests, guestsOf, replaceGuests, type Guest } from "./guests";
import type { GuestNotice } from "./notices";
import { sameTime, storedTime, timeForHistory, type StoredTime, entryTimeOf } from "./entry-time";
import { canAddTo, canEditEntry, canSeeDetails, type EntryRelation } from "./policy";
import { clearOccurrenceAnswers, occurrenceAnswerOf, occurrenceOfEntry, setOccurrenceAnswer } from "./occurrence-answers";
import { entryRemindersFromInput, replaceEntryReminders } from "./reminders";
import { skipOccurrences } from "./skip-dates";
import { repeatForHistory, seriesValuesAfterChange, seriesValuesFor } from "./repeat-series";
import type { CreateEntryInput, MoveEntryInput, UpdateEntryInput } from "./schema";

type EntryRow = typeof calendarEntries.$inferSelect;
type ActivityKind = (typeof calendarEntryActivity.$inferInsert)["kind"];

/** The person's calendar, made the first time anything is put in it. */
export async function calendarIdOf(tx: DbOrTx, userId: string): Promise<string> {
  const [made] = await tx.insert(calendars).values({ userId }).onConflictDoNothing().returning({ id: calendars.id });
  if (made) return made.id;
  const [found] = await tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.userId, userId));
  return found!.id;
}

async function grantEditOf(tx: DbOrTx, ownerId: string, viewerId: string): Promise<boolean> {
  const [grant] = await tx
    .select({ canEdit: calendarGrants.canEdit })
    .from(calendarGrants)
    .where(and(eq(calendarGrants.ownerId, ownerId), eq(calendarGrants.granteeId, viewerId)));
  return grant?.canEdit === true;
}

/**
 * The entry, locked, with the viewer's relation to it. A stranger asking for an entry they may
 * not change learns nothing of it: a private entry's id guessed by them gives the same answer
 * as one that does not exist.
 */
export async function lockedEntryFor(tx: Tx, viewerId: string, entryId: string): Promise<{ entry: EntryRow; ownerId: string; relation: EntryRelation }> {
  const r = relationSql({ entryId: calendarEntries.id, ownerId: calendars.userId, visibility: calendarEntries.visibility }, viewerId);
  const [row] = await tx
    .select({
      entry: calendarEntries,
      ownerId: calendars.userId,
      isOwner: sql<boolean>`${r.isOwner}`,
      isAttendee: sql<boolean>`${r.isAttendee}`,
      grantEdit: sql<boolean>`${r.grantEdit}`,
      grantSeePrivate: sql<boolean>`${r.grantSeePrivate}`,
    })
    .from(calendarEntries)
    .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
    .where(eq(calendarEntries.id, entryId))
    .for("update", { of: calendarEntries });
  if (!row || row.entry.cancelledAt) throw new NotFound("calendar.errors.entryNotFound");
  const { entry, ownerId, ...relation } = row;
  if (!canSeeDetails(entry.visibility, relation)) throw new NotFound("calendar.errors.entryNotFound");
  return { entry, ownerId, relation };
}

export async function editableEntry(tx: Tx, viewerId: string, entryId: string) {
  const found = await lockedEntryFor(tx, viewerId, entryId);
  if (!canEditEntry(found.entry.visibility, found.relation)) throw new Forbidden("calendar.errors.notEditable");
  return found;
}

/** Attendees must be active colleagues; the owner is in the entry already and is not listed. */
async function checkAttendees(tx: DbOrTx, ids: string[], ownerId: string, problems: FieldProblems): Promise<string[]> {
  const wanted = ids.filter((id) => id !== ownerId);
  const people = await peopleById(tx, wanted);
  if (wanted.some((id) => !people.get(id)?.active)) problems.add("attendeeIds", "calendar.errors.attendeeUnknown");
  return wanted;
}

/** The entry's start as its attendee rows keep it (see the schema: the window query's index). */
function attendeeTime(time: StoredTime): { startsAt: Date | null; startDate: string | null } {
  return { startsAt: time.startsAt, startDate: time.startDate };
}

export async function attendeesOf(tx: DbOrTx, entryId: string) {
  return tx
    .select({ userId: calendarEntryAttendees.userId, response: calendarEntryAttendees.response })
    .from(calendarEntryAttendees)
    .where(eq(calendarEntryAttendees.entryId, entryId));
}

/** The language and zone an entry's outside guests get unless told otherwise: the organiser's. */
async function organizerOf(tx: DbOrTx, ownerId: string, viewer: { id: string; locale: "pl" | "en"; timeZone: string }) {
  if (ownerId === viewer.id) return viewer;
  const owner = (await peopleById(tx, [ownerId])).get(ownerId);
  return owner ?? viewer;
}

/** History rows for guests added and removed: their address, marked as a guest's. */
function guestHistory(added: Guest[], removed: Guest[]): HistoryEntryDraft<ActivityKind>[] {
  return [
    ...added.map((g) => ({ kind: "attendee_added" as const, field: "guest", newValue: g.email })),
    ...removed.map((g) => ({ kind: "attendee_removed" as const, field: "guest", oldValue: g.email })),
  ];
}

export async function writeHistory(tx: Tx, entryId: string, entries: HistoryEntryDraft<ActivityKind>[], actorId: string, now: Date) {
  if (!entries.length) return;
  await tx.insert(calendarEntryActivity).values(historyRows(entries, actorId, now).map((row) => ({ ...row, entryId })));
}

export async function createEntry(work: Work, input: CreateEntryInput): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const ownerId = input.ownerId ?? viewer.id;
  if (!canAddTo(viewer.id, ownerId, ownerId !== viewer.id && (await grantEditOf(tx, ownerId, viewer.id)))) {
    throw new Forbidden("calendar.errors.notYourCalendar");
  }
  const problems = new FieldProblems();
  if (ownerId !== viewer.id && !(await peopleById(tx, [ownerId])).get(ownerId)?.active) problems.add("ownerId", "calendar.errors.calendarUnknown");
  const time = storedTime(input.time, viewer.timeZone, problems);
  const refs = await checkClientAndCase(tx, { clientId: input.clientId, caseId: input.caseId }, problems);
  const attendees = await checkAttendees(tx, input.attendeeIds, ownerId, problems);
  const wantedGuests = await checkGuests(tx, input.guests, { clientId: refs.clientId, organizer: await organizerOf(tx, ownerId, viewer) }, problems);
  const reminders = entryRemindersFromInput(input.reminders ?? [], viewer.timeZone, problems);
  // The series runs in the zone its first time was typed in.
  const series = seriesValuesFor(input.repeat, time, viewer.timeZone, problems);
  problems.throwIfAny();

  const [entry] = await tx
    .insert(calendarEntries)
    .values({
      calendarId: await calendarIdOf(tx, ownerId),
      title: input.title,
      description: input.description,
      location: input.location,
      visibility: input.visibility,
      ...time,
      ...refs,
      ...series,
      createdById: viewer.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: calendarEntries.id });
  if (attendees.length) await tx.insert(calendarEntryAttendees).values(attendees.map((userId) => ({ entryId: entry!.id, userId, ...attendeeTime(time) })));
  // Dates the person chose to leave out, then its rooms and equipment in the same transaction: a
  // resource that is taken refuses the whole entry (a series lists every date taken).
  await skipOccurrences(work, entry!.id, input.skipDates);
  await syncEntryBookings(work, { id: entry!.id, title: input.title, ...time }, input.resourceIds);
  const guests = await addGuests(tx, entry!.id, wantedGuests, now);
  if (reminders.length) await replaceEntryReminders(tx, entry!.id, reminders);
  await writeHistory(tx, entry!.id, [{ kind: "created" }, ...guestHistory(guests, [])], viewer.id, now);
  await afterEntryChange(
    work,
    entry!.id,
    ownerId,
    [...attendees.map((recipientId) => ({ kind: "invited" as const, recipientId })), { kind: "changedForYou", recipientId: ownerId, change: "created" }],
    { guests: guests.map((guest) => ({ kind: "invited", guest })) },
  );
  return { id: entry!.id, ownerId };
}

/** What the history and the sequence number see of a change. */
function detailChanges(
  entry: EntryRow,
  next: Omit<
    EntryRow,
    | "id"
    | "calendarId"
    | "sequence"
    | "version"
    | "createdById"
    | "cancelledAt"
    | "createdAt"
    | "updatedAt"
    | "recurrenceRule"
    | "recurrenceZone"
    | "recurrenceUntil"
    | "recurrenceCount"
    | "seriesEndsAt"
  >,
) {
  const fields = ["title", "description", "location", "visibility", "clientId", "caseId"] as const;
  return fields
    .filter((f) => entry[f] !== next[f])
    .map((f) => ({ kind: "changed" as const, field: f, oldValue: historyValue(entry[f]), newValue: historyValue(next[f]) }));
}

/**
 * Applies a new time and details to a locked entry: raises SEQUENCE when time, place or content
 * changed, and asks every attendee and guest again when the time moved (their answers go back
 * to "needs action").
 */
async function applyChange(
  tx: Tx,
  entry: EntryRow,
  time: StoredTime,
  details: HistoryEntryDraft<ActivityKind>[],
  values: Partial<EntryRow>,
  actorId: string,
  now: Date,
): Promise<{ timeChanged: boolean; changed: boolean; sequenceRaised: boolean }> {
  const before: StoredTime = { allDay: entry.allDay, startsAt: entry.startsAt, endsAt: entry.endsAt, startDate: entry.startDate, endDate: entry.endDate };
  const timeChanged = !sameTime(before, time);
  const history = [
    ...(timeChanged ? [{ kind: "changed" as const, field: "time", oldValue: timeForHistory(before), newValue: timeForHistory(time) }] : []),
    ...details,
  ];
  const raisesSequence = timeChanged || details.some((d) => d.field !== "visibility" && d.field !== "clientId" && d.field !== "caseId");
  if (!history.length) return { timeChanged: false, changed: false, sequenceRaised: false };
  await tx
    .update(calendarEntries)
    .set({
      ...values,
      ...time,
      sequence: raisesSequence ? entry.sequence + 1 : entry.sequence,
      version: entry.version + 1,
      updatedAt: now,
    })
    .where(eq(calendarEntries.id, entry.id));
  if (timeChanged) {
    await tx
      .update(calendarEntryAttendees)
      .set({ response: "needs_action", respondedAt: null, ...attendeeTime(time) })
      .where(eq(calendarEntryAttendees.entryId, entry.id));
    await tx.update(calendarEntryGuests).set({ response: "needs_action", respondedAt: null }).where(eq(calendarEntryGuests.entryId, entry.id));
    // Answers to single occurrences went with the times they answered.
    await clearOccurrenceAnswers(tx, entry.id);
  }
  await writeHistory(tx, entry.id, history, actorId, now);
  return { timeChanged, changed: true, sequenceRaised: raisesSequence };
}

export async function updateEntry(work: Work, input: UpdateEntryInput): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId } = await editableEntry(tx, viewer.id, input.id);
  const problems = new FieldProblems();
  const time = storedTime(input.time, viewer.timeZone, problems);
  const refs = await checkClientAndCase(tx, { clientId: input.clientId, caseId: input.caseId }, problems);
  const wanted = await checkAttendees(tx, input.attendeeIds, ownerId, problems);
  const wantedGuests = input.guests
    ? await checkGuests(tx, input.guests, { clientId: refs.clientId, organizer: await organizerOf(tx, ownerId, viewer) }, problems)
    : null;
  const reminders = input.reminders ? entryRemindersFromInput(input.reminders, viewer.timeZone, problems) : null;
  const series = seriesValuesAfterChange(entry, input.repeat, time, viewer.timeZone, problems);
  problems.throwIfAny();

  const values = { title: input.title, description: input.description, location: input.location, visibility: input.visibility, ...refs, ...series };
  const details: HistoryEntryDraft<ActivityKind>[] = detailChanges(entry, { ...values, ...time });
  const repeatBefore = repeatForHistory(entry);
  const repeatAfter = repeatForHistory(series);
  if (repeatBefore !== repeatAfter) details.push({ kind: "changed", field: "repeat", oldValue: repeatBefore, newValue: repeatAfter });
  const { timeChanged, changed, sequenceRaised } = await applyChange(tx, entry, time, details, values, viewer.id, now);
  // Changed occurrences belong to the rule and first time they were made for: a new rule or time leaves them nothing to change.
  if (entry.recurrenceRule && (timeChanged || repeatBefore !== repeatAfter)) {
    await tx.delete(calendarOccurrenceOverrides).where(eq(calendarOccurrenceOverrides.entryId, entry.id));
  }
  await skipOccurrences(work, entry.id, input.skipDates);
  // The bookings follow the entry (its time, its title as their purpose) or refuse the whole change.
  const resourcesChange = await syncEntryBookings(work, { id: entry.id, title: input.title, ...time }, input.resourceIds ?? null);
  if (resourcesChange.changed) {
    await writeHistory(
      tx,
      entry.id,
      [{ kind: "changed", field: "resources", oldValue: resourcesChange.before, newValue: resourcesChange.after }],
      viewer.id,
      now,
    );
  }

  const current = await tx.select({ userId: calendarEntryAttendees.userId }).from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, entry.id));
  const had = new Set(current.map((a) => a.userId));
  const added = wanted.filter((id) => !had.has(id));
  const removed = [...had].filter((id) => !wanted.includes(id));
  if (added.length) await tx.insert(calendarEntryAttendees).values(added.map((userId) => ({ entryId: entry.id, userId, ...attendeeTime(time) })));
  if (removed.length) {
    await tx.delete(calendarEntryAttendees).where(and(eq(calendarEntryAttendees.entryId, entry.id), inArray(calendarEntryAttendees.userId, removed)));
    await tx.delete(calendarOccurrenceAnswers).where(and(eq(calendarOccurrenceAnswers.entryId, entry.id), inArray(calendarOccurrenceAnswers.userId, removed)));
  }
  const guestChange = wantedGuests ? await replaceGuests(tx, entry.id, wantedGuests, now) : { added: [], removed: [], stayed: await guestsOf(tx, entry.id) };
  await writeHistory(
    tx,
    entry.id,
    [
      ...added.map((id) => ({ kind: "attendee_added" as const, newValue: id })),
      ...removed.map((id) => ({ kind: "attendee_removed" as const, oldValue: id })),
      ...guestHistory(guestChange.added, guestChange.removed),
    ],
    viewer.id,
    now,
  );
  const remindersChange = reminders ? await replaceEntryReminders(tx, entry.id, reminders) : null;
  if (remindersChange?.changed) {
    await writeHistory(
      tx,
      entry.id,
      [{ kind: "changed", field: "reminders", oldValue: remindersChange.before, newValue: remindersChange.after }],
      viewer.id,
      now,
    );
  }
  const guestsChanged = guestChange.added.length > 0 || guestChange.removed.length > 0;
  const touched = changed || added.length > 0 || removed.length > 0 || guestsChanged || remindersChange?.changed === true || resourcesChange.changed;
  if (!touched) return { id: entry.id, ownerId };
  // Attendees, reminders and resources are not the entry's row, but its timeline follows them: a new version.
  if (!changed)
    await tx
      .update(calendarEntries)
      .set({ version: entry.version + 1, updatedAt: now })
      .where(eq(calendarEntries.id, entry.id));
  const previous = entryTimeOf(entry);
  const stayed = [...had].filter((id) => wanted.includes(id));
  // Those still invited hear of a new time (answers reset) or of a new place or content (an
  // updated invitation); those removed, that they no longer are.
  const stayedKind = timeChanged ? ("rescheduled" as const) : sequenceRaised ? ("updated" as const) : null;
  await afterEntryChange(
    work,
    entry.id,
    ownerId,
    [
      ...added.map((recipientId) => ({ kind: "invited" as const, recipientId })),
      ...(stayedKind === "rescheduled" ? stayed.map((recipientId) => ({ kind: "rescheduled" as const, recipientId, previous })) : []),
      ...(stayedKind === "updated" ? stayed.map((recipientId) => ({ kind: "updated" as const, recipientId })) : []),
      // Their reminders go with them: the timeline is rewritten from the attendees left.
      ...removed.map((recipientId) => ({ kind: "removed" as const, recipientId, was: entry })),
      { kind: "changedForYou", recipientId: ownerId, change: timeChanged ? "moved" : "changed", ...(timeChanged ? { previous } : {}) },
    ],
    {
      guests: [
        ...guestChange.added.map((guest): GuestNotice => ({ kind: "invited", guest })),
        ...(stayedKind
          ? guestChange.stayed.map((guest): GuestNotice => (stayedKind === "rescheduled" ? { kind: stayedKind, guest, previous } : { kind: stayedKind, guest }))
          : []),
        ...guestChange.removed.map((guest): GuestNotice => ({ kind: "withdrawn", guest })),
      ],
    },
  );
  return { id: entry.id, ownerId };
}

export async function moveEntry(work: Work, input: MoveEntryInput): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId } = await editableEntry(tx, viewer.id, input.id);
  const problems = new FieldProblems();
  const time = storedTime(input.time, viewer.timeZone, problems);
  // A series moves as a whole (its first time and so every occurrence); its end moves with it.
  const series = seriesValuesAfterChange(entry, undefined, time, viewer.timeZone, problems);
  problems.throwIfAny();
  const { timeChanged } = await applyChange(tx, entry, time, [], entry.recurrenceRule ? series : {}, viewer.id, now);
  if (!timeChanged) return { id: entry.id, ownerId };
  if (entry.recurrenceRule) await tx.delete(calendarOccurrenceOverrides).where(eq(calendarOccurrenceOverrides.entryId, entry.id));
  // Every booking moves with it, or none does: a conflict on any resource rolls the move back.
  await syncEntryBookings(work, { id: entry.id, title: entry.title, ...time }, null);
  const previous = entryTimeOf(entry);
  const attendees = await attendeesOf(tx, entry.id);
  const guests = await guestsOf(tx, entry.id);
  await afterEntryChange(
    work,
    entry.id,
    ownerId,
    [
      ...attendees.map((a) => ({ kind: "rescheduled" as const, recipientId: a.userId, previous })),
      { kind: "changedForYou", recipientId: ownerId, change: "moved", previous },
    ],
    { guests: guests.map((guest) => ({ kind: "rescheduled", guest, previous })) },
  );
  return { id: entry.id, ownerId };
}

/** Cancelling keeps the row (history, and the CANCEL invitations and feeds send later) and frees everyone's time. */
export async function cancelEntry(work: Work, input: { id: string }): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId } = await editableEntry(tx, viewer.id, input.id);
  await tx
    .update(calendarEntries)
    .set({ cancelledAt: now, sequence: entry.sequence + 1, version: entry.version + 1, updatedAt: now })
    .where(eq(calendarEntries.id, entry.id));
  await writeHistory(tx, entry.id, [{ kind: "cancelled" }], viewer.id, now);
  await releaseEntryBookings(work, entry.id);
  // Everyone invited is told, those who declined too: a decline can be changed until the entry is gone.
  const attendees = await attendeesOf(tx, entry.id);
  const guests = await guestsOf(tx, entry.id);
  await afterEntryChange(
    work,
    entry.id,
    ownerId,
    [...attendees.map((a) => ({ kind: "cancelled" as const, recipientId: a.userId })), { kind: "changedForYou", recipientId: ownerId, change: "cancelled" }],
    { guests: guests.map((guest) => ({ kind: "cancelled", guest })) },
  );
  return { id: entry.id, ownerId };
}

/**
 * An attendee's answer; only they give it. With `recurrenceId`, to that occurrence of the series
 * alone (which must be one its rule makes, not cancelled); without, to the entry or the whole
 * series, which replaces their answers to single occurrences.
 */
export async function answerEntry(
  work: Work,
  input: { entryId: string; response: "accepted" | "tentative" | "declined"; via?: AnswerPath; recurrenceId?: string },
): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId, relation } = await lockedEntryFor(tx, viewer.id, input.entryId);
  if (!relation.isAttendee) throw new Forbidden("calendar.errors.notInvited");
  const via = input.via ?? "app";
  if (input.recurrenceId) {
    const occurrence = await occurrenceOfEntry(tx, entry, new Date(input.recurrenceId));
    if (!occurrence || occurrence.cancelled) throw new NotFound("calendar.errors.occurrenceNotFound");
    const attendee = { type: "user" as const, id: viewer.id };
    const current = await occurrenceAnswerOf(tx, entry.id, occurrence.recurrenceId, attendee);
    if (current === input.response) return { id: entry.id, ownerId };
    await setOccurrenceAnswer(tx, { entryId: entry.id, recurrenceId: occurrence.recurrenceId, attendee, response: input.response, via, now });
    await tx
      .update(calendarEntries)
      .set({ version: entry.version + 1 })
      .where(eq(calendarEntries.id, entry.id));
    await writeHistory(
      tx,
      entry.id,
      [{ kind: "answered", field: "occurrence", oldValue: current, newValue: input.response, comment: occurrence.recurrenceId.toISOString() }],
      viewer.id,
      now,
    );
    await afterEntryChange(work, entry.id, ownerId, [{ kind: "answered", recipientId: ownerId, attendee: viewer.name, response: input.response }], {
      occurrence,
    });
    return { id: entry.id, ownerId };
  }
  const [current] = await tx
    .select({ response: calendarEntryAttendees.response })
    .from(calendarEntryAttendees)
    .where(and(eq(calendarEntryAttendees.entryId, entry.id), eq(calendarEntryAttendees.userId, viewer.id)));
  if (current?.response === input.response) return { id: entry.id, ownerId };
  await tx
    .update(calendarEntryAttendees)
    .set({ response: input.response, respondedAt: now, answeredVia: via })
    .where(and(eq(calendarEntryAttendees.entryId, entry.id), eq(calendarEntryAttendees.userId, viewer.id)));
  if (entry.recurrenceRule) await clearOccurrenceAnswers(tx, entry.id, { type: "user", id: viewer.id });
  await tx
    .update(calendarEntries)
    .set({ version: entry.version + 1 })
    .where(eq(calendarEntries.id, entry.id));
  await writeHistory(tx, entry.id, [{ kind: "answered", oldValue: current?.response ?? null, newValue: input.response }], viewer.id, now);
  await afterEntryChange(work, entry.id, ownerId, [{ kind: "answered", recipientId: ownerId, attendee: viewer.name, response: input.response }]);
  return { id: entry.id, ownerId };
}
