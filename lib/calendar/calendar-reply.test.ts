import { describe, expect, it } from "vitest";
import { outlookReply } from "@/lib/testing/outlook-reply";
import { answerOfPartstat, readCalendarReply } from "./calendar-reply";
import { invitationCalendar } from "./invitation-ics";

const ENTRY = "c3a1f0e2-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const ORGANIZER = "reply+c3a1f0e25b6d4e7f8a9b0c1d2e3f4a5b9d1e0c3b7a2f4e61@in.baton.example";

describe("reading a mail client's REPLY", () => {
  it("reads Outlook's REPLY: CRLF, folded lines, a Windows VTIMEZONE, the attendee's address in their own case", () => {
    const text = outlookReply({
      entryId: ENTRY,
      organizer: ORGANIZER,
      attendee: { email: "Anna.Kowalska@Polmet.example", name: "Anna Kowalska" },
      partstat: "TENTATIVE",
      sequence: 2,
    });
    // The fixture is what the parser must cope with, not a tidied version of it.
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toMatch(/\r\n ./);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Central European Standard Time");

    expect(readCalendarReply(text)).toEqual({
      ok: true,
      reply: {
        uid: `${ENTRY}@baton`,
        sequence: 2,
        attendees: [{ email: "anna.kowalska@polmet.example", partstat: "TENTATIVE" }],
        recurrenceId: null,
      },
    });
  });

  it("reads the RECURRENCE-ID of an answer to one occurrence as an instant, by the zone the REPLY itself defines", () => {
    const outlook = outlookReply({
      entryId: ENTRY,
      organizer: ORGANIZER,
      attendee: { email: "anna@polmet.example", name: "Anna" },
      partstat: "DECLINED",
      sequence: 0,
      recurrenceId: "20270517T090000",
    });
    // 09:00 in Central European summer time is 07:00Z; in winter (December) 08:00Z.
    expect(readCalendarReply(outlook)).toMatchObject({ ok: true, reply: { recurrenceId: new Date("2027-05-17T07:00:00.000Z") } });
    const winter = outlookReply({
      entryId: ENTRY,
      organizer: ORGANIZER,
      attendee: { email: "a@x.example", name: "A" },
      partstat: "DECLINED",
      sequence: 0,
      recurrenceId: "20271206T090000",
    });
    expect(readCalendarReply(winter)).toMatchObject({ ok: true, reply: { recurrenceId: new Date("2027-12-06T08:00:00.000Z") } });
    const utc = [
      "BEGIN:VCALENDAR",
      "METHOD:REPLY",
      "BEGIN:VEVENT",
      `UID:${ENTRY}@baton`,
      "RECURRENCE-ID:20270517T070000Z",
      "ATTENDEE;PARTSTAT=ACCEPTED:mailto:jan@hotel.example",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    expect(readCalendarReply(utc)).toMatchObject({ ok: true, reply: { recurrenceId: new Date("2027-05-17T07:00:00.000Z") } });
    // A zone the REPLY does not define names no instant: nothing is guessed.
    const unknown = utc.replace("RECURRENCE-ID:20270517T070000Z", "RECURRENCE-ID;TZID=Mars/Olympus:20270517T090000");
    expect(readCalendarReply(unknown)).toMatchObject({ ok: true, reply: { recurrenceId: null } });
  });

  it("takes a REPLY without SEQUENCE as the first invitation, and an ATTENDEE without PARTSTAT as not answered", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
      "METHOD:REPLY",
      "BEGIN:VEVENT",
      `UID:${ENTRY}@baton`,
      "DTSTAMP:20270502T071512Z",
      "ATTENDEE;CN=jan@hotel.example:mailto:jan@hotel.example",
      "ATTENDEE;PARTSTAT=DECLINED:MAILTO:ewa@hotel.example",
      "ATTENDEE;PARTSTAT=ACCEPTED:urn:uuid:00000000-0000-0000-0000-000000000000",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\n");
    expect(readCalendarReply(text)).toEqual({
      ok: true,
      reply: {
        uid: `${ENTRY}@baton`,
        sequence: 0,
        attendees: [
          { email: "jan@hotel.example", partstat: "NEEDS-ACTION" },
          { email: "ewa@hotel.example", partstat: "DECLINED" },
        ],
        recurrenceId: null,
      },
    });
  });

  it("refuses Baton's own REQUEST sent back, a calendar with no event, and text that is not iCalendar", () => {
    const request = invitationCalendar({
      method: "REQUEST",
      entryId: ENTRY,
      sequence: 0,
      stamp: new Date("2027-05-01T08:00:00Z"),
      time: { allDay: false, start: "2027-05-10T07:00:00.000Z", end: "2027-05-10T08:30:00.000Z" },
      timeZone: "Europe/Warsaw",
      title: "Negocjacje",
      organizer: { name: "Tomasz Nowak", email: ORGANIZER },
      attendees: [{ name: "Jan", email: "jan@hotel.example", response: "needs_action" }],
      private: false,
    });
    expect(readCalendarReply(request)).toEqual({ ok: false, reason: "not_a_reply" });
    expect(readCalendarReply("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n")).toEqual({ ok: false, reason: "no_event" });
    expect(readCalendarReply("Dzień dobry, będę o 10.")).toEqual({ ok: false, reason: "unreadable" });
  });

  it("records ACCEPTED, TENTATIVE and DECLINED, whatever their case, and nothing else", () => {
    expect(["ACCEPTED", "tentative", "Declined", "NEEDS-ACTION", "DELEGATED"].map(answerOfPartstat)).toEqual(["accepted", "tentative", "declined", null, null]);
  });
});
