import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { calendarEntries, calendarOccurrenceOverrides } from "@/db/schema";
import { Invalid, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { syncEntryBookings } from "@/lib/resources/entry-bookings";
import { releaseOccurrenceBookings, syncOccurrenceBookings } from "@/lib/resources/occurrence-bookings";
import { seriesResourceIds } from "@/lib/resources/series-bookings";
import { FieldProblems } from "@/lib/tasks/references";
import { instantToWallClock } from "@/lib/time/zoned";
import { afterEntryChange } from "./after-change";
import { attendeesOf, cancelEntry, editableEntry, moveEntry, writeHistory } from "./commands";
import { entryTimeOf } from "./entry-time";
import { addGuests, guestsOf } from "./guests";
import type { EntryNotice, GuestNotice } from "./notices";
import { occurrenceOfEntry, resetOccurrenceAnswers, type SeriesOccurrence } from "./occurrence-answers";
import { remindersOfEntry, replaceEntryReminders } from "./reminders";
import { calendarEntryAttendees } from "@/db/schema";
import { storedTime } from "./entry-time";
import { expandSeries, isOccurrenceStart, seriesEnd, type Series } from "./recurrence";
import { seriesOfEntry } from "./series-rows";
import type { ChangeOccurrenceInput, DeleteOccurrenceInput } from "./schema";

type EntryRow = typeof calendarEntries.$inferSelect;
const MINUTE = 60_000;

/**
 * Changes and deletions that start from one occurrence of a series: that occurrence alone (an
 * override row), it and the following ones (the series is split in two at it, the first part
 * keeping its history, the second a new entry), or the whole series.
 */

function seriesOf(entry: EntryRow): Series {
  const series = seriesOfEntry(entry);
  if (!series) throw new NotFound("calendar.errors.occurrenceNotFound");
  return series;
}

/** The series, locked and editable by the viewer, and the occurrence asked for, which its rule must make. */
async function editableOccurrence(tx: Tx, viewerId: string, input: { id: string; recurrenceId: string }) {
  const found = await editableEntry(tx, viewerId, input.id);
  const series = seriesOf(found.entry);
  const recurrenceId = new Date(input.recurrenceId);
  if (!isOccurrenceStart(series, recurrenceId)) throw new NotFound("calendar.errors.occurrenceNotFound");
  return { ...found, series, recurrenceId };
}

/** How many occurrences the rule makes before `recurrenceId` (COUNT is split by it). */
function occurrencesBefore(series: Series, recurrenceId: Date): number {
  return expandSeries({ ...series, until: null }, [], { from: series.start, to: recurrenceId }).filter((o) => o.recurrenceId < recurrenceId).length;
}

/**
 * Ends a series just before one of its occurrences and returns what the rest would be: the
 * same rule from that occurrence on, with what is left of its COUNT. Overrides from there on
 * leave the first part.
 */
async function endSeriesBefore(tx: Tx, entry: EntryRow, series: Series, recurrenceId: Date, now: Date) {
  const before = series.count !== null ? occurrencesBefore(series, recurrenceId) : null;
  const head: Series = before !== null ? { ...series, count: before } : { ...series, until: new Date(recurrenceId.getTime() - MINUTE) };
  await tx
    .update(calendarEntries)
    .set({
      recurrenceUntil: head.until,
      recurrenceCount: head.count,
      seriesEndsAt: seriesEnd(head),
      sequence: entry.sequence + 1,
      version: entry.version + 1,
      updatedAt: now,
    })
    .where(eq(calendarEntries.id, entry.id));
  await tx
    .delete(calendarOccurrenceOverrides)
    .where(and(eq(calendarOccurrenceOverrides.entryId, entry.id), gte(calendarOccurrenceOverrides.recurrenceId, recurrenceId)));
  return { until: series.until, count: series.count !== null && before !== null ? series.count - before : null };
}

export async function changeOccurrence(work: Work, given: ChangeOccurrenceInput): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId, series, recurrenceId } = await editableOccurrence(tx, viewer.id, given);
  const [own] = await tx
    .select()
    .from(calendarOccurrenceOverrides)
    .where(and(eq(calendarOccurrenceOverrides.entryId, entry.id), eq(calendarOccurrenceOverrides.recurrenceId, recurrenceId)));
  // What the form left out stays as this occurrence shows it now.
  const input = {
    ...given,
    title: given.title ?? own?.title ?? entry.title,
    location: given.location === undefined ? (own?.location ?? entry.location) : given.location,
    description: given.description === undefined ? (own?.description ?? entry.description) : given.description,
  };
  const problems = new FieldProblems();
  const time = storedTime(input.time, viewer.timeZone, problems);
  if (input.time.allDay) problems.add("time", "calendar.errors.repeatAllDay");
  problems.throwIfAny();
  const start = time.startsAt!;
  const end = time.endsAt!;
  const firstOfSeries = recurrenceId.getTime() === series.start.getTime();

  if (input.scope === "all" || (input.scope === "following" && firstOfSeries)) {
    // The series' first time moves by as much as this occurrence did, and takes the new details.
    const shift = start.getTime() - recurrenceId.getTime();
    const newStart = new Date(series.start.getTime() + shift);
    const newEnd = new Date(newStart.getTime() + (end.getTime() - start.getTime()));
    if (entry.title !== input.title || entry.location !== input.location || entry.description !== input.description) {
      await tx
        .update(calendarEntries)
        .set({
          title: input.title,
          location: input.location,
          description: input.description,
          sequence: entry.sequence + 1,
          version: entry.version + 1,
          updatedAt: now,
        })
        .where(eq(calendarEntries.id, entry.id));
      await writeHistory(tx, entry.id, [{ kind: "changed", field: "details", newValue: input.title }], viewer.id, now);
    }
    if (shift !== 0 || newEnd.getTime() !== series.end.getTime()) {
      // Those invited hear of the new time (and the new details with it) in moveEntry's REQUEST.
      await moveEntryTo(work, entry.id, newStart, newEnd);
    } else {
      const told = await toldOfUpdate(tx, entry.id);
      await afterEntryChange(work, entry.id, ownerId, [...told.attendees, { kind: "changedForYou", recipientId: ownerId, change: "changed" }], {
        guests: told.guests,
      });
    }
    // Every occurrence's bookings follow: the new title as their purpose, other resources if chosen.
    await syncEntryBookings(work, { id: entry.id, title: input.title, allDay: false, startsAt: newStart, endsAt: newEnd }, given.resourceIds ?? null);
    return { id: entry.id, ownerId };
  }

  if (input.scope === "following") {
    const held = await seriesResourceIds(tx, entry.id);
    const rest = await endSeriesBefore(tx, entry, series, recurrenceId, now);
    // The first part keeps its bookings up to here; the new series books its own occurrences.
    await releaseOccurrenceBookings(work, entry.id, recurrenceId, true);
    const [made] = await tx
      .insert(calendarEntries)
      .values({
        calendarId: entry.calendarId,
        title: input.title,
        description: input.description,
        location: input.location,
        visibility: entry.visibility,
        clientId: entry.clientId,
        caseId: entry.caseId,
        allDay: false,
        startsAt: start,
        endsAt: end,
        recurrenceRule: series.rule,
        recurrenceZone: series.zone,
        recurrenceUntil: rest.until && rest.until < start ? start : rest.until,
        recurrenceCount: rest.count,
        seriesEndsAt: seriesEnd({ ...series, start, end, until: rest.until && rest.until < start ? start : rest.until, count: rest.count }),
        createdById: viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: calendarEntries.id });
    // Each part's history says where the other went.
    await writeHistory(
      tx,
      entry.id,
      [{ kind: "changed", field: "repeat", comment: `split:${made!.id}`, newValue: recurrenceId.toISOString() }],
      viewer.id,
      now,
    );
    await writeHistory(tx, made!.id, [{ kind: "created", comment: `split:${entry.id}` }], viewer.id, now);
    await syncEntryBookings(work, { id: made!.id, title: input.title, allDay: false, startsAt: start, endsAt: end }, given.resourceIds ?? held);
    // The new part is a new meeting in mail calendars (its own UID): everyone invited to the
    // series is invited to it afresh, and the old part's REQUEST now ends before it.
    const invited = await inviteToSplit(work, entry.id, made!.id);
    const told = await toldOfUpdate(tx, entry.id);
    await afterEntryChange(work, entry.id, ownerId, [...told.attendees, { kind: "changedForYou", recipientId: ownerId, change: "changed" }], {
      guests: told.guests,
    });
    await afterEntryChange(
      work,
      made!.id,
      ownerId,
      [
        ...invited.attendees.map((recipientId) => ({ kind: "invited" as const, recipientId })),
        { kind: "changedForYou", recipientId: ownerId, change: "created" },
      ],
      { guests: invited.guests.map((guest): GuestNotice => ({ kind: "invited", guest })) },
    );
    return { id: made!.id, ownerId };
  }

  // This occurrence only: an override holding what differs from the series.
  const moved = start.getTime() !== recurrenceId.getTime() || end.getTime() - start.getTime() !== series.end.getTime() - series.start.getTime();
  // The window query finds a series by its first start: an occurrence moved before it would drop out of every view.
  if (start < series.start) throw new Invalid("calendar.errors.occurrenceBeforeSeries");
  const before = (await occurrenceOfEntry(tx, entry, recurrenceId))!;
  const override = {
    cancelled: false,
    startsAt: moved ? start : null,
    endsAt: moved ? end : null,
    title: input.title !== entry.title ? input.title : null,
    location: input.location !== entry.location ? input.location : null,
    description: input.description !== entry.description ? input.description : null,
  };
  const changesSomething = override.startsAt || override.title !== null || override.location !== null || override.description !== null;
  if (!changesSomething) {
    await tx
      .delete(calendarOccurrenceOverrides)
      .where(and(eq(calendarOccurrenceOverrides.entryId, entry.id), eq(calendarOccurrenceOverrides.recurrenceId, recurrenceId)));
  } else {
    await tx
      .insert(calendarOccurrenceOverrides)
      .values({ entryId: entry.id, recurrenceId, ...override, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [calendarOccurrenceOverrides.entryId, calendarOccurrenceOverrides.recurrenceId],
        set: { ...override, sequence: sql`${calendarOccurrenceOverrides.sequence} + 1`, updatedAt: now },
      });
  }
  // A later move keeps the series findable by windows that reach past its last rule occurrence.
  const endsAt = entry.seriesEndsAt && end > entry.seriesEndsAt ? end : entry.seriesEndsAt;
  await tx
    .update(calendarEntries)
    .set({ seriesEndsAt: endsAt, version: entry.version + 1, updatedAt: now })
    .where(eq(calendarEntries.id, entry.id));
  await writeHistory(
    tx,
    entry.id,
    [{ kind: "changed", field: "occurrence", oldValue: recurrenceId.toISOString(), newValue: `${start.toISOString()}/${end.toISOString()}` }],
    viewer.id,
    now,
  );
  // Only this occurrence's bookings move (or change resource); a conflict refuses the change.
  await syncOccurrenceBookings(work, { id: entry.id, title: input.title }, recurrenceId, { start, end }, given.resourceIds ?? null);
  const after = (await occurrenceOfEntry(tx, { ...entry, seriesEndsAt: endsAt }, recurrenceId))!;
  // A new time asks everyone again for this occurrence; new details alone keep their answers.
  const timeChanged = after.start.getTime() !== before.start.getTime() || after.end.getTime() !== before.end.getTime();
  const detailsChanged = after.title !== before.title || after.location !== before.location || after.sequence !== before.sequence;
  if (timeChanged) await resetOccurrenceAnswers(tx, entry.id, recurrenceId);
  const told = timeChanged ? await toldOfNewTime(tx, entry.id, before) : detailsChanged ? await toldOfUpdate(tx, entry.id) : { attendees: [], guests: [] };
  await afterEntryChange(work, entry.id, ownerId, [...told.attendees, { kind: "changedForYou", recipientId: ownerId, change: moved ? "moved" : "changed" }], {
    guests: told.guests,
    occurrence: after,
  });
  return { id: entry.id, ownerId };
}

async function moveEntryTo(work: Work, id: string, start: Date, end: Date) {
  const zone = work.viewer.timeZone;
  await moveEntry(work, { id, time: { allDay: false, start: instantToWallClock(start, zone), end: instantToWallClock(end, zone) } });
}

export async function deleteOccurrence(work: Work, input: DeleteOccurrenceInput): Promise<{ id: string; ownerId: string }> {
  const { tx, viewer, now } = work;
  const { entry, ownerId, series, recurrenceId } = await editableOccurrence(tx, viewer.id, input);
  const firstOfSeries = recurrenceId.getTime() === series.start.getTime();
  if (input.scope === "all" || (input.scope === "following" && firstOfSeries)) return cancelEntry(work, { id: entry.id });
  let occurrence: SeriesOccurrence | undefined;
  let told: Told;
  if (input.scope === "following") {
    await endSeriesBefore(tx, entry, series, recurrenceId, now);
    await releaseOccurrenceBookings(work, entry.id, recurrenceId, true);
    await writeHistory(tx, entry.id, [{ kind: "changed", field: "repeat", comment: "ended", newValue: recurrenceId.toISOString() }], viewer.id, now);
    told = await toldOfUpdate(tx, entry.id);
  } else {
    await tx
      .insert(calendarOccurrenceOverrides)
      .values({ entryId: entry.id, recurrenceId, cancelled: true, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [calendarOccurrenceOverrides.entryId, calendarOccurrenceOverrides.recurrenceId],
        set: { cancelled: true, sequence: sql`${calendarOccurrenceOverrides.sequence} + 1`, updatedAt: now },
      });
    await tx
      .update(calendarEntries)
      .set({ version: entry.version + 1, updatedAt: now })
      .where(eq(calendarEntries.id, entry.id));
    await writeHistory(tx, entry.id, [{ kind: "cancelled", field: "occurrence", oldValue: recurrenceId.toISOString() }], viewer.id, now);
    await releaseOccurrenceBookings(work, entry.id, recurrenceId, false);
    // A CANCEL with its RECURRENCE-ID, for the occurrence as it was (moved or not).
    occurrence = (await occurrenceOfEntry(tx, entry, recurrenceId)) ?? undefined;
    told = await toldOfCancel(tx, entry.id);
  }
  await afterEntryChange(work, entry.id, ownerId, [...told.attendees, { kind: "changedForYou", recipientId: ownerId, change: "cancelled" }], {
    guests: told.guests,
    ...(occurrence ? { occurrence } : {}),
  });
  return { id: entry.id, ownerId };
}

/** Who hears of a change to a series or one of its occurrences: its attendees and its guests. */
interface Told {
  attendees: EntryNotice[];
  guests: GuestNotice[];
}

/** A change of place or content (or of the series' end): an updated REQUEST; answers stand. */
async function toldOfUpdate(tx: Tx, entryId: string): Promise<Told> {
  const [attendees, guests] = await Promise.all([attendeesOf(tx, entryId), guestsOf(tx, entryId)]);
  return {
    attendees: attendees.map((a) => ({ kind: "updated" as const, recipientId: a.userId })),
    guests: guests.map((guest): GuestNotice => ({ kind: "updated", guest })),
  };
}

/** One occurrence at a new time: a REQUEST for it that asks again. */
async function toldOfNewTime(tx: Tx, entryId: string, before: SeriesOccurrence): Promise<Told> {
  const previous = entryTimeOf({ allDay: false, startsAt: before.start, endsAt: before.end, startDate: null, endDate: null });
  const [attendees, guests] = await Promise.all([attendeesOf(tx, entryId), guestsOf(tx, entryId)]);
  return {
    attendees: attendees.map((a) => ({ kind: "rescheduled" as const, recipientId: a.userId, previous })),
    guests: guests.map((guest): GuestNotice => ({ kind: "rescheduled", guest, previous })),
  };
}

/** One occurrence cancelled: a CANCEL for it, to everyone invited (those who declined too). */
async function toldOfCancel(tx: Tx, entryId: string): Promise<Told> {
  const [attendees, guests] = await Promise.all([attendeesOf(tx, entryId), guestsOf(tx, entryId)]);
  return {
    attendees: attendees.map((a) => ({ kind: "cancelled" as const, recipientId: a.userId })),
    guests: guests.map((guest): GuestNotice => ({ kind: "cancelled", guest })),
  };
}

/** The second part of a split series takes the first's attendees, guests and reminders; all asked afresh. */
async function inviteToSplit(work: Work, fromId: string, toId: string) {
  const { tx, now } = work;
  const [attendees, guests, reminders, [made]] = await Promise.all([
    attendeesOf(tx, fromId),
    guestsOf(tx, fromId),
    remindersOfEntry(tx, fromId),
    tx.select({ startsAt: calendarEntries.startsAt }).from(calendarEntries).where(eq(calendarEntries.id, toId)),
  ]);
  if (attendees.length)
    await tx.insert(calendarEntryAttendees).values(attendees.map((a) => ({ entryId: toId, userId: a.userId, startsAt: made?.startsAt ?? null })));
  const added = await addGuests(
    tx,
    toId,
    guests.map((g) => ({ email: g.email, name: g.name, contactId: null, locale: g.locale, timeZone: g.timeZone })),
    now,
  );
  if (reminders.length) await replaceEntryReminders(tx, toId, reminders);
  return { attendees: attendees.map((a) => a.userId), guests: added };
}
