import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { calendarEntries, calendarEntryAttendees, calendars, reminderDefaults, users } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { localDateOf } from "@/lib/time/zoned";
import { entryTimeOf } from "./entry-time";
import type { ReminderSpec } from "@/lib/reminders/moments";
import type { TimelineSource } from "@/lib/timelines/types";
import { remindersOfEntry } from "./reminders";
import { colleaguesOccurrenceAnswers } from "./occurrence-answers";
import { overridesOfEntry, seriesOfEntry } from "./series-rows";
import { expandSeries, type Occurrence, type OccurrenceOverride, type Series } from "./recurrence";
import { entryTimelineOf, type EntryRecipient } from "./timeline";
import type { Moment } from "@/lib/reminders/timeline";

const DAY = 86_400_000;
/**
 * How far ahead a series' reminders are written: its occurrences that begin within this many
 * days, and at least its next one however far away. Each reminder sent writes the timeline again
 * from then (`rolling`), so the horizon moves on with time.
 */
export const SERIES_REMINDER_HORIZON_DAYS = 35;
/** How far the next occurrence of a rare series (yearly, say) is looked for beyond the horizon. */
const NEXT_OCCURRENCE_REACH_DAYS = 3 * 366;

/**
 * The occurrences of a series whose reminders are written at `now`: those not over that begin
 * within the horizon (one under way keeps a reminder that a late pass still owes), and the next
 * one at least.
 */
export function occurrencesToRemind(series: Series, overrides: readonly OccurrenceOverride[], now: Date): Occurrence[] {
  const ahead = (to: number) => expandSeries(series, overrides, { from: now, to: new Date(now.getTime() + to * DAY) });
  const within = ahead(SERIES_REMINDER_HORIZON_DAYS);
  return within.length ? within : ahead(NEXT_OCCURRENCE_REACH_DAYS).slice(0, 1);
}

/**
 * Calendar entries in the timelines registry: their reminders go to the owner and every
 * attendee who has not declined (see `entryTimelineOf`), through the same moments table,
 * runs and reconcile as tasks.
 */
export const entryTimelineSource: TimelineSource = {
  async load(tx, id, { lock, now }) {
    const query = tx
      .select({ entry: calendarEntries, ownerId: calendars.userId })
      .from(calendarEntries)
      .innerJoin(calendars, eq(calendars.id, calendarEntries.calendarId))
      .where(eq(calendarEntries.id, id));
    const [row] = lock ? await query.for("update", { of: calendarEntries }) : await query;
    if (!row) return null;
    const { entry, ownerId } = row;
    const attendees = await tx
      .select({ userId: calendarEntryAttendees.userId, response: calendarEntryAttendees.response })
      .from(calendarEntryAttendees)
      .where(eq(calendarEntryAttendees.entryId, id));
    const ids = [ownerId, ...attendees.map((a) => a.userId)];
    const [ownReminders, people, defaults] = await Promise.all([
      remindersOfEntry(tx, id),
      tx.select({ id: users.id, locale: users.locale, timeZone: users.timeZone, active: users.active }).from(users).where(inArray(users.id, ids)),
      tx
        .select({ userId: reminderDefaults.userId, offsetMinutes: reminderDefaults.offsetMinutes, channel: reminderDefaults.channel })
        .from(reminderDefaults)
        .where(inArray(reminderDefaults.userId, ids))
        .orderBy(asc(reminderDefaults.offsetMinutes)),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const defaultsOf = (userId: string): ReminderSpec[] =>
      defaults.filter((d) => d.userId === userId).map((d) => ({ offsetMinutes: d.offsetMinutes, fireAt: null, channel: d.channel }));
    const recipients: EntryRecipient[] = [{ id: ownerId, response: null }, ...attendees.map((a) => ({ id: a.userId, response: a.response }))].flatMap((r) => {
      const person = byId.get(r.id);
      return person ? [{ ...r, timeZone: person.timeZone, defaults: defaultsOf(r.id) }] : [];
    });
    const series = seriesOfEntry(entry);
    // A series reminds of each occurrence in reach, everyone who has not declined that occurrence
    // (their answer to it, else their answer to the series); a single entry of itself.
    const occurrenceOf = new Map<string, Occurrence>();
    let moments: Moment[];
    if (series && !entry.cancelledAt) {
      const [overrides, answers] = await Promise.all([overridesOfEntry(tx, id), colleaguesOccurrenceAnswers(tx, id)]);
      moments = [];
      for (const occurrence of occurrencesToRemind(series, overrides, now)) {
        const own = answers.get(occurrence.recurrenceId.getTime());
        const answering = recipients.map((r) => (r.response === null ? r : { ...r, response: own?.get(r.id) ?? r.response }));
        const timeline = entryTimelineOf({ id, allDay: false, startsAt: occurrence.start, startDate: null, cancelled: false }, ownReminders, answering);
        for (const moment of timeline) {
          if (occurrenceOf.has(moment.key)) continue;
          occurrenceOf.set(moment.key, occurrence);
          moments.push(moment);
        }
      }
      moments.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
    } else {
      moments = entryTimelineOf(
        { id, allDay: entry.allDay, startsAt: entry.startsAt, startDate: entry.startDate, cancelled: entry.cancelledAt !== null },
        ownReminders,
        recipients,
      );
    }
    return {
      version: entry.version,
      updatedAt: entry.updatedAt,
      moments,
      ...(series ? { rolling: true } : {}),
      noticeOf(moment) {
        const person = byId.get(moment.recipientId);
        if (!person?.active) return null;
        const occurrence = occurrenceOf.get(moment.key);
        const title = occurrence?.override?.title ?? entry.title;
        const location = occurrence?.override ? (occurrence.override.location ?? entry.location) : entry.location;
        return notice(
          "calendar.reminder",
          {
            entryId: id,
            title,
            ...(location ? { location } : {}),
            time: occurrence
              ? entryTimeOf({ allDay: false, startsAt: occurrence.start, endsAt: occurrence.end, startDate: null, endDate: null })
              : entryTimeOf(entry),
            momentKey: moment.key,
            momentAt: moment.at.toISOString(),
            channel: moment.channel,
          },
          person,
        );
      },
    };
  },
  async idsAfter(db, afterId, limit, now) {
    // Only entries not yet begun: a reminder of a meeting under way, or past, is late for
    // everyone. An all-day entry counts as begun from its first day in UTC (in zones east of UTC
    // that day begins a few hours earlier, and a reminder counted from it may come those hours late).
    // A series goes on reminding until its last occurrence.
    const notBegun = or(
      and(eq(calendarEntries.allDay, false), gt(calendarEntries.startsAt, now)),
      and(eq(calendarEntries.allDay, true), gt(calendarEntries.startDate, localDateOf(now, "UTC"))),
      and(isNotNull(calendarEntries.recurrenceRule), or(isNull(calendarEntries.seriesEndsAt), gt(calendarEntries.seriesEndsAt, now))),
    );
    const rows = await db
      .select({ id: calendarEntries.id })
      .from(calendarEntries)
      .where(and(isNull(calendarEntries.cancelledAt), notBegun, afterId ? gt(calendarEntries.id, afterId) : undefined))
      .orderBy(asc(calendarEntries.id))
      .limit(limit);
    return rows.map((r) => r.id);
  },
};
