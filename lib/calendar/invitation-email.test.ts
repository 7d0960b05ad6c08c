import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locale";
import { composeEmail } from "@/lib/notify/compose";
import { renderEmailExtras, renderNotice } from "@/lib/notify/render";
import { answerLinkKey, readAnswerLink } from "./answer-token";
import { answerLinkExpiry } from "./invitation-email";
import type { InvitationFacts } from "./invitation-facts";

const ENTRY = "c3a1f0e2-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const ANNA = "5d7c2a10-1111-4222-8333-444455556666";
const GUEST = "7c4f7a52-2f55-4f8a-a7a4-61c4d2d0b0e3";
const invitation: InvitationFacts = {
  sequence: 2,
  stamp: "2027-05-01T08:00:00.000Z",
  organizer: { name: "Tomasz Nowak", address: "reply+c3a1f0e25b6d4e7f8a9b0c1d2e3f4a5b0011223344556677@in.baton.example" },
  attendees: [
    { name: "Anna Kowalska", email: "anna@polmet.example", response: "needs_action" },
    { name: "Jan Recepcja", email: "jan@hotel.example", response: "accepted" },
  ],
  private: false,
  client: "Hotel Wawel sp. z o.o.",
  case: "#42 Modernizacja kuchni",
};
const payload = {
  entryId: ENTRY,
  title: "Negocjacje",
  location: "Sala 2",
  time: { allDay: false, start: "2027-05-10T07:00:00.000Z", end: "2027-05-10T08:00:00.000Z" },
  version: 3,
  owner: "Tomasz Nowak",
  actor: "Tomasz Nowak",
  invitation,
} as const;
const guestPayload = { ...payload, invitation: { ...invitation, client: undefined, case: undefined, guestId: GUEST } };
const APP = "https://baton.example.com";
// Links are signed with a key from AUTH_SECRET: a fixed one here, read before anything signs.
process.env.AUTH_SECRET ||= "unit-test-secret-unit-test-secret-0123456789";
const key = answerLinkKey();

describe("invitation e-mails, as each reader gets them", () => {
  for (const locale of LOCALES) {
    for (const kind of ["calendar.invited", "calendar.rescheduled", "invitation.updated", "calendar.cancelled", "invitation.withdrawn"] as const) {
      it(`${kind} in ${locale}: every text resolved, a calendar part with the matching method`, () => {
        const p = kind === "calendar.rescheduled" ? { ...payload, previous: payload.time } : payload;
        const rendered = renderNotice(kind, p, locale, "Europe/Warsaw", { strict: true })!;
        const extras = renderEmailExtras(kind, p, {
          locale,
          timeZone: "Europe/Warsaw",
          appUrl: APP,
          recipient: { userId: ANNA, email: "anna@polmet.example" },
        })!;
        for (const text of [rendered.email.subject, rendered.email.body, ...(extras.actions ?? []).map((a) => a.label)]) {
          expect(text).not.toMatch(/\{|\}|invitations\.[a-z]/);
        }
        const method = kind === "calendar.cancelled" || kind === "invitation.withdrawn" ? "CANCEL" : "REQUEST";
        expect(extras.calendar?.method).toBe(method);
        expect(extras.calendar?.content).toContain(`METHOD:${method}\r\n`);
        expect(extras.replyTo).toBe(invitation.organizer.address);
        expect(extras.actions?.length ?? 0).toBe(method === "REQUEST" ? 3 : 0);
      });
    }
  }

  it("says how a series repeats, in the series' days and the reader's language; not for one occurrence", () => {
    // Monday 10 May 2027, 09:00 Warsaw, every week: a Tokyo reader's clock says Monday 16:00, the series is on Mondays.
    const series = { rule: "FREQ=WEEKLY;BYDAY=MO", zone: "Europe/Warsaw", until: null, count: 10, exdates: [], endsAt: null };
    const weekly = { ...payload, invitation: { ...invitation, series } };
    expect(renderNotice("calendar.invited", weekly, "en", "Asia/Tokyo", { strict: true })!.email.body).toContain("Repeats: Every week on Monday, 10 times.");
    expect(renderNotice("calendar.invited", weekly, "pl", "Europe/Warsaw", { strict: true })!.email.body).toMatch(
      /Powtarza się: Co tydzień: poniedziałek, 10 razy\./,
    );
    const one = { ...weekly, invitation: { ...weekly.invitation, occurrence: { recurrenceId: payload.time.start, sequence: 1 } } };
    expect(renderNotice("invitation.updated", one, "en", "Europe/Warsaw", { strict: true })!.email.body).not.toContain("Repeats:");
    expect(renderNotice("calendar.invited", payload, "en", "Europe/Warsaw", { strict: true })!.email.body).not.toContain("Repeats:");
  });

  it("gives a colleague the client and case and answer links bound to them, in their zone", () => {
    const rendered = renderNotice("calendar.invited", payload, "en", "America/New_York", { strict: true })!;
    expect(rendered.email.body).toContain("Client: Hotel Wawel sp. z o.o.");
    expect(rendered.email.body).toContain("Case: #42 Modernizacja kuchni");
    expect(rendered.email.body).toContain("Times are in the America/New_York time zone.");
    expect(rendered.email.body).toContain("Invited: Anna Kowalska, Jan Recepcja");
    const extras = renderEmailExtras("calendar.invited", payload, {
      locale: "en",
      timeZone: "America/New_York",
      appUrl: APP,
      recipient: { userId: ANNA, email: "anna@polmet.example" },
    })!;
    expect(extras.link).toBeUndefined();
    expect(extras.actions!.map((a) => a.label)).toEqual(["Accept", "Maybe", "Decline"]);
    const token = new URL(extras.actions![0]!.url).pathname.split("/").at(-1)!;
    expect(readAnswerLink(token, key)).toEqual({
      entryId: ENTRY,
      attendee: { type: "user", id: ANNA },
      sequence: 2,
      expiresAt: new Date("2027-05-10T08:00:00.000Z"),
    });
    expect(extras.calendar!.content).toContain("DTSTART;TZID=America/New_York:20270510T030000");
  });

  it("gives a guest neither client nor case, no way into Baton, links bound to the guest, and a footer saying why", () => {
    const rendered = renderNotice("calendar.invited", guestPayload, "pl", "Europe/Warsaw", { strict: true })!;
    expect(rendered.email.body).not.toContain("Hotel Wawel");
    expect(rendered.email.body).not.toContain("Modernizacja");
    const extras = renderEmailExtras("calendar.invited", guestPayload, {
      locale: "pl",
      timeZone: "Europe/Warsaw",
      appUrl: APP,
      recipient: { userId: null, email: "jan@hotel.example" },
    })!;
    expect(extras.link).toBeNull();
    expect(extras.footer).toBe("Otrzymujesz tę wiadomość, bo Tomasz Nowak zaprasza Cię na spotkanie.");
    expect(extras.actions!.map((a) => a.label)).toEqual(["Akceptuję", "Może", "Odrzucam"]);
    const token = new URL(extras.actions![2]!.url).pathname.split("/").at(-1)!;
    expect(new URL(extras.actions![2]!.url).searchParams.get("answer")).toBe("declined");
    expect(readAnswerLink(token, key)!.attendee).toEqual({ type: "guest", id: GUEST });
    expect(extras.calendar!.content).not.toContain("/calendar/entries/");
  });

  it("composes a guest's e-mail with its calendar part and reply address, links apart in the text, and nothing of Baton's settings", async () => {
    const mail = await composeEmail(
      { id: "n1", kind: "calendar.invited", priority: "normal", title: "", body: "", link: `/calendar/entries/${ENTRY}`, payload: guestPayload },
      { userId: null, email: "jan@hotel.example", phone: null, locale: "pl", timeZone: "Europe/Warsaw" },
      APP,
    );
    expect(mail.calendar?.method).toBe("REQUEST");
    expect(mail.replyTo).toBe(invitation.organizer.address);
    expect(mail.headers).toBeUndefined();
    expect(mail.text).toMatch(/\?answer=accepted\s+Może https:/);
    expect(mail.text).toMatch(/\?answer=tentative\s+Odrzucam https:/);
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain("/settings/notifications");
      expect(part).not.toContain("/calendar/entries/");
    }
  });

  it("ends an all-day entry's links with its last day in the reader's zone", () => {
    const time = { allDay: true, startDate: "2027-05-10", endDate: "2027-05-12" } as const;
    expect(answerLinkExpiry(time, "Europe/Warsaw").toISOString()).toBe("2027-05-11T22:00:00.000Z");
    expect(answerLinkExpiry(time, "Asia/Tokyo").toISOString()).toBe("2027-05-11T15:00:00.000Z");
  });
});
