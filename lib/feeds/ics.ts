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
import type { FeedEntry, FeedOccurrence, FeedSeries } from "./entries";
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

interface Vtimezone {
  /** The TZID the block names, which may be the zone's current name ("Asia/Kolkata" for "Asia/Calcutta"). */
  tzid: string;
  text: string;
}

const vtimezones = new Map<string, Vtimezone | null>();

/** A zone's VTIMEZONE (CRLF lines, no final CRLF) as the generator writes it, or null for UTC or a zone it does not know. */
function vtimezoneOf(zone: string): Vtimezone | null {
  let found = vtimezones.get(zone);
  if (found === undefined) {
    const text = getVtimezoneComponent(zone);
    const tzid = text ? /^TZID:(.+?)\r?$/m.exec(text)?.[1] : undefined;
    found = text && tzid && tzid !== "UTC" ? { tzid, text: text.replace(/\r?\n/g, "\r\n").replace(/(\r\n)+$/, "") } : null;
    vtimezones.set(zone, found);
  }
  return found;
}

/**
 * The VTIMEZONE blocks that go in before the first event: the creator's zone's (with the
 * X-WR-TIMEZONE hint), then one for each other zone a series is written in, each TZID once.
 */
function timezoneBlock(zone: string, others: readonly string[] = []): string {
  const blocks = new Map<string, string>();
  const own = vtimezoneOf(zone);
  if (own) blocks.set(own.tzid, own.text);
  for (const other of others) {
    const v = vtimezoneOf(other);
    if (v && !blocks.has(v.tzid)) blocks.set(v.tzid, v.text);
  }
  if (!blocks.size) return "";
  return `${[...blocks.values()].join("\r\n")}\r\n${own ? `X-WR-TIMEZONE:${own.tzid}\r\n` : ""}`;
}

/** An instant as an iCalendar UTC DATE-TIME (20270301T080000Z). */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
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
    const own = vtimezoneOf(timeZone);
    this.vtimezone = own?.text ?? null;
    this.zone = own?.tzid ?? "UTC";
    this.texts = TEXTS[locale];
    this.base = appUrl.replace(/\/+$/, "");
  }

  /**
   * The calendar's text around its events: ical-generator's header, the VTIMEZONEs (the creator's
   * zone and `seriesZones`, those series are written in), and the end (with its CRLF, which the library leaves off).
   */
  frame(name: string, seriesZones: readonly string[] = []): { head: string; foot: string } {
    const empty = ical({ prodId: "//Baton//Feeds//EN", name, ttl: REFRESH_SECONDS }).toString();
    const at = empty.lastIndexOf("END:VCALENDAR");
    return { head: `${empty.slice(0, at)}${timezoneBlock(this.timeZone, seriesZones)}`, foot: `${empty.slice(at)}\r\n` };
  }

  /** One event's text, folded at 75 octets and escaped by ical-generator, as its calendar would write it. */
  eventText(data: ICalEventData): string {
    return foldLines(new ICalEvent(data, this.scratch).toString());
  }

  /** An entry's text: one VEVENT, or a series' VEVENT with its RRULE and one per changed occurrence (same UID, RECURRENCE-ID). */
  entryText(e: FeedEntry): string {
    return this.entryEvents(e)
      .map((data) => this.eventText(data))
      .join("");
  }

  /** The events an entry goes out as: itself, and for a series one more per changed occurrence. */
  entryEvents(e: FeedEntry): ICalEventData[] {
    const main = this.entryData(e);
    if (!e.series) return [main];
    return [main, ...e.series.changed.map((o) => this.entryData(e, o))];
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

  /**
   * A series' time: DTSTART and DTEND of its first occurrence in the series' own zone (TZID, its
   * VTIMEZONE in the frame) so a client repeats its local time across clock changes as Baton
   * does, the RRULE with UNTIL (UTC, as RFC 5545 asks beside a TZID) or COUNT as stored, and an
   * EXDATE of each deleted occurrence. A changed occurrence: its own time, RECURRENCE-ID the
   * start the rule gives it, in the same zone. A zone the generator does not know goes out in UTC.
   */
  private seriesWhen(e: FeedEntry & { allDay: false }, series: FeedSeries, occurrence?: FeedOccurrence): Partial<ICalEventData> {
    const zone = vtimezoneOf(series.zone)?.tzid ?? "UTC";
    const at = (instant: Date) => zonedInstant(instant.getTime(), zone);
    if (occurrence) return { start: at(occurrence.start), end: at(occurrence.end), timezone: zone, recurrenceId: at(occurrence.recurrenceId) };
    const end = series.count !== null ? `;COUNT=${series.count}` : series.until ? `;UNTIL=${utcStamp(series.until)}` : "";
    const lines = [`RRULE:${series.rule}${end}`];
    if (series.deleted.length) {
      const local = (d: Date) => at(d).toString().slice(0, 19).replace(/[-:]/g, "");
      lines.push(zone === "UTC" ? `EXDATE:${series.deleted.map(utcStamp).join(",")}` : `EXDATE;TZID=${zone}:${series.deleted.map(local).join(",")}`);
    }
    return { start: at(new Date(e.start)), end: at(new Date(e.end)), timezone: zone, repeating: lines.join("\n") };
  }

  /** An entry's VEVENT, or with `occurrence` that occurrence's of its series. */
  entryData(e: FeedEntry, occurrence?: FeedOccurrence): ICalEventData {
    const texts = this.texts;
    const when: Partial<ICalEventData> = e.allDay
      ? { allDay: true, start: Temporal.PlainDate.from(e.startDate), end: Temporal.PlainDate.from(e.endDate) }
      : e.series
        ? this.seriesWhen(e, e.series, occurrence)
        : this.timed(e.start, e.end);
    const sequence = e.sequence + (occurrence?.sequence ?? 0);
    if (e.masked) {
      return {
        ...when,
        id: entryUid(e.id),
        sequence,
        stamp: e.updatedAt,
        summary: texts.busy,
        class: ICalEventClass.PRIVATE,
        busystatus: ICalEventBusyStatus.BUSY,
        // Its time and, once cancelled, that it is gone: what a client needs to drop it, nothing more.
        ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      } as ICalEventData;
    }
    const url = this.link(`/calendar/entries/${e.id}`);
    const title = occurrence?.title ?? e.title;
    const description = occurrence?.description ?? e.description;
    // A series' VALARM is relative to each occurrence: a reminder at a fixed instant belongs to one occurrence, not to all.
    const alarms: ICalAlarmData[] = e.alarms
      .filter((a) => !e.series || "offsetMinutes" in a)
      .map((a) => ({
        triggerBefore: "offsetMinutes" in a ? a.offsetMinutes * 60 : Math.round((startInstant(e, this.zone) - a.at.getTime()) / 1000),
        description: title ?? texts.busy,
      }));
    return {
      ...when,
      id: entryUid(e.id),
      sequence,
      stamp: e.updatedAt,
      summary: title ?? "",
      location: occurrence?.location ?? e.location,
      description: description ? `${description}\n\n${texts.open}: ${url}` : `${texts.open}: ${url}`,
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
  const { head, foot } = w.frame(doc.name, seriesZonesOf(doc.entries));
  const parts = [head];
  for (const e of doc.entries) parts.push(w.entryText(e));
  for (const t of doc.tasks) parts.push(w.eventText(w.taskData(t)));
  for (const b of doc.bookings) parts.push(w.eventText(w.bookingData(b)));
  parts.push(foot);
  return parts.join("");
}

/** The feed as one ical-generator calendar, written by the library in one go (the bench's floor, and the tests' reference). */
export function feedIcal(doc: FeedDocument): { calendar: ICalCalendar; zone: string; vtimezone: string | null } {
  // (The series' zones' VTIMEZONEs are put in by feedIcalText, as the zone's own is.)
  const w = new FeedWriter(doc.timeZone, doc.locale, doc.appUrl, doc.resourceName);
  const cal = ical({ prodId: "//Baton//Feeds//EN", name: doc.name, ttl: REFRESH_SECONDS });
  for (const e of doc.entries) for (const data of w.entryEvents(e)) cal.createEvent(data);
  for (const t of doc.tasks) cal.createEvent(w.taskData(t));
  for (const b of doc.bookings) cal.createEvent(w.bookingData(b));
  return { calendar: cal, zone: w.zone, vtimezone: w.vtimezone };
}

/** ical-generator's whole-calendar text with the VTIMEZONE put in and the final CRLF: what feedCalendar must equal. */
export function feedIcalText(doc: FeedDocument): string {
  const text = feedIcal(doc).calendar.toString();
  const block = timezoneBlock(doc.timeZone, seriesZonesOf(doc.entries));
  const at = text.indexOf("BEGIN:VEVENT\r\n");
  const where = at >= 0 ? at : text.lastIndexOf("END:VCALENDAR");
  return `${text.slice(0, where)}${block}${text.slice(where)}\r\n`;
}

/** The zones the entries' series are written in. */
export function seriesZonesOf(entries: readonly { series: FeedSeries | null }[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.series ? [e.series.zone] : [])))];
}

/** An entry's start as epoch milliseconds; an all-day entry starts at midnight in the feed's zone. */
function startInstant(e: FeedEntry, zone: string): number {
  if (!e.allDay) return Date.parse(e.start);
  return Temporal.PlainDate.from(e.startDate).toZonedDateTime(zone).epochMilliseconds;
}
