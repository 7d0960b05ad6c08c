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
});
