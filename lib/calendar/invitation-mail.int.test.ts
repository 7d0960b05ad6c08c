import ICAL from "ical.js";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarEntryAttendees, calendarEntryGuests, clientContacts, devMessages, notificationDeliveries, notifications } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { DeliveryRuntime } from "@/lib/notify/deliver";
import { deliverNow } from "@/lib/notify/jobs";
import { devMailboxEmail, devMailboxSms } from "@/lib/notify/providers/dev-mailbox";
import { withCalendarSender } from "@/lib/notify/providers/email";
import { smtpSender } from "@/lib/notify/providers/smtp";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { perform, performedEffects } from "@/lib/testing/perform";
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from "@/lib/testing/smtp-catcher";
import { readAnswerLink } from "./answer-token";
import { answerEntry, cancelEntry, createEntry, moveEntry, updateEntry } from "./commands";
import { entryUid } from "./invitation-ics";
import { entryOfReplyAddress } from "./reply-address";
import { createEntryInput, moveEntryInput, updateEntryInput } from "./schema";

const APP_URL = "https://baton.example.com";
let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(() => smtp.close());

/** Delivery as production wires it: plain e-mail to the development mailbox, invitations over real SMTP. */
function runtime(db: Db): DeliveryRuntime {
  return {
    db,
    providers: {
      email: withCalendarSender(devMailboxEmail(db), smtpSender({ url: smtp.url, from: "Baton <powiadomienia@baton.example>" })),
      sms: devMailboxSms(db),
      push: null,
    },
    appUrl: APP_URL,
  };
}

/** Runs a command, then delivers what its unit declared; returns the mails that arrived meanwhile. */
async function act<I>(db: Db, viewer: Viewer, command: (work: never, input: I) => Promise<{ id: string }>, input: I) {
  const before = smtp.mails.length;
  const result = await perform(db, viewer, command as never, input);
  const ids = performedEffects()
    .at(-1)!
    .flatMap((e) => (e.kind === "notify" ? e.ids : []));
  await deliverNow(runtime(db), ids);
  return { result: result as { id: string }, mails: smtp.mails.slice(before), ids };
}

/** The parts a mail client sees: the calendar alternative (with its method parameter), invite.ics, text and HTML. */
function partsOf(mail: CaughtMail) {
  const alternative = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  const attachment = mail.parsed.attachments.find((a) => a.filename === "invite.ics");
  const type = alternative?.headers.get("content-type") as { value: string; params: Record<string, string> } | undefined;
  return {
    calendar: alternative?.content.toString("utf8") ?? "",
    method: type?.params.method,
    ics: attachment?.content.toString("utf8") ?? "",
    attachmentType: attachment?.contentType,
    text: mail.parsed.text ?? "",
    html: typeof mail.parsed.html === "string" ? mail.parsed.html : "",
  };
}

function mailTo(mails: CaughtMail[], email: string): CaughtMail {
  const found = mails.filter((m) => m.to.includes(email));
  expect(found, `one mail to ${email}`).toHaveLength(1);
  return found[0]!;
}

function vevent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const partstat = (email: string) =>
    event
      .getAllProperties("attendee")
      .find((p) => String(p.getFirstValue()).toLowerCase() === `mailto:${email}`)
      ?.getParameter("partstat");
  return { method: calendar.getFirstPropertyValue("method"), event, ev: new ICAL.Event(event), partstat };
}

const answerLinks = (text: string) => [...text.matchAll(/https:\/\/baton\.example\.com\/invitations\/([\w-]+)\?answer=(accepted|tentative|declined)/g)];

async function meetingWithClient(db: Db, overrides: { visibility?: "private" } = {}) {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw", locale: "pl" });
  const anna = await makeUser(db, { name: "Anna Kowalska", timeZone: "America/New_York", locale: "en" });
  const bystander = await makeUser(db, { timeZone: "Europe/Warsaw" });
  const client = await makeClient(db, { name: "Hotel Wawel sp. z o.o." });
  const kase = await makeCase(db, { ownerId: organizer.id, clientId: client.id, title: "Modernizacja kuchni" });
  const [contact] = await db
    .insert(clientContacts)
    .values({ clientId: client.id, name: "Jan Recepcja", email: `jan.${organizer.id.slice(0, 8)}@hotel.example` })
    .returning();
  const typed = `zofia.${organizer.id.slice(0, 8)}@partner.example`;
  const created = await act(
    db,
    organizer.viewer,
    createEntry,
    createEntryInput.parse({
      time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:30" },
      title: "Negocjacje z hotelem",
      location: "Kraków, ul. Floriańska 1",
      clientId: client.id,
      caseId: kase.id,
      attendeeIds: [anna.id],
      guests: [{ contactId: contact!.id }, { email: typed.toUpperCase(), name: "Zofia Partner", locale: "en" }],
      ...overrides,
    }),
  );
  return { organizer, anna, bystander, client, kase, contact: contact!, typed, entryId: created.result.id, created };
}

/** The organiser's edit form sent with `changes`; guests are left out unless given (the form keeps them). */
function edit(db: Db, m: Awaited<ReturnType<typeof meetingWithClient>>, changes: Record<string, unknown>) {
  return act(
    db,
    m.organizer.viewer,
    updateEntry,
    updateEntryInput.parse({
      id: m.entryId,
      time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:30" },
      title: "Negocjacje z hotelem",
      location: "Kraków, ul. Floriańska 1",
      clientId: m.client.id,
      caseId: m.kase.id,
      attendeeIds: [m.anna.id],
      ...changes,
    }),
  );
}

describe("invitation e-mails", () => {
  it("invite a colleague and the client's people, each in their language and zone, with the meeting as METHOD:REQUEST", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db);
    const { mails } = m.created;
    expect(mails.map((x) => x.to[0]).sort()).toEqual([m.anna.email, m.contact.email!, m.typed].sort());

    for (const mail of mails) {
      const parts = partsOf(mail);
      // multipart/alternative: text, HTML and text/calendar with method=REQUEST, plus invite.ics.
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative;/);
      expect(mail.raw).toContain("Content-Type: text/calendar; charset=utf-8; method=REQUEST");
      expect(parts.method).toBe("REQUEST");
      expect(parts.attachmentType).toBe("application/ics");
      expect(parts.ics).toBe(parts.calendar);
      expect(parts.text).not.toBe("");
      expect(parts.html).toContain("<html");
      const { method, ev, event, partstat } = vevent(parts.calendar);
      expect(method).toBe("REQUEST");
      expect(ev.uid).toBe(entryUid(m.entryId));
      expect(ev.sequence).toBe(0);
      expect(partstat(mail.to[0]!)).toBe("NEEDS-ACTION");
      expect(event.getAllProperties("attendee").every((p) => p.getParameter("rsvp") === "TRUE")).toBe(true);
      expect(ev.startDate.toJSDate().toISOString()).toBe("2027-05-10T07:00:00.000Z");
      // The organiser is Baton's reply address for this entry, under the organiser's name.
      const organizer = event.getFirstProperty("organizer")!;
      expect(organizer.getParameter("cn")).toBe("Tomasz Nowak");
      const replyTo = String(organizer.getFirstValue()).replace(/^mailto:/i, "");
      expect(entryOfReplyAddress(replyTo)).toBe(m.entryId);
      expect(mail.parsed.replyTo?.value[0]?.address).toBe(replyTo);
      // Three one-click answers, signed for this attendee and this entry.
      const links = answerLinks(parts.text);
      expect(links.map((l) => l[2])).toEqual(["accepted", "tentative", "declined"]);
      expect(new Set(links.map((l) => l[1])).size).toBe(1);
      expect(readAnswerLink(links[0]![1]!)).toMatchObject({ entryId: m.entryId, sequence: 0, expiresAt: new Date("2027-05-10T08:30:00.000Z") });
    }

    // Anna reads it in English, in New York's zone, with the client and case; the link to the entry is there.
    const anna = partsOf(mailTo(mails, m.anna.email));
    expect(mailTo(mails, m.anna.email).parsed.subject).toBe("Invitation: Negocjacje z hotelem");
    expect(anna.text).toContain("When: 05/10/2027, 03:00 AM–04:30 AM");
    expect(anna.text).toContain("Client: Hotel Wawel sp. z o.o.");
    expect(anna.text).toContain(`Case: #${m.kase.number} Modernizacja kuchni`);
    expect(anna.text).toContain("Invited: Anna Kowalska, Jan Recepcja, Zofia Partner");
    expect(anna.calendar).toContain("DTSTART;TZID=America/New_York:20270510T030000");
    expect(anna.html).toContain(`${APP_URL}/calendar/entries/${m.entryId}`);
    expect(readAnswerLink(answerLinks(anna.text)[0]![1]!)!.attendee).toEqual({ type: "user", id: m.anna.id });

    // The contact reads Polish in the organiser's zone; nothing about the client's case, no way into Baton.
    const [contactGuest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.email, m.contact.email!));
    const contact = partsOf(mailTo(mails, m.contact.email!));
    expect(mailTo(mails, m.contact.email!).parsed.subject).toBe("Zaproszenie: Negocjacje z hotelem");
    expect(contact.text).toContain("Kiedy: 10.05.2027, 09:00–10:30");
    expect(contact.calendar).toContain("DTSTART;TZID=Europe/Warsaw:20270510T090000");
    for (const secret of ["Hotel Wawel", "Modernizacja kuchni", "/calendar/entries/", "/settings/notifications"]) {
      expect(contact.text).not.toContain(secret);
      expect(contact.html).not.toContain(secret);
      expect(contact.calendar).not.toContain(secret);
    }
    expect(readAnswerLink(answerLinks(contact.text)[0]![1]!)!.attendee).toEqual({ type: "guest", id: contactGuest!.id });
    expect(contactGuest).toMatchObject({ name: "Jan Recepcja", contactId: m.contact.id, locale: "pl", timeZone: "Europe/Warsaw" });
    // The typed address is kept lower-cased, in the language asked for.
    expect(mailTo(mails, m.typed).parsed.subject).toBe("Invitation: Negocjacje z hotelem");
  });

  it("send an updated REQUEST with a higher SEQUENCE on a reschedule, with every answer reset", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db);
    await perform(db, m.anna.viewer, answerEntry, { entryId: m.entryId, response: "accepted" });
    await db.update(calendarEntryGuests).set({ response: "accepted" }).where(eq(calendarEntryGuests.entryId, m.entryId));

    const moved = await act(
      db,
      m.organizer.viewer,
      moveEntry,
      moveEntryInput.parse({ id: m.entryId, time: { allDay: false, start: "2027-05-11T13:00", end: "2027-05-11T14:00" } }),
    );
    expect(moved.mails.map((x) => x.to[0]).sort()).toEqual([m.anna.email, m.contact.email!, m.typed].sort());
    for (const mail of moved.mails) {
      const { method, ev, partstat } = vevent(partsOf(mail).calendar);
      expect(method).toBe("REQUEST");
      expect(ev.uid).toBe(entryUid(m.entryId));
      expect(ev.sequence).toBe(1);
      expect(ev.startDate.toJSDate().toISOString()).toBe("2027-05-11T11:00:00.000Z");
      expect(partstat(mail.to[0]!)).toBe("NEEDS-ACTION");
      expect(readAnswerLink(answerLinks(partsOf(mail).text)[0]![1]!)!.sequence).toBe(1);
    }
    const responses = [
      ...(await db.select({ r: calendarEntryAttendees.response }).from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, m.entryId))),
      ...(await db.select({ r: calendarEntryGuests.response }).from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, m.entryId))),
    ];
    expect(responses.map((x) => x.r)).toEqual(["needs_action", "needs_action", "needs_action"]);
  });

  it("send a CANCEL to a removed guest and colleague, and to everyone left when the entry is cancelled", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db);
    const edited = await edit(db, m, { attendeeIds: [], guests: [{ contactId: m.contact.id }] });
    // The typed guest and Anna are removed; the contact, whose invitation did not change, hears nothing.
    expect(edited.mails.map((x) => x.to[0]).sort()).toEqual([m.anna.email, m.typed].sort());
    for (const mail of edited.mails) {
      const parts = partsOf(mail);
      expect(parts.method).toBe("CANCEL");
      const { method, ev, event } = vevent(parts.calendar);
      expect(method).toBe("CANCEL");
      expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(ev.uid).toBe(entryUid(m.entryId));
      expect(ev.sequence).toBe(1);
      expect(answerLinks(parts.text)).toEqual([]);
    }

    const cancelled = await act(db, m.organizer.viewer, cancelEntry, { id: m.entryId });
    expect(cancelled.mails.map((x) => x.to[0])).toEqual([m.contact.email]);
    const { method, ev, event } = vevent(partsOf(cancelled.mails[0]!).calendar);
    expect([method, event.getFirstPropertyValue("status"), ev.sequence]).toEqual(["CANCEL", "CANCELLED", 1]);
  });

  it("send a place change as an updated REQUEST, answers kept", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db);
    await perform(db, m.anna.viewer, answerEntry, { entryId: m.entryId, response: "accepted" });
    const edited = await edit(db, m, { location: "Hotel Wawel, sala B" });
    // Guests were not part of the form: they stay, and hear of the new place too.
    expect(edited.mails.map((x) => x.to[0]).sort()).toEqual([m.anna.email, m.contact.email!, m.typed].sort());
    const { method, ev, partstat } = vevent(partsOf(mailTo(edited.mails, m.anna.email)).calendar);
    expect([method, ev.sequence, ev.location, partstat(m.anna.email)]).toEqual(["REQUEST", 1, "Hotel Wawel, sala B", "ACCEPTED"]);
    expect(mailTo(edited.mails, m.anna.email).parsed.subject).toBe("Invitation updated: Negocjacje z hotelem");
  });

  it("send a private entry's invitation to its attendees only, marked private", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db, { visibility: "private" });
    expect(m.created.mails.map((x) => x.to[0]).sort()).toEqual([m.anna.email, m.contact.email!, m.typed].sort());
    for (const mail of m.created.mails) expect(vevent(partsOf(mail).calendar).event.getFirstPropertyValue("class")).toBe("PRIVATE");
    const written = await db
      .select({ recipientId: notifications.recipientId, address: notifications.address })
      .from(notifications)
      .where(inArray(notifications.id, m.created.ids));
    expect(written.filter((w) => w.recipientId === m.bystander.id)).toEqual([]);
    expect(written.flatMap((w) => (w.address ? [w.address.email] : [])).sort()).toEqual([m.contact.email!, m.typed].sort());
  });

  it("are sent once per notice however often delivery runs; a 5xx fails the delivery for good, a 4xx is retried", async () => {
    const db = await testDb();
    const m = await meetingWithClient(db);
    const before = smtp.mails.length;
    await deliverNow(runtime(db), m.created.ids);
    expect(smtp.mails.length).toBe(before);

    const moveTo = (day: string) =>
      act(db, m.organizer.viewer, moveEntry, moveEntryInput.parse({ id: m.entryId, time: { allDay: false, start: `${day}T09:00`, end: `${day}T10:00` } }));
    const emailDeliveries = (ids: string[], status: "failed" | "pending") =>
      db
        .select({ id: notificationDeliveries.notificationId, reason: notificationDeliveries.reason, attempts: notificationDeliveries.attempts })
        .from(notificationDeliveries)
        .where(
          and(inArray(notificationDeliveries.notificationId, ids), eq(notificationDeliveries.channel, "email"), eq(notificationDeliveries.status, status)),
        );

    smtp.failNext(550);
    const bad = await moveTo("2027-05-12");
    expect(bad.mails).toHaveLength(2);
    expect(await emailDeliveries(bad.ids, "failed")).toMatchObject([{ reason: "invalid_address" }]);

    smtp.failNext(451);
    const later = await moveTo("2027-05-13");
    expect(later.mails).toHaveLength(2);
    const pending = await emailDeliveries(later.ids, "pending");
    expect(pending).toMatchObject([{ attempts: 1 }]);
    // The retry sends it, once.
    await deliverNow(runtime(db), [pending[0]!.id]);
    expect(smtp.mails.length).toBe(before + 5);
  });

  it("land in the development mailbox with their calendar part when there is no SMTP", async () => {
    const db = await testDb();
    const organizer = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const entry = await perform(
      db,
      organizer.viewer,
      createEntry,
      createEntryInput.parse({
        time: { allDay: true, startDate: "2027-06-01", endDate: "2027-06-01" },
        title: "Targi",
        guests: [{ email: `gosc.${organizer.id.slice(0, 8)}@example.com` }],
      }),
    );
    const ids = performedEffects()
      .at(-1)!
      .flatMap((e) => (e.kind === "notify" ? e.ids : []));
    await deliverNow({ ...runtime(db), providers: { email: devMailboxEmail(db), sms: devMailboxSms(db), push: null } }, ids);
    const [kept] = await db
      .select()
      .from(devMessages)
      .where(eq(devMessages.recipient, `gosc.${organizer.id.slice(0, 8)}@example.com`));
    expect(kept!.calendar).toContain("METHOD:REQUEST");
    expect(kept!.calendar).toContain("DTSTART;VALUE=DATE:20270601");
    expect(kept!.calendar).toContain(entryUid(entry.id));
    expect(kept!.headers["Reply-To"]).toMatch(/^reply\+[0-9a-f]{48}@/);
  });
});
