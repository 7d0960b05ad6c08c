import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { entryUid, invitationCalendar, type InvitationCalendarInput } from "./invitation-ics";

const base: InvitationCalendarInput = {
  method: "REQUEST",
  entryId: "0b9a1a8e-1f3e-4a57-9b1d-6a7f0a6d1c11",
  sequence: 3,
  stamp: new Date("2026-03-20T08:15:00.000Z"),
  // 07:00Z on the day Warsaw moves its clocks forward: 09:00 in Warsaw, 03:00 in New York.
  time: { allDay: false, start: "2026-03-29T07:00:00.000Z", end: "2026-03-29T08:30:00.000Z" },
  timeZone: "Europe/Warsaw",
  title: "Negocjacje z hotelem",
  location: "Kraków, ul. Floriańska 1",
  organizer: { name: "Tomasz Nowak", email: "reply+0b9a1a8e@in.baton.example" },
  attendees: [
    { name: "Anna Kowalska", email: "anna@polmet.example", response: "needs_action" },
    { name: "Jan Klient", email: "jan@hotel.example", response: "accepted" },
  ],
  private: false,
};

/** The calendar as a mail client reads it: ical.js (Thunderbird's parser), with its own VTIMEZONE registered. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function attendee(vevent: ICAL.Component, email: string) {
  const prop = vevent.getAllProperties("attendee").find((p) => String(p.getFirstValue()).toLowerCase() === `mailto:${email}`);
  if (!prop) throw new Error(`no ATTENDEE ${email}`);
  return { partstat: prop.getParameter("partstat"), rsvp: prop.getParameter("rsvp"), cn: prop.getParameter("cn") };
}

describe(`an invitation's calendar part (process zone ${process.env.TZ})`, () => {
  it("is a REQUEST with the entry's UID and SEQUENCE, its organiser and attendees, and DTSTART in the reader's zone", () => {
    const text = invitationCalendar(base);
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(entryUid(base.entryId));
    expect(event.sequence).toBe(3);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.summary).toBe("Negocjacje z hotelem");
    expect(event.location).toBe("Kraków, ul. Floriańska 1");

    const organizer = vevent.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("mailto:reply+0b9a1a8e@in.baton.example");
    expect(organizer.getParameter("cn")).toBe("Tomasz Nowak");
    expect(attendee(vevent, "anna@polmet.example")).toEqual({ partstat: "NEEDS-ACTION", rsvp: "TRUE", cn: "Anna Kowalska" });
    expect(attendee(vevent, "jan@hotel.example")).toMatchObject({ partstat: "ACCEPTED", rsvp: "TRUE" });

    // Written as Warsaw's wall clock with its zone, and the same instants once read back.
    expect(text).toContain("DTSTART;TZID=Europe/Warsaw:20260329T090000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Warsaw:20260329T103000\r\n");
    expect(event.startDate.zone?.tzid).toBe("Europe/Warsaw");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-29T08:30:00.000Z");
    expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe("Europe/Warsaw");
    // DTSTAMP in UTC, whatever zone the event is written in.
    expect(text).toContain("DTSTAMP:20260320T081500Z\r\n");
  });

  it("writes an hour the process zone skips as it is in the reader's zone", () => {
    // 02:30 in Warsaw on 8 March 2026 is 01:30Z; in New York that night 02:00 jumps to 03:00.
    const text = invitationCalendar({ ...base, time: { allDay: false, start: "2026-03-08T01:30:00.000Z", end: "2026-03-08T02:30:00.000Z" } });
    expect(text).toContain("DTSTART;TZID=Europe/Warsaw:20260308T023000\r\n");
    expect(parse(text).event.startDate.toJSDate().toISOString()).toBe("2026-03-08T01:30:00.000Z");
    const newYork = invitationCalendar({
      ...base,
      timeZone: "America/New_York",
      time: { allDay: false, start: "2026-03-08T07:30:00.000Z", end: "2026-03-08T08:00:00.000Z" },
    });
    expect(newYork).toContain("DTSTART;TZID=America/New_York:20260308T033000\r\n");
    expect(parse(newYork).event.startDate.toJSDate().toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("gives an all-day entry its dates, the end exclusive, in any process zone", () => {
    const text = invitationCalendar({ ...base, time: { allDay: true, startDate: "2026-03-29", endDate: "2026-03-31" } });
    expect(text).toContain("DTSTART;VALUE=DATE:20260329\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20260331\r\n");
    const { event } = parse(text);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2026-03-29");
  });

  it("is a CANCEL with STATUS:CANCELLED for a cancellation or a withdrawn invitation", () => {
    const text = invitationCalendar({ ...base, method: "CANCEL", sequence: 4, attendees: [base.attendees[0]!] });
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe(entryUid(base.entryId));
    expect(event.sequence).toBe(4);
    expect(vevent.getAllProperties("attendee")).toHaveLength(1);
  });

  it("ends every line in CRLF, folds at 75 octets without splitting a character, and marks a private entry", () => {
    const title = "Spotkanie z zarządem – omówienie umowy ramowej, cennika na 2027 rok i harmonogramu wdrożenia źródeł ciepła";
    const text = invitationCalendar({ ...base, title, private: true });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const { vevent, event } = parse(text);
    expect(event.summary).toBe(title);
    expect(vevent.getFirstPropertyValue("class")).toBe("PRIVATE");
  });

  it("falls back to UTC times for a zone it has no VTIMEZONE for", () => {
    const text = invitationCalendar({ ...base, timeZone: "Etc/Unknown" });
    expect(text).not.toContain("BEGIN:VTIMEZONE");
    expect(text).toContain("DTSTART:20260329T070000Z\r\n");
    expect(parse(text).event.startDate.toJSDate().toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });
});
