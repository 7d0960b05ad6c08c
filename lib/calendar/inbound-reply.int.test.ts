import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/inbound/resend/route";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryActivity, calendarEntryAttendees, calendarEntryGuests, notifications } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { startFakeProviders, type FakeInboundMail } from "@/lib/testing/fake-providers";
import { outlookReply } from "@/lib/testing/outlook-reply";
import { signedHeaders, svixSignature, webhookFor, type WebhookDelivery as Delivery } from "@/lib/testing/resend-webhook";
import { perform } from "@/lib/testing/perform";
import { cancelEntry, createEntry, moveEntry } from "./commands";
import { entryReplyAddress } from "./reply-address";
import { createEntryInput, moveEntryInput } from "./schema";

// Resend's API (receiving and sending) is the local fake; the route reads its settings once, before any test.
const fake = await startFakeProviders();
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
vi.stubEnv("RESEND_API_KEY", "re_test_inbound");
vi.stubEnv("RESEND_BASE_URL", fake.url);
vi.stubEnv("RESEND_WEBHOOK_SECRET", SECRET);
vi.stubEnv("SMTP_URL", fake.smtpUrl);
vi.stubEnv("APP_URL", "https://baton.test.example");

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const warnings = vi.spyOn(console, "warn");
afterEach(() => warnings.mockClear());

async function post(delivery: Delivery, sign: (d: Delivery, timestamp: number) => Record<string, string> = signed): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return POST(
    new Request("http://localhost/api/inbound/resend", {
      method: "POST",
      headers: { "content-type": "application/json", ...sign(delivery, timestamp) },
      body: delivery.body,
    }),
  );
}

function signed(d: Delivery, timestamp: number): Record<string, string> {
  return signedHeaders(SECRET, d, timestamp);
}

/** A mail arrives at Resend and its webhook is delivered, signed. */
async function arrive(mail: FakeInboundMail): Promise<{ response: Response; delivery: Delivery }> {
  const delivery = webhookFor(await fake.receive(mail), mail);
  return { response: await post(delivery), delivery };
}

const time = { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:30" } as const;

async function meeting(db: Db) {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw" });
  const anna = await makeUser(db, { name: "Anna Kowalska", timeZone: "Europe/Warsaw" });
  const stranger = await makeUser(db, { name: "Piotr Obcy", timeZone: "Europe/Warsaw" });
  const guestEmail = `jan.${organizer.id.slice(0, 8)}@hotel.example`;
  const entry = await perform(
    db,
    organizer.viewer,
    createEntry,
    createEntryInput.parse({ time, title: "Negocjacje z hotelem", attendeeIds: [anna.id], guests: [{ email: guestEmail, name: "Jan Recepcja" }] }),
  );
  const other = await perform(db, organizer.viewer, createEntry, createEntryInput.parse({ time, title: "Inne spotkanie", attendeeIds: [stranger.id] }));
  return { organizer, anna, stranger, guestEmail, entry, other, address: entryReplyAddress(entry.id) };
}

/** Everything an answer could have written: answers, history, notices to the organiser, the entry's version. */
async function footprint(db: Db, entryId: string) {
  const [entry] = await db.select({ version: calendarEntries.version }).from(calendarEntries).where(eq(calendarEntries.id, entryId));
  return {
    version: entry!.version,
    guests: await db.select({ response: calendarEntryGuests.response }).from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, entryId)),
    attendees: await db.select({ response: calendarEntryAttendees.response }).from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, entryId)),
    answered: await answers(db, entryId),
    notices: await answeredNotices(db, entryId),
  };
}

async function answers(db: Db, entryId: string) {
  return db
    .select({
      actorId: calendarEntryActivity.actorId,
      field: calendarEntryActivity.field,
      comment: calendarEntryActivity.comment,
      newValue: calendarEntryActivity.newValue,
    })
    .from(calendarEntryActivity)
    .where(and(eq(calendarEntryActivity.entryId, entryId), eq(calendarEntryActivity.kind, "answered")));
}

async function answeredNotices(db: Db, entryId: string) {
  return (await db.select().from(notifications).where(eq(notifications.kind, "calendar.answered")))
    .filter((n) => n.link === `/calendar/entries/${entryId}`)
    .map((n) => ({ recipientId: n.recipientId, payload: n.payload }));
}

/** The structured lines logged for refused mail, parsed. */
function loggedReasons(): { reason?: string; emailId?: string }[] {
  return warnings.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.startsWith("[inbound] "))
    .map((line) => JSON.parse(line.slice("[inbound] ".length)) as { reason?: string; emailId?: string });
}

describe("answers that come back by e-mail (Resend's email.received webhook)", () => {
  it("records a colleague's Outlook REPLY as their answer and tells the organiser", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const calendar = outlookReply({
      entryId: m.entry.id,
      organizer: m.address,
      attendee: { email: m.anna.email.toUpperCase(), name: "Anna Kowalska" },
      partstat: "ACCEPTED",
      sequence: 0,
    });
    const { response } = await arrive({
      from: `Anna Kowalska <${m.anna.email.toUpperCase()}>`,
      to: [m.address],
      subject: "Accepted: Negocjacje z hotelem",
      text: "",
      calendar: { content: calendar, as: "alternative" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcomes: [{ result: "answered" }] });
    const [row] = await db.select().from(calendarEntryAttendees).where(eq(calendarEntryAttendees.userId, m.anna.id));
    expect(row!.response).toBe("accepted");
    expect(await answers(db, m.entry.id)).toEqual([{ actorId: m.anna.id, field: null, comment: null, newValue: "accepted" }]);
    expect(await answeredNotices(db, m.entry.id)).toEqual([
      { recipientId: m.organizer.id, payload: expect.objectContaining({ attendee: "Anna Kowalska", response: "accepted" }) },
    ]);
  });

  it("records a guest's REPLY sent as an .ics attachment only (read through the attachments API)", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const calendar = outlookReply({
      entryId: m.entry.id,
      organizer: m.address,
      attendee: { email: m.guestEmail, name: "Jan Recepcja" },
      partstat: "DECLINED",
      sequence: 0,
    });
    const { response } = await arrive({
      from: m.guestEmail,
      to: [m.address],
      subject: "Declined: Negocjacje z hotelem",
      calendar: { content: calendar, as: "attachment" },
      raw: false,
    });
    expect(response.status).toBe(200);
    const [guest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, m.entry.id));
    expect(guest!.response).toBe("declined");
    expect(await answers(db, m.entry.id)).toEqual([{ actorId: null, field: "guest", comment: "Jan Recepcja", newValue: "declined" }]);
    expect(await answeredNotices(db, m.entry.id)).toEqual([
      { recipientId: m.organizer.id, payload: expect.objectContaining({ attendee: "Jan Recepcja", response: "declined" }) },
    ]);
  });

  it("refuses a webhook without a valid signature and changes nothing", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const before = await footprint(db, m.entry.id);
    const mail: FakeInboundMail = {
      from: m.anna.email,
      to: [m.address],
      subject: "Accepted",
      calendar: {
        content: outlookReply({
          entryId: m.entry.id,
          organizer: m.address,
          attendee: { email: m.anna.email, name: "Anna" },
          partstat: "ACCEPTED",
          sequence: 0,
        }),
      },
    };
    const delivery = webhookFor(await fake.receive(mail), mail);
    const otherSecret = `whsec_${randomBytes(24).toString("base64")}`;
    const refusals: [string, (d: Delivery, ts: number) => Record<string, string>, string][] = [
      ["another secret", (d, ts) => ({ ...signed(d, ts), "svix-signature": svixSignature(otherSecret, d.svixId, ts, d.body) }), "invalid_signature"],
      ["another body", (d, ts) => ({ ...signed(d, ts), "svix-signature": svixSignature(SECRET, d.svixId, ts, `${d.body} `) }), "invalid_signature"],
      ["too old", (d, ts) => ({ ...signed(d, ts - 3600), "svix-timestamp": String(ts - 3600) }), "invalid_signature"],
      ["unsigned", () => ({}), "missing_signature"],
    ];
    for (const [what, sign, error] of refusals) {
      const response = await post(delivery, sign);
      expect(response.status, what).toBe(401);
      expect(await response.json(), what).toMatchObject({ error });
    }
    expect(await footprint(db, m.entry.id)).toEqual(before);
    // Logged without the signature or the secret.
    const lines = warnings.mock.calls.map((c) => String(c[0])).join("\n");
    expect(lines).toContain("inbound_webhook_refused");
    expect(lines).not.toContain(SECRET.slice(6, 20));
    expect(lines).not.toContain("v1,");
  });

  it("changes nothing, and logs why, for another entry's UID, someone not invited, someone answering for another, a forged address, an older SEQUENCE, a deleted and a cancelled entry", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const reply = (over: Partial<Parameters<typeof outlookReply>[0]> = {}) =>
      outlookReply({ entryId: m.entry.id, organizer: m.address, attendee: { email: m.anna.email, name: "Anna" }, partstat: "DECLINED", sequence: 0, ...over });
    const forged = m.address.replace(/[0-9a-f](?=@)/, (c) => (c === "0" ? "1" : "0"));
    const cases: [string, FakeInboundMail, string][] = [
      ["another entry's UID", { from: m.anna.email, to: [m.address], subject: "x", calendar: { content: reply({ entryId: m.other.id }) } }, "uid_mismatch"],
      [
        "not invited",
        { from: m.stranger.email, to: [m.address], subject: "x", calendar: { content: reply({ attendee: { email: m.stranger.email, name: "Piotr" } }) } },
        "attendee_not_invited",
      ],
      [
        "answering for the guest",
        { from: m.anna.email, to: [m.address], subject: "x", calendar: { content: reply({ attendee: { email: m.guestEmail, name: "Jan" } }) } },
        "attendee_not_sender",
      ],
      ["forged address", { from: m.anna.email, to: [forged], subject: "x", calendar: { content: reply() } }, "forged_address"],
      [
        "a newer SEQUENCE than the entry's",
        { from: m.anna.email, to: [m.address], subject: "x", calendar: { content: reply({ sequence: 4 }) } },
        "unknown_sequence",
      ],
    ];
    const before = await footprint(db, m.entry.id);
    const otherBefore = await footprint(db, m.other.id);
    for (const [what, mail, reason] of cases) {
      const { response, delivery } = await arrive(mail);
      expect(response.status, what).toBe(200);
      expect(loggedReasons(), what).toContainEqual(expect.objectContaining({ reason, emailId: delivery.emailId }));
    }
    expect(await footprint(db, m.entry.id)).toEqual(before);
    expect(await footprint(db, m.other.id)).toEqual(otherBefore);
    // Nothing of the mail itself is logged: no addresses, no reply address's check.
    const lines = warnings.mock.calls.map((c) => String(c[0])).filter((line) => line.startsWith("[inbound] "));
    expect(lines.join("\n")).not.toContain("@");

    // A new time: the REPLY to the first invitation is stale.
    await perform(
      db,
      m.organizer.viewer,
      moveEntry,
      moveEntryInput.parse({ id: m.entry.id, time: { allDay: false, start: "2027-05-10T11:00", end: "2027-05-10T12:00" } }),
    );
    const moved = await footprint(db, m.entry.id);
    const stale = await arrive({ from: m.anna.email, to: [m.address], subject: "x", calendar: { content: reply({ sequence: 0 }) } });
    expect(loggedReasons()).toContainEqual(
      expect.objectContaining({ reason: "stale_sequence", emailId: stale.delivery.emailId, sequence: 0, entrySequence: 1 }),
    );
    expect(await footprint(db, m.entry.id)).toEqual(moved);

    // An entry deleted since: its reply address still checks out, but there is nothing to answer.
    const gone = await perform(db, m.organizer.viewer, createEntry, createEntryInput.parse({ time, title: "Usunięte", attendeeIds: [m.anna.id] }));
    await db.delete(calendarEntries).where(eq(calendarEntries.id, gone.id));
    const deleted = await arrive({
      from: m.anna.email,
      to: [entryReplyAddress(gone.id)],
      subject: "x",
      calendar: { content: reply({ entryId: gone.id }) },
    });
    expect(loggedReasons()).toContainEqual(expect.objectContaining({ reason: "entry_not_found", entryId: gone.id, emailId: deleted.delivery.emailId }));

    await perform(db, m.organizer.viewer, cancelEntry, { id: m.entry.id });
    const cancelled = await footprint(db, m.entry.id);
    const late = await arrive({ from: m.anna.email, to: [m.address], subject: "x", calendar: { content: reply({ sequence: 1 }) } });
    expect(loggedReasons()).toContainEqual(expect.objectContaining({ reason: "entry_cancelled", emailId: late.delivery.emailId }));
    expect(await footprint(db, m.entry.id)).toEqual(cancelled);
  });

  it("forwards a person's reply (no calendar part) to the organiser, from Baton with Reply-To the person, once however often it is delivered", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const before = await footprint(db, m.entry.id);
    const mail: FakeInboundMail = {
      from: `Jan Recepcja <${m.guestEmail}>`,
      to: [m.address],
      subject: "Re: Zaproszenie: Negocjacje z hotelem",
      text: "Dzień dobry,\nczy możemy zacząć o 9:30?\n\nJan",
    };
    const delivery = webhookFor(await fake.receive(mail), mail);
    for (let i = 0; i < 2; i++) {
      const response = await post(delivery);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ outcomes: [{ result: "forwarded" }] });
    }
    const forwarded = fake.emails.filter((e) => e.to.includes(m.organizer.email));
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({
      from: "Baton <powiadomienia@baton.example>",
      subject: "Re: Re: Zaproszenie: Negocjacje z hotelem",
      replyTo: m.guestEmail,
    });
    expect(forwarded[0]!.text).toContain("czy możemy zacząć o 9:30?");
    expect(forwarded[0]!.text).toContain(`Jan Recepcja <${m.guestEmail}>`);
    expect(await footprint(db, m.entry.id)).toEqual(before);

    // An out-of-office answer is not forwarded (no loops, no noise).
    await arrive({ ...mail, headers: { "Auto-Submitted": "auto-replied" }, text: "Jestem na urlopie." });
    expect(fake.emails.filter((e) => e.to.includes(m.organizer.email))).toHaveLength(1);
    expect(loggedReasons()).toContainEqual(expect.objectContaining({ reason: "automatic" }));
  });

  it("records one answer when the same webhook is delivered twice", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const mail: FakeInboundMail = {
      from: m.guestEmail,
      to: [m.address],
      subject: "Tentative: Negocjacje z hotelem",
      calendar: {
        content: outlookReply({
          entryId: m.entry.id,
          organizer: m.address,
          attendee: { email: m.guestEmail, name: "Jan" },
          partstat: "TENTATIVE",
          sequence: 0,
        }),
        as: "both",
      },
    };
    const delivery = webhookFor(await fake.receive(mail), mail);
    expect((await post(delivery)).status).toBe(200);
    expect((await post(delivery)).status).toBe(200);
    expect(await answers(db, m.entry.id)).toHaveLength(1);
    expect(await answeredNotices(db, m.entry.id)).toHaveLength(1);
    const [guest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, m.entry.id));
    expect(guest!.response).toBe("tentative");
  });

  it("answers 502 when the received mail cannot be read, so Resend delivers again", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const before = await footprint(db, m.entry.id);
    const response = await post(webhookFor("00000000-0000-4000-8000-000000000000", { from: m.anna.email, to: [m.address], subject: "x" }));
    expect(response.status).toBe(502);
    expect(await footprint(db, m.entry.id)).toEqual(before);
  });
});
