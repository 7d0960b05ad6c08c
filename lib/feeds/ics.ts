import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalEventBusyStatus,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalAlarmData,
  type ICalCalendar,
  type ICalEventData,
} from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { entryUid } from "@/lib/calendar/invitation-ics";
import type { AttendeeResponse } from "@/lib/calendar/types";
import type { FeedEntry } from "./entries";
import type { FeedBooking, FeedTask } from "./extras";
import { zonedInstant } from "./zoned-time";

/** How often a client should come back: a hint; Google ignores it and polls every 8 to 24 hours. */
export const REFRESH_SECONDS = 3600;

const TEXTS = {
  pl: { busy: "Zajęty", task: "Zadanie", bookedBy: "Rezerwuje", open: "Otwórz w Batonie" },
  en: { busy: "Busy", task: "Task", bookedBy: "Booked by", open: "Open in Baton" },
} as const;

export interface FeedDocument {
  name: string;
  timeZone: string;
  locale: "pl" | "en";
  appUrl: string;
  entries: FeedEntry[];
  tasks: FeedTask[];
  bookings: FeedBooking[];
  /** A resource feed's resource, named in its events' LOCATION. */
  resourceName?: string;
}

const PARTSTAT: Record<AttendeeResponse, ICalAttendeeStatus> = {
  needs_action: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
};

/**
 * A task goes out as a short timed block starting at its due moment: Exchange (Outlook) refuses
 * a VEVENT with neither DTEND nor DURATION, and a zero-length event is hard to see or click in
 * Google's and Outlook's grids. It is transparent, so it does not show the person as busy.
 * (Tasks have no date-only due: the form takes a date and a time; see the feeds' notes.)
 */
export const TASK_BLOCK_MINUTES = 15;

const EPOCH_2020 = Date.UTC(2020, 0, 1);
/** A SEQUENCE for rows that keep none (tasks, bookings): seconds of their last change, so it only grows. */
function sequenceOfStamp(updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - EPOCH_2020) / 1000));
}

/**
 * The zone's VTIMEZONE (and the X-WR-TIMEZONE hint) put in before the first event. Given to
 * ical-generator as the calendar's zone instead, it would write every DTSTAMP as a wall-clock time
 * without Z (STACK-NOTES); without it, DTSTAMP is UTC with Z and each event names its own TZID.
 */
function withTimezone(text: string, zone: string | null, vtimezone: string | null): string {
  if (!zone || !vtimezone) return text;
  const block = `${vtimezone.replace(/\r?\n/g, "\r\n").replace(/(\r\n)+$/, "")}\r\nX-WR-TIMEZONE:${zone}\r\n`;
  const at = text.indexOf("BEGIN:VEVENT\r\n");
  const where = at >= 0 ? at : text.lastIndexOf("END:VCALENDAR");
  return `${text.slice(0, where)}${block}${text.slice(where)}`;
}

/**
 * The feed's iCalendar text, written in the creator's zone with its VTIMEZONE (a zone the
 * generator does not know goes out in UTC: the instants stay right). Times are Temporal-shaped
 * values (zoned-time.ts), never plain Dates, which ical-generator would write in the process zone
 * (STACK-NOTES); the CRLF it leaves off after END:VCALENDAR is mended here.
 * Escaping and folding at 75 octets are ical-generator's.
 */
export function feedCalendar(doc: FeedDocument): string {
  const { calendar, zone, vtimezone } = feedIcal(doc);
  const text = withTimezone(calendar.toString(), zone === "UTC" ? null : zone, vtimezone);
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/** The feed as ical-generator's calendar, before it is written out (the bench times the writing alone). */
export function feedIcal(doc: FeedDocument): { calendar: ICalCalendar; zone: string; vtimezone: string | null } {
  const texts = TEXTS[doc.locale];
  const vtimezone = getVtimezoneComponent(doc.timeZone);
  // The VTIMEZONE's own TZID (a zone's canonical name, "Europe/Kyiv" for "Europe/Kiev"): every TZID must match one.
  const zone = (vtimezone && /^TZID:(.+?)\r?$/m.exec(vtimezone)?.[1]) || "UTC";
  const cal = ical({ prodId: "//Baton//Feeds//EN", name: doc.name, ttl: REFRESH_SECONDS });
  const at = (instant: Date | string) => zonedInstant(typeof instant === "string" ? Date.parse(instant) : instant.getTime(), zone);
  const timed = (start: Date | string, end: Date | string | null): Partial<ICalEventData> => ({
    start: at(start),
    ...(end ? { end: at(end) } : {}),
    timezone: zone,
  });
  const base = doc.appUrl.replace(/\/+$/, "");
  const link = (path: string) => `${base}${path}`;
  const add = (data: ICalEventData, stamp: Date) => {
    cal.createEvent({ ...data, stamp });
  };

  for (const e of doc.entries) {
    const when: Partial<ICalEventData> = e.allDay
      ? { allDay: true, start: Temporal.PlainDate.from(e.startDate), end: Temporal.PlainDate.from(e.endDate) }
      : timed(e.start, e.end);
    if (e.masked) {
      add(
        {
          ...when,
          id: entryUid(e.id),
          sequence: e.sequence,
          summary: texts.busy,
          class: ICalEventClass.PRIVATE,
          busystatus: ICalEventBusyStatus.BUSY,
          // Its time and, once cancelled, that it is gone: what a client needs to drop it, nothing more.
          ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
        } as ICalEventData,
        e.updatedAt,
      );
      continue;
    }
    const url = link(`/calendar/entries/${e.id}`);
    const alarms: ICalAlarmData[] = e.alarms.map((a) => ({
      triggerBefore: "offsetMinutes" in a ? a.offsetMinutes * 60 : Math.round((startInstant(e, zone) - a.at.getTime()) / 1000),
      description: e.title ?? texts.busy,
    }));
    add(
      {
        ...when,
        id: entryUid(e.id),
        sequence: e.sequence,
        summary: e.title ?? "",
        location: e.location,
        description: e.description ? `${e.description}\n\n${texts.open}: ${url}` : `${texts.open}: ${url}`,
        url,
        class: e.visibility === "private" ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
        status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        organizer: e.organizer,
        attendees: e.attendees.map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: PARTSTAT[a.response] })),
        alarms,
      } as ICalEventData,
      e.updatedAt,
    );
  }

  for (const t of doc.tasks) {
    const url = link(`/tasks/${t.id}`);
    add(
      {
        ...timed(t.dueAt, new Date(t.dueAt.getTime() + TASK_BLOCK_MINUTES * 60_000)),
        id: `task-${t.id}@baton`,
        sequence: sequenceOfStamp(t.updatedAt),
        summary: `${t.done ? "✓ " : ""}${texts.task} #${t.number}: ${t.title}`,
        description: `${texts.open}: ${url}`,
        url,
        categories: [{ name: texts.task }],
        transparency: ICalEventTransparency.TRANSPARENT,
        status: ICalEventStatus.CONFIRMED,
        x: { "X-BATON-KIND": "task" },
      } as ICalEventData,
      t.updatedAt,
    );
  }

  for (const b of doc.bookings) {
    const base = { ...timed(b.start, b.end), id: `booking-${b.id}@baton`, sequence: sequenceOfStamp(b.updatedAt), location: doc.resourceName ?? null };
    if (b.busy) {
      add({ ...base, summary: texts.busy, class: ICalEventClass.PRIVATE } as ICalEventData, b.updatedAt);
      continue;
    }
    const url = b.entryId ? link(`/calendar/entries/${b.entryId}`) : null;
    add(
      {
        ...base,
        summary: b.purpose ?? texts.busy,
        description: [`${texts.bookedBy}: ${b.bookedBy ?? ""}`, url ? `${texts.open}: ${url}` : null].filter(Boolean).join("\n"),
        url,
        class: ICalEventClass.PUBLIC,
        status: ICalEventStatus.CONFIRMED,
      } as ICalEventData,
      b.updatedAt,
    );
  }

  return { calendar: cal, zone, vtimezone: vtimezone ?? null };
}

/** An entry's start as epoch milliseconds; an all-day entry starts at midnight in the feed's zone. */
function startInstant(e: FeedEntry, zone: string): number {
  if (!e.allDay) return Date.parse(e.start);
  return Temporal.PlainDate.from(e.startDate).toZonedDateTime(zone).epochMilliseconds;
}
