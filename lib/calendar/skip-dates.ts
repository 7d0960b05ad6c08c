import { eq, sql } from "drizzle-orm";
import { calendarEntries, calendarOccurrenceOverrides } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { writeHistory } from "./commands";
import { isOccurrenceStart } from "./recurrence";
import { seriesOfEntry } from "./series-rows";

/**
 * Dates of a series the person chose to leave out when saving it (the dates its rooms are taken
 * on): each becomes a deleted occurrence (an EXDATE), in the same transaction as the save, before
 * the bookings are made. A date the series does not have refuses the whole save.
 */
export async function skipOccurrences(work: Work, entryId: string, dates: readonly string[]): Promise<void> {
  if (!dates.length) return;
  const { tx, viewer, now } = work;
  const [entry] = await tx.select().from(calendarEntries).where(eq(calendarEntries.id, entryId));
  const refuse = () => new Invalid("calendar.errors.occurrenceNotFound", { skipDates: ["calendar.errors.occurrenceNotFound"] });
  const series = entry ? seriesOfEntry(entry) : null;
  if (!series) throw refuse();
  const instants = [...new Set(dates)].map((d) => new Date(d)).sort((a, b) => a.getTime() - b.getTime());
  if (instants.some((d) => Number.isNaN(d.getTime()) || !isOccurrenceStart(series, d))) throw refuse();
  await tx
    .insert(calendarOccurrenceOverrides)
    .values(instants.map((recurrenceId) => ({ entryId, recurrenceId, cancelled: true, createdAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: [calendarOccurrenceOverrides.entryId, calendarOccurrenceOverrides.recurrenceId],
      set: { cancelled: true, sequence: sql`${calendarOccurrenceOverrides.sequence} + 1`, updatedAt: now },
    });
  await writeHistory(
    tx,
    entryId,
    instants.map((d) => ({ kind: "cancelled" as const, field: "occurrence", oldValue: d.toISOString() })),
    viewer.id,
    now,
  );
}
