import { describe, expect, it } from "vitest";
import type { FeedEntry } from "./entries";
import { feedCalendar, feedIcalText, type FeedDocument } from "./ics";

const entry = (over: Partial<FeedEntry> & Pick<FeedEntry, "id">): FeedEntry =>
  ({
    allDay: false,
    start: "2027-03-28T07:00:00.000Z",
    end: "2027-03-28T08:00:00.000Z",
    masked: false,
    cancelled: false,
    sequence: 2,
    version: 3,
    updatedAt: new Date("2027-01-02T03:04:05Z"),
    visibility: "normal",
    title: "Odprawa",
    location: null,
    description: null,
    organizer: { name: "Anna Nowak", email: "anna@example.com" },
    attendees: [],
    alarms: [],
    series: null,
    ...over,
  }) as FeedEntry;

describe("feed text written event by event", () => {
  it("equals ical-generator's whole-calendar text: escaping, folding at 75 octets, VTIMEZONE, final CRLF", () => {
    const doc: FeedDocument = {
      name: "Kalendarz; zarząd, \\ wszystko",
      timeZone: "Europe/Warsaw",
      locale: "pl",
      appUrl: "https://baton.example.com/",
      entries: [
        entry({
          id: "00000000-0000-4000-8000-000000000001",
          title: "Zebranie\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M\r\nEND:VALARM",
          description: "Święto Konstytucji 3 Maja – uroczyste zebranie zarządu spółki Polmet Serwis w Łodzi, źródła, żółć ".repeat(3),
          location: "Warszawa, ul. Długa 1; piętro 2",
          attendees: [{ name: "Żaneta Źdźbło-Łęcka", email: "z@example.com", response: "tentative" }],
          alarms: [{ offsetMinutes: 15 }, { at: new Date("2027-03-27T07:00:00Z") }],
          visibility: "private",
        }),
        entry({ id: "00000000-0000-4000-8000-000000000002", masked: true, title: null, cancelled: true }),
        entry({
          id: "00000000-0000-4000-8000-000000000003",
          allDay: true,
          startDate: "2027-05-03",
          endDate: "2027-05-04",
          cancelled: true,
        } as Partial<FeedEntry> & { id: string }),
      ],
      tasks: [
        {
          id: "t1",
          number: 7,
          title: "Wysłać ofertę, szybko",
          dueAt: new Date("2027-02-10T15:00:00Z"),
          done: true,
          updatedAt: new Date("2027-01-01T00:00:00Z"),
        },
      ],
      bookings: [],
    };
    const text = feedCalendar(doc);
    expect(text).toBe(feedIcalText(doc));
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

    const utc = { ...doc, timeZone: "Etc/Unknown", entries: [], tasks: [] };
    expect(feedCalendar(utc)).toBe(feedIcalText(utc));
    expect(feedCalendar(utc)).not.toContain("BEGIN:VTIMEZONE");
  });

  it("writes a series in its own zone with RRULE, EXDATE and its changed occurrences, the zone's VTIMEZONE beside the feed's", () => {
    const series = entry({
      id: "00000000-0000-4000-8000-000000000004",
      start: "2027-03-22T03:30:00.000Z",
      end: "2027-03-22T04:30:00.000Z",
      alarms: [{ offsetMinutes: 10 }, { at: new Date("2027-03-21T07:00:00Z") }],
      series: {
        rule: "FREQ=WEEKLY;BYDAY=MO",
        zone: "Asia/Calcutta",
        until: new Date("2027-12-31T22:59:00Z"),
        count: null,
        deleted: [new Date("2027-04-05T03:30:00Z"), new Date("2027-11-01T03:30:00Z")],
        changed: [
          {
            recurrenceId: new Date("2027-03-29T03:30:00Z"),
            start: new Date("2027-03-30T08:30:00Z"),
            end: new Date("2027-03-30T09:30:00Z"),
            sequence: 2,
            title: "Przeniesiona",
            location: null,
            description: null,
          },
        ],
      },
    });
    const doc: FeedDocument = {
      name: "Kalendarz",
      timeZone: "America/New_York",
      locale: "en",
      appUrl: "https://baton.example.com",
      entries: [series],
      tasks: [],
      bookings: [],
    };
    const text = feedCalendar(doc);
    expect(text).toBe(feedIcalText(doc));
    // "Asia/Calcutta" goes out under the TZID its VTIMEZONE names.
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n");
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\n");
    expect(text).toContain("X-WR-TIMEZONE:America/New_York\r\n");
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("DTSTART;TZID=Asia/Kolkata:20270322T090000\r\n");
    expect(unfolded).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20271231T225900Z\r\n");
    expect(unfolded).toContain("EXDATE;TZID=Asia/Kolkata:20270405T090000,20271101T090000\r\n");
    expect(unfolded).toContain("RECURRENCE-ID;TZID=Asia/Kolkata:20270329T090000\r\n");
    expect(unfolded).toContain("DTSTART;TZID=Asia/Kolkata:20270330T140000\r\n");
    expect(unfolded).toContain("SEQUENCE:4\r\n");
    // Only the reminder relative to each occurrence: a fixed instant belongs to no series.
    expect(unfolded.match(/^TRIGGER:[^\r]*/gm)).toEqual(["TRIGGER:-PT10M", "TRIGGER:-PT10M"]);
    expect(unfolded.split("UID:00000000-0000-4000-8000-000000000004@baton\r\n")).toHaveLength(3);

    const counted = entry({ ...series, series: { ...series.series!, until: null, count: 5, deleted: [], changed: [] } });
    const once = feedCalendar({ ...doc, entries: [counted] }).replace(/\r\n[ \t]/g, "");
    expect(once).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5\r\n");
    expect(once).not.toContain("EXDATE");
  });
});
