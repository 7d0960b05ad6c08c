import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { calendarEntries, calendarEntryAttendees, calendars, reminderDefaults, users } from "@/db/schema";
import { notice } from "@/lib/notify/notice";
import { localDateOf } from "@/lib/time/zoned";
import { entryTimeOf } from "./entry-time";
import type { ReminderSpec } from "@/lib/reminders/moments";
import type { TimelineSource } from "@/lib/timelines/types";
import { remindersOfEntry } from "./reminders";
import { entryTimelineOf, type EntryRecipient } from "./timeline";

/**
 * Calendar entries in the timelines registry: their reminders go to the owner and every
 * attendee who has not declined (see `entryTimelineOf`), through the same moments table,
 * runs and reconcile as tasks.
 */
export const entryTimelineSource: TimelineSource = {
  async load(tx, id, { lock }) {
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
    const [own, people, defaults] = await Promise.all([
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
    const moments = entryTimelineOf(
      { id, allDay: entry.allDay, startsAt: entry.startsAt, startDate: entry.startDate, cancelled: entry.cancelledAt !== null },
      own,
      recipients,
    );
    return {
      version: entry.version,
      updatedAt: entry.updatedAt,
      moments,
      noticeOf(moment) {
        const person = byId.get(moment.recipientId);
        if (!person?.active) return null;
        return notice(
          "calendar.reminder",
          {
            entryId: id,
            title: entry.title,
            ...(entry.location ? { location: entry.location } : {}),
            time: entryTimeOf(entry),
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
    const notBegun = or(
      and(eq(calendarEntries.allDay, false), gt(calendarEntries.startsAt, now)),
      and(eq(calendarEntries.allDay, true), gt(calendarEntries.startDate, localDateOf(now, "UTC"))),
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
