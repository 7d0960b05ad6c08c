import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventClass, ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import type { AttendeeResponse, EntryTime } from "./types";

/** One entry's UID in every invitation and update: mail clients match updates and answers by it. */
export function entryUid(entryId: string): string {
  return `${entryId}@baton`;
}

export interface InvitationAttendee {
  name: string;
  email: string;
  response: AttendeeResponse;
}

/** What one invitation e-mail's calendar part says. */
export interface InvitationCalendarInput {
  method: "REQUEST" | "CANCEL";
  entryId: string;
  /** The entry's SEQUENCE: raised on every change of time, place or content. */
  sequence: number;
  /** When this version of the invitation was made (DTSTAMP). */
  stamp: Date;
  time: EntryTime;
  /** The zone DTSTART and DTEND are written in, with its VTIMEZONE: the reader's. */
  timeZone: string;
  title: string;
  location?: string;
  /** The entry's page, for colleagues. */
  url?: string;
  organizer: { name: string; email: string };
  attendees: InvitationAttendee[];
  private: boolean;
  /**
   * A series: the whole of it (RRULE, EXDATE for its cancelled occurrences), or with
   * `recurrenceId` one of its occurrences alone. Times then go in the series' zone, whose wall
   * clock the rule repeats, whatever the reader's zone.
   */
  series?: InvitationSeries;
  /** One occurrence of `series` (its RECURRENCE-ID, an instant): `time` is that occurrence's. */
  recurrenceId?: string;
}

/** A series as an invitation states it. */
export interface InvitationSeries {
  /** The stored RRULE value, without UNTIL and COUNT. */
  rule: string;
  zone: string;
  until: string | null;
  count: number | null;
  /** The cancelled occurrences' RECURRENCE-IDs (instants). */
  exdates: string[];
}

const PARTSTAT: Record<AttendeeResponse, ICalAttendeeStatus> = {
  needs_action: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
};

/** "20260329T090000": an instant as the wall clock of `zone`, as DTSTART with a TZID is written. */
function localStamp(iso: string, zone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: "second" }).replace(/[-:]/g, "");
}

/**
 * The RRULE line (UNTIL in UTC, as RFC 5545 wants it beside a DTSTART with a zone) and the EXDATE
 * line of the cancelled occurrences, in the zone DTSTART is written in.
 */
function repetitionLines(series: InvitationSeries, zone: string): string {
  const end = series.count !== null ? `;COUNT=${series.count}` : series.until ? `;UNTIL=${utcStamp(new Date(series.until))}` : "";
  const lines = [`RRULE:${series.rule}${end}`];
  if (series.exdates.length) {
    const dates = [...series.exdates].sort().map((d) => (zone === "UTC" ? utcStamp(new Date(d)) : localStamp(d, zone)));
    lines.push(zone === "UTC" ? `EXDATE:${dates.join(",")}` : `EXDATE;TZID=${zone}:${dates.join(",")}`);
  }
  return lines.join("\r\n");
}

/** "20260329T070000Z": an instant as DTSTAMP must be written, in UTC. */
function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * The iCalendar object of an invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL,
 * STATUS:CANCELLED), as Outlook and Gmail want it: one VEVENT with the entry's UID and
 * SEQUENCE, the organiser (Baton's reply address for the entry) and every attendee with RSVP=TRUE.
 * Times go in the reader's zone with its VTIMEZONE, from Temporal values: ical-generator writes a
 * plain Date in the process zone (STACK-NOTES), and a wall-clock string too, which breaks in the
 * hour the process zone skips. Lines end in CRLF and fold at 75 octets (ical-generator); the two
 * things it gets wrong once a zone is set, DTSTAMP without Z and no CRLF after END:VCALENDAR, are mended here.
 */
export function invitationCalendar(input: InvitationCalendarInput): string {
  const timeZone = input.series?.zone ?? input.timeZone;
  const vtimezone = input.time.allDay ? null : getVtimezoneComponent(timeZone);
  const cal = ical({ prodId: "//Baton//Calendar//EN", method: input.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL });
  // A zone the generator does not know is written in UTC instead: the instants stay right.
  if (vtimezone) cal.timezone({ name: timeZone, generator: () => vtimezone });
  const zone = vtimezone ? timeZone : "UTC";
  const at = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  const series = input.series && !input.recurrenceId ? { repeating: repetitionLines(input.series, zone) } : {};
  const occurrence = input.series && input.recurrenceId ? { recurrenceId: at(input.recurrenceId) } : {};
  cal.createEvent({
    id: entryUid(input.entryId),
    sequence: input.sequence,
    stamp: input.stamp,
    ...(input.time.allDay
      ? { allDay: true, start: Temporal.PlainDate.from(input.time.startDate), end: Temporal.PlainDate.from(input.time.endDate) }
      : { start: at(input.time.start), end: at(input.time.end), ...(vtimezone ? { timezone: timeZone } : {}) }),
    ...series,
    ...occurrence,
    summary: input.title,
    location: input.location ?? null,
    url: input.url ?? null,
    class: input.private ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
    status: input.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: input.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: true,
      role: ICalAttendeeRole.REQ,
      status: PARTSTAT[a.response],
    })),
  });
  const text = cal.toString().replace(/^DTSTAMP:.*$/m, `DTSTAMP:${utcStamp(input.stamp)}`);
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
