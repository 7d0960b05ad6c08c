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
import { cancelEntry, editableEntry, moveEntry, writeHistory } from "./commands";
import { storedTime } from "./entry-time";
import { expandSeries, isOccurrenceStart, seriesEnd, type Series } from "./recurrence";
import type { ChangeOccurrenceInput, DeleteOccurrenceInput } from "./schema";

type EntryRow = typeof calendarEntries.$inferSelect;
const MINUTE = 60_000;

/**
 * Changes and deletions that start from one occurrence of a series: that occurrence alone (an
 * override row), it and the following ones (the series is split in two at it, the first part
 * keeping its history, the second a new entry), or the whole series.
 */

function seriesOf(entry: EntryRow): Series {
  if (!entry.recurrenceRule || !entry.recurrenceZone || !entry.startsAt || !entry.endsAt) throw new NotFound("calendar.errors.occurrenceNotFound");
  return {
    start: entry.startsAt,
    end: entry.endsAt,
    rule: entry.recurrenceRule,
    zone: entry.recurrenceZone,
    until: entry.recurrenceUntil,
    count: entry.recurrenceCount,
  };
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
      await moveEntryTo(work, entry.id, newStart, newEnd);
    } else {
      await afterEntryChange(work, entry.id, ownerId, [{ kind: "changedForYou", recipientId: ownerId, change: "changed" }]);
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
    await afterEntryChange(work, entry.id, ownerId, [{ kind: "changedForYou", recipientId: ownerId, change: "changed" }]);
    await afterEntryChange(work, made!.id, ownerId, [{ kind: "changedForYou", recipientId: ownerId, change: "created" }]);
    return { id: made!.id, ownerId };
  }

  // This occurrence only: an override holding what differs from the series.
  const moved = start.getTime() !== recurrenceId.getTime() || end.getTime() - start.getTime() !== series.end.getTime() - series.start.getTime();
  // The window query finds a series by its first start: an occurrence moved before it would drop out of every view.
  if (start < series.start) throw new Invalid("calendar.errors.occurrenceBeforeSeries");
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
  await afterEntryChange(work, entry.id, ownerId, [{ kind: "changedForYou", recipientId: ownerId, change: moved ? "moved" : "changed" }]);
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
  if (input.scope === "following") {
    await endSeriesBefore(tx, entry, series, recurrenceId, now);
    await releaseOccurrenceBookings(work, entry.id, recurrenceId, true);
    await writeHistory(tx, entry.id, [{ kind: "changed", field: "repeat", comment: "ended", newValue: recurrenceId.toISOString() }], viewer.id, now);
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
  }
  await afterEntryChange(work, entry.id, ownerId, [{ kind: "changedForYou", recipientId: ownerId, change: "cancelled" }]);
  return { id: entry.id, ownerId };
}
