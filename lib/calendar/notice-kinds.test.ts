import { describe, expect, it } from "vitest";
import { renderNotice } from "@/lib/notify/render";
import { noticeKeys } from "@/lib/notify/registry";

const entry = {
  entryId: "c3a1f0e2-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  title: "Spotkanie z Hotel Wawel sp. z o.o.",
  location: "Biuro klienta, ul. Długa 1 lok. 2.",
  time: { allDay: false, start: "2027-03-27T22:00:00.000Z", end: "2027-03-28T01:00:00.000Z" },
  version: 2,
  owner: "Tomasz Nowak Jr.",
  actor: "Magdalena Wójcik",
} as const;

const samples: Record<string, unknown> = {
  "calendar.invited": entry,
  "calendar.rescheduled": { ...entry, previous: { allDay: true, startDate: "2027-03-26", endDate: "2027-03-27" } },
  "calendar.cancelled": entry,
  "calendar.removed": { ...entry, canOpen: true },
  "calendar.answered": { ...entry, attendee: "Anna Nowak-Kowalska Sr.", response: "accepted" },
  "calendar.changedForYou": { ...entry, change: "created" },
  "calendar.reminder": { ...entry, momentKey: "k", momentAt: "2027-03-27T21:45:00.000Z", channel: null },
};

describe("calendar notices", () => {
  it("are all in the registry", () => {
    expect(
      noticeKeys()
        .filter((k) => k.startsWith("calendar."))
        .sort(),
    ).toEqual(Object.keys(samples).sort());
  });

  for (const [key, payload] of Object.entries(samples)) {
    it(`${key} never ends a sentence with a name or title (no double full stop), in either language`, () => {
      for (const locale of ["pl", "en"] as const) {
        const r = renderNotice(key, payload, locale, "Europe/Warsaw", { strict: true })!;
        for (const text of [r.inApp.title, r.inApp.body, r.email.subject, r.email.body, r.push.title, r.push.body]) expect(text).not.toMatch(/\.\./);
      }
    });
  }

  it("states the time in the reader's zone, with the end's date when it falls on another day", () => {
    const body = renderNotice("calendar.invited", entry, "pl", "Europe/Warsaw")!.inApp.body;
    // 22:00Z on 27 March is 23:00 winter time; 01:00Z on the 28th is 03:00 summer time, after the change.
    expect(body).toContain("Kiedy: 27.03.2027, 23:00 – 28.03.2027, 03:00");
    expect(renderNotice("calendar.invited", entry, "en", "Asia/Tokyo")!.inApp.body).toContain("When: 28 Mar 2027, 07:00–10:00");
  });

  it("states an all-day entry's days, the last one inclusive, whatever the reader's zone", () => {
    const allDay = { ...entry, time: { allDay: true, startDate: "2027-05-10", endDate: "2027-05-12" } };
    expect(renderNotice("calendar.cancelled", allDay, "pl", "Pacific/Kiritimati")!.inApp.body).toContain("Kiedy: 10.05.2027 – 11.05.2027");
    expect(renderNotice("calendar.cancelled", allDay, "en", "America/Los_Angeles")!.inApp.body).toContain("When: 05/10/2027 – 05/11/2027");
  });

  it("links a removed attendee to the entry only while they may still open it", () => {
    expect(renderNotice("calendar.removed", { ...entry, canOpen: true }, "pl", "Europe/Warsaw")!.link).toBe(`/calendar/entries/${entry.entryId}`);
    const hidden = renderNotice("calendar.removed", { ...entry, canOpen: false }, "en", "Europe/Warsaw")!;
    expect(hidden.link).toBe("/calendar");
    expect(hidden.inApp.title).toBe(`Removed from: ${entry.title}`);
  });

  it("offers no snooze on an entry reminder (snoozing is a task's)", () => {
    expect(renderNotice("calendar.reminder", samples["calendar.reminder"], "en", "Europe/Warsaw")!.snoozable).toBe(false);
  });
});
