import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  foldLines,
  ICalAttendeeRole,
  ICalEvent,
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

/** The VTIMEZONE block (and the X-WR-TIMEZONE hint) that goes in before the first event. */
function timezoneBlock(zone: string, vtimezone: string | null): string {
  if (zone === "UTC" || !vtimezone) return "";
  return `${vtimezone.replace(/\r?\n/g, "\r\n").replace(/(\r\n)+$/, "")}\r\nX-WR-TIMEZONE:${zone}\r\n`;
}

/**
 * What every event of one feed is written with: the creator's zone (its VTIMEZONE's own TZID, "Europe/Kyiv"
 * for "Europe/Kiev": every TZID must match one; a zone the generator does not know goes out in UTC, the
 * instants stay right), language and app address. Times are Temporal-shaped values (zoned-time.ts), never
 * plain Dates, which ical-generator would write in the process zone (STACK-NOTES).
 */
export class FeedWriter {
  readonly zone: string;
  readonly vtimezone: string | null;
  private readonly texts: (typeof TEXTS)[keyof typeof TEXTS];
  private readonly base: string;
  /** ical-generator's events need a calendar; this one never holds any. */
  private readonly scratch = ical();

  constructor(
    readonly timeZone: string,
    readonly locale: "pl" | "en",
    readonly appUrl: string,
    readonly resourceName?: string,
  ) {
    this.vtimezone = getVtimezoneComponent(timeZone) ?? null;
    this.zone = (this.vtimezone && /^TZID:(.+?)\r?$/m.exec(this.vtimezone)?.[1]) || "UTC";
    this.texts = TEXTS[locale];
    this.base = appUrl.replace(/\/+$/, "");
  }

  /** The calendar's text around its events: ical-generator's header, the VTIMEZONE, and the end (with its CRLF, which the library leaves off). */
  frame(name: string): { head: string; foot: string } {
    const empty = ical({ prodId: "//Baton//Feeds//EN", name, ttl: REFRESH_SECONDS }).toString();
    const at = empty.lastIndexOf("END:VCALENDAR");
    return { head: `${empty.slice(0, at)}${timezoneBlock(this.zone, this.vtimezone)}`, foot: `${empty.slice(at)}\r\n` };
  }

  /** One event's text, folded at 75 octets and escaped by ical-generator, as its calendar would write it. */
  eventText(data: ICalEventData): string {
    return foldLines(new ICalEvent(data, this.scratch).toString());
  }

  private at(instant: Date | string) {
    return zonedInstant(typeof instant === "string" ? Date.parse(instant) : instant.getTime(), this.zone);
  }

  private timed(start: Date | string, end: Date | string): Partial<ICalEventData> {
    return { start: this.at(start), end: this.at(end), timezone: this.zone };
  }

  private link(path: string): string {
    return `${this.base}${path}`;
  }

  entryData(e: FeedEntry): ICalEventData {
    const texts = this.texts;
    const when: Partial<ICalEventData> = e.allDay
      ? { allDay: true, start: Temporal.PlainDate.from(e.startDate), end: Temporal.PlainDate.from(e.endDate) }
      : this.timed(e.start, e.end);
    if (e.masked) {
      return {
        ...when,
        id: entryUid(e.id),
        sequence: e.sequence,
        stamp: e.updatedAt,
        summary: texts.busy,
        class: ICalEventClass.PRIVATE,
        busystatus: ICalEventBusyStatus.BUSY,
        // Its time and, once cancelled, that it is gone: what a client needs to drop it, nothing more.
        ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      } as ICalEventData;
    }
    const url = this.link(`/calendar/entries/${e.id}`);
    const alarms: ICalAlarmData[] = e.alarms.map((a) => ({
      triggerBefore: "offsetMinutes" in a ? a.offsetMinutes * 60 : Math.round((startInstant(e, this.zone) - a.at.getTime()) / 1000),
      description: e.title ?? texts.busy,
    }));
    return {
      ...when,
      id: entryUid(e.id),
      sequence: e.sequence,
      stamp: e.updatedAt,
      summary: e.title ?? "",
      location: e.location,
      description: e.description ? `${e.description}\n\n${texts.open}: ${url}` : `${texts.open}: ${url}`,
      url,
      class: e.visibility === "private" ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: e.organizer,
      attendees: e.attendees.map((a) => ({ name: a.name, email: a.email, role: ICalAttendeeRole.REQ, status: PARTSTAT[a.response] })),
      alarms,
    } as ICalEventData;
  }

  taskData(t: FeedTask): ICalEventData {
    const url = this.link(`/tasks/${t.id}`);
    return {
      ...this.timed(t.dueAt, new Date(t.dueAt.getTime() + TASK_BLOCK_MINUTES * 60_000)),
      id: `task-${t.id}@baton`,
      sequence: sequenceOfStamp(t.updatedAt),
      stamp: t.updatedAt,
      summary: `${t.done ? "✓ " : ""}${this.texts.task} #${t.number}: ${t.title}`,
      description: `${this.texts.open}: ${url}`,
      url,
      categories: [{ name: this.texts.task }],
      transparency: ICalEventTransparency.TRANSPARENT,
      status: ICalEventStatus.CONFIRMED,
      x: { "X-BATON-KIND": "task" },
    } as ICalEventData;
  }

  bookingData(b: FeedBooking): ICalEventData {
    const base = {
      ...this.timed(b.start, b.end),
      id: `booking-${b.id}@baton`,
      sequence: sequenceOfStamp(b.updatedAt),
      stamp: b.updatedAt,
      location: this.resourceName ?? null,
    };
    if (b.busy) return { ...base, summary: this.texts.busy, class: ICalEventClass.PRIVATE } as ICalEventData;
    const url = b.entryId ? this.link(`/calendar/entries/${b.entryId}`) : null;
    return {
      ...base,
      summary: b.purpose ?? this.texts.busy,
      description: [`${this.texts.bookedBy}: ${b.bookedBy ?? ""}`, url ? `${this.texts.open}: ${url}` : null].filter(Boolean).join("\n"),
      url,
      class: ICalEventClass.PUBLIC,
      status: ICalEventStatus.CONFIRMED,
    } as ICalEventData;
  }
}

/**
 * The feed's iCalendar text: the frame, then each event written on its own (ical-generator's
 * escaping and folding, line by line, exactly as its calendar writes them), every line ending in CRLF.
 */
export function feedCalendar(doc: FeedDocument): string {
  const w = new FeedWriter(doc.timeZone, doc.locale, doc.appUrl, doc.resourceName);
  const { head, foot } = w.frame(doc.name);
  const parts = [head];
  for (const e of doc.entries) parts.push(w.eventText(w.entryData(e)));
  for (const t of doc.tasks) parts.push(w.eventText(w.taskData(t)));
  for (const b of doc.bookings) parts.push(w.eventText(w.bookingData(b)));
  parts.push(foot);
  return parts.join("");
}

/** The feed as one ical-generator calendar, written by the library in one go (the bench's floor, and the tests' reference). */
export function feedIcal(doc: FeedDocument): { calendar: ICalCalendar; zone: string; vtimezone: string | null } {
  const w = new FeedWriter(doc.timeZone, doc.locale, doc.appUrl, doc.resourceName);
  const cal = ical({ prodId: "//Baton//Feeds//EN", name: doc.name, ttl: REFRESH_SECONDS });
  for (const e of doc.entries) cal.createEvent(w.entryData(e));
  for (const t of doc.tasks) cal.createEvent(w.taskData(t));
  for (const b of doc.bookings) cal.createEvent(w.bookingData(b));
  return { calendar: cal, zone: w.zone, vtimezone: w.vtimezone };
}

/** ical-generator's whole-calendar text with the VTIMEZONE put in and the final CRLF: what feedCalendar must equal. */
export function feedIcalText(doc: FeedDocument): string {
  const { calendar, zone, vtimezone } = feedIcal(doc);
  const text = calendar.toString();
  const block = timezoneBlock(zone, vtimezone);
  const at = text.indexOf("BEGIN:VEVENT\r\n");
  const where = at >= 0 ? at : text.lastIndexOf("END:VCALENDAR");
  return `${text.slice(0, where)}${block}${text.slice(where)}\r\n`;
}

/** An entry's start as epoch milliseconds; an all-day entry starts at midnight in the feed's zone. */
function startInstant(e: FeedEntry, zone: string): number {
  if (!e.allDay) return Date.parse(e.start);
  return Temporal.PlainDate.from(e.startDate).toZonedDateTime(zone).epochMilliseconds;
}
