import { execFileSync } from "node:child_process";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarEntryAttendees, calendarOccurrenceAnswers, moments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { deliverNow } from "@/lib/notify/jobs";
import { devMailboxEmail, devMailboxSms } from "@/lib/notify/providers/dev-mailbox";
import type { EmailSender } from "@/lib/notify/providers/email";
import { withCalendarSender } from "@/lib/notify/providers/email";
import { smtpSender } from "@/lib/notify/providers/smtp";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { outlookReply } from "@/lib/testing/outlook-reply";
import { perform, performedEffects } from "@/lib/testing/perform";
import { reconcileMoments } from "@/lib/timelines/reconcile";
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from "@/lib/testing/smtp-catcher";
import { answerEntryAction } from "./actions";
import { answerEntry, createEntry } from "./commands";
import { receiveInboundMail } from "./inbound-reply";
import { entryUid } from "./invitation-ics";
import { changeOccurrence, deleteOccurrence } from "./occurrences";
import { entryReplyAddress } from "./reply-address";
import { changeOccurrenceInput, createEntryInput, deleteOccurrenceInput } from "./schema";

/**
 * Invitations to a series, read as mail clients read them: ical.js (Thunderbird's parser) and
 * node-ical expand the series REQUEST in fresh Node processes whose own zone is `zone`, and read
 * an occurrence's REQUEST or CANCEL by its RECURRENCE-ID. A parser leaning on the process zone
 * would disagree between UTC and New York.
 */
const READ_SERIES = `
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import ical from "node-ical";
const read = (text) => {
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent"));
const icalStarts = [];
if (event.isRecurring()) {
  const it = event.iterator();
  for (let next = it.next(); next && icalStarts.length < 20; next = it.next()) icalStarts.push(next.toJSDate().toISOString());
}
const node = Object.values(ical.sync.parseICS(text)).find((c) => c.type === "VEVENT");
const nodeStarts = node.rrule
  ? ical.expandRecurringEvent(node, { from: new Date("2027-01-01T00:00:00Z"), to: new Date("2028-01-01T00:00:00Z") }).map((i) => i.start.toISOString())
  : [];
return {
  processZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  method: calendar.getFirstPropertyValue("method"),
  uid: event.uid,
  sequence: event.sequence,
  start: event.startDate.toJSDate().toISOString(),
  recurrenceId: event.recurrenceId ? event.recurrenceId.toJSDate().toISOString() : null,
  icalStarts,
  node: { uid: node.uid, start: node.start.toISOString(), recurrenceId: node.recurrenceid ? new Date(node.recurrenceid).toISOString() : null, starts: nodeStarts },
};
};
console.log(JSON.stringify(JSON.parse(readFileSync(0, "utf8")).map(read)));
`;

interface SeriesReading {
  processZone: string;
  method: string;
  uid: string;
  sequence: number;
  start: string;
  recurrenceId: string | null;
  icalStarts: string[];
  node: { uid: string; start: string; recurrenceId: string | null; starts: string[] };
}

/** Several calendar parts read in one fresh process (one Node start per zone, not per part). */
function readAllUnder(zone: string, texts: string[]): SeriesReading[] {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", READ_SERIES], {
    input: JSON.stringify(texts),
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  return JSON.parse(out) as SeriesReading[];
}

function readUnder(zone: string, text: string): SeriesReading {
  return readAllUnder(zone, [text])[0]!;
}

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
});
afterAll(() => smtp.close());

async function sent<I>(db: Db, viewer: Viewer, command: (work: Work<Viewer>, input: I) => Promise<{ id: string }>, input: I) {
  const before = smtp.mails.length;
  const result = await perform(db, viewer, command, input);
  const ids = performedEffects()
    .at(-1)!
    .flatMap((e) => (e.kind === "notify" ? e.ids : []));
  const email = withCalendarSender(devMailboxEmail(db), smtpSender({ url: smtp.url, from: "Baton <powiadomienia@baton.example>" }));
  await deliverNow({ db, providers: { email, sms: devMailboxSms(db), push: null }, appUrl: "https://baton.example.com" }, ids);
  return { id: result.id, mails: smtp.mails.slice(before) };
}

function calendarText(mail: CaughtMail): string {
  return mail.parsed.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8");
}

// Mondays 09:00 Warsaw, five times, across the spring change: 08:00Z, then 07:00Z.
const MONDAYS: readonly string[] = [
  "2027-03-22T08:00:00.000Z",
  "2027-03-29T07:00:00.000Z",
  "2027-04-05T07:00:00.000Z",
  "2027-04-12T07:00:00.000Z",
  "2027-04-19T07:00:00.000Z",
];

async function weekly(db: Db) {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw", locale: "pl" });
  const anna = await makeUser(db, { name: "Anna Kowalska", timeZone: "America/New_York", locale: "en" });
  const stranger = await makeUser(db, { name: "Piotr Obcy", timeZone: "Europe/Warsaw" });
  const guest = `priya.${organizer.id.slice(0, 8)}@partner.example`;
  const input = createEntryInput.parse({
    time: { allDay: false, start: "2027-03-22T09:00", end: "2027-03-22T10:00" },
    title: "Zespół",
    attendeeIds: [anna.id],
    guests: [{ email: guest, name: "Priya Shah", locale: "en", timeZone: "Asia/Kolkata" }],
    repeat: { frequency: "weekly", weekdays: ["MO"], ends: { kind: "afterCount", count: 5 } },
  });
  return { organizer, anna, stranger, guest, input };
}

describe("invitations to a series", () => {
  it("sends one REQUEST with RRULE in the series' zone, RECURRENCE-ID for one occurrence's CANCEL and REQUEST, and EXDATE once one is cancelled", async () => {
    const db = await testDb();
    const { organizer, anna, guest, input } = await weekly(db);
    const created = await sent(db, organizer.viewer, createEntry, input);
    expect(created.mails.map((m) => m.to[0]).sort()).toEqual([anna.email, guest].sort());
    // Every calendar part of the four changes, each read by both parsers under both process zones.
    const checks: { text: string; expect: (read: SeriesReading) => void }[] = [];
    for (const mail of created.mails) {
      const text = calendarText(mail);
      // The series' own zone, whatever the reader's: the rule repeats Warsaw's wall clock.
      expect(text).toContain("DTSTART;TZID=Europe/Warsaw:20270322T090000\r\n");
      expect(text).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5\r\n");
      checks.push({
        text,
        expect: (read) => {
          expect(read).toMatchObject({ method: "REQUEST", uid: entryUid(created.id), sequence: 0, recurrenceId: null, icalStarts: MONDAYS });
          expect(read.node.starts).toEqual(MONDAYS);
        },
      });
    }

    // One occurrence cancelled: a CANCEL for it alone, above the series' SEQUENCE.
    const cancelled = await sent(
      db,
      organizer.viewer,
      deleteOccurrence,
      deleteOccurrenceInput.parse({ id: created.id, recurrenceId: MONDAYS[2], scope: "one" }),
    );
    expect(cancelled.mails).toHaveLength(2);
    for (const mail of cancelled.mails) {
      const text = calendarText(mail);
      expect(text).toContain("RECURRENCE-ID;TZID=Europe/Warsaw:20270405T090000\r\n");
      expect(text).not.toContain("RRULE:FREQ=WEEKLY");
      checks.push({
        text,
        expect: (read) => {
          expect(read).toMatchObject({ method: "CANCEL", uid: entryUid(created.id), sequence: 1, recurrenceId: MONDAYS[2], start: MONDAYS[2] });
          expect(read.node.recurrenceId).toBe(MONDAYS[2]);
        },
      });
    }

    // One occurrence moved an hour later: a REQUEST for it with its RECURRENCE-ID and its own SEQUENCE.
    const moved = await sent(
      db,
      organizer.viewer,
      changeOccurrence,
      changeOccurrenceInput.parse({
        id: created.id,
        recurrenceId: MONDAYS[3],
        scope: "one",
        time: { allDay: false, start: "2027-04-12T10:00", end: "2027-04-12T11:00" },
      }),
    );
    expect(moved.mails).toHaveLength(2);
    for (const mail of moved.mails) {
      checks.push({
        text: calendarText(mail),
        expect: (read) =>
          expect(read).toMatchObject({
            method: "REQUEST",
            uid: entryUid(created.id),
            sequence: 1,
            recurrenceId: MONDAYS[3],
            start: "2027-04-12T08:00:00.000Z",
          }),
      });
    }

    // The whole series retitled: the series REQUEST again, with EXDATE for the cancelled Monday.
    const retitled = await sent(
      db,
      organizer.viewer,
      changeOccurrence,
      changeOccurrenceInput.parse({
        id: created.id,
        recurrenceId: MONDAYS[0],
        scope: "all",
        title: "Zespół – plan",
        time: { allDay: false, start: "2027-03-22T09:00", end: "2027-03-22T10:00" },
      }),
    );
    expect(retitled.mails).toHaveLength(2);
    const left = MONDAYS.filter((m) => m !== MONDAYS[2]);
    for (const mail of retitled.mails) {
      const text = calendarText(mail);
      expect(text).toContain("EXDATE;TZID=Europe/Warsaw:20270405T090000\r\n");
      checks.push({
        text,
        expect: (read) => {
          expect(read).toMatchObject({ method: "REQUEST", sequence: 1, icalStarts: left });
          expect(read.node.starts).toEqual(left);
        },
      });
    }

    for (const zone of ["UTC", "America/New_York"]) {
      const readings = readAllUnder(
        zone,
        checks.map((c) => c.text),
      );
      expect(readings).toHaveLength(8);
      readings.forEach((read, i) => {
        expect(read.processZone).toBe(zone);
        checks[i]!.expect(read);
      });
    }
  }, 120_000);

  it("ends the old series with UNTIL and invites everyone to the new one (a new UID) on 'this and following'", async () => {
    const db = await testDb();
    const { organizer, anna, input } = await weekly(db);
    const created = await perform(db, organizer.viewer, createEntry, input);
    const split = await sent(
      db,
      organizer.viewer,
      changeOccurrence,
      changeOccurrenceInput.parse({
        id: created.id,
        recurrenceId: MONDAYS[3],
        scope: "following",
        time: { allDay: false, start: "2027-04-12T11:00", end: "2027-04-12T12:00" },
      }),
    );
    const toAnna = split.mails.filter((m) => m.to[0] === anna.email).map((m) => readUnder("UTC", calendarText(m)));
    expect(toAnna).toHaveLength(2);
    const old = toAnna.find((r) => r.uid === entryUid(created.id))!;
    expect(old).toMatchObject({ method: "REQUEST", sequence: 1, icalStarts: MONDAYS.slice(0, 3) });
    const fresh = toAnna.find((r) => r.uid === entryUid(split.id))!;
    expect(split.id).not.toBe(created.id);
    expect(fresh).toMatchObject({ method: "REQUEST", sequence: 0, icalStarts: ["2027-04-12T09:00:00.000Z", "2027-04-19T09:00:00.000Z"] });
    const invited = await db.select({ userId: calendarEntryAttendees.userId }).from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, split.id));
    expect(invited).toEqual([{ userId: anna.id }]);
  });
});

describe("answers to one occurrence", () => {
  const noSender: EmailSender = {
    name: "disabled",
    send() {
      throw new Error("no e-mail is forwarded in these tests");
    },
  };

  it("records a mail client's REPLY with RECURRENCE-ID for that occurrence alone; a moved occurrence asks again", async () => {
    const db = await testDb();
    const { organizer, anna, input } = await weekly(db);
    const created = await perform(db, organizer.viewer, createEntry, input);
    await perform(db, anna.viewer, answerEntry, { entryId: created.id, response: "accepted" });
    // Anna's Outlook declines Monday 29 March (09:00 Warsaw summer time, 07:00Z).
    const reply = outlookReply({
      entryId: created.id,
      organizer: entryReplyAddress(created.id),
      attendee: { email: anna.email, name: anna.name },
      partstat: "DECLINED",
      sequence: 0,
      recurrenceId: "20270329T090000",
    });
    const mail = {
      id: `in-${created.id}`,
      from: anna.email,
      recipients: [entryReplyAddress(created.id)],
      subject: "Declined",
      text: null,
      calendars: [reply],
      headers: {},
    };
    const outcomes = await receiveInboundMail(db, mail, { sender: noSender, appUrl: "https://baton.example.com", now: new Date("2027-03-01T10:00:00Z") });
    expect(outcomes).toMatchObject([{ result: "answered", response: "declined" }]);
    const answers = () =>
      db
        .select({
          recurrenceId: calendarOccurrenceAnswers.recurrenceId,
          response: calendarOccurrenceAnswers.response,
          via: calendarOccurrenceAnswers.answeredVia,
        })
        .from(calendarOccurrenceAnswers)
        .where(and(eq(calendarOccurrenceAnswers.entryId, created.id), eq(calendarOccurrenceAnswers.userId, anna.id)))
        .orderBy(asc(calendarOccurrenceAnswers.recurrenceId));
    expect(await answers()).toEqual([{ recurrenceId: new Date(MONDAYS[1]!), response: "declined", via: "mail_reply" }]);
    const [series] = await db
      .select({ response: calendarEntryAttendees.response })
      .from(calendarEntryAttendees)
      .where(eq(calendarEntryAttendees.entryId, created.id));
    expect(series).toEqual({ response: "accepted" });

    // A REPLY for a Monday the rule does not make changes nothing.
    const wrong = { ...mail, id: `in2-${created.id}`, calendars: [reply.replace("20270329T090000", "20270330T090000")] };
    const refused = await receiveInboundMail(db, wrong, { sender: noSender, appUrl: "https://baton.example.com", now: new Date("2027-03-01T10:00:00Z") });
    expect(refused).toMatchObject([{ result: "ignored", reason: "occurrence_not_found" }]);

    // Moving another Monday on its own asks everyone again for it; the declined one keeps its answer.
    await perform(
      db,
      organizer.viewer,
      changeOccurrence,
      changeOccurrenceInput.parse({
        id: created.id,
        recurrenceId: MONDAYS[3],
        scope: "one",
        time: { allDay: false, start: "2027-04-12T12:00", end: "2027-04-12T13:00" },
      }),
    );
    expect(await answers()).toEqual([
      { recurrenceId: new Date(MONDAYS[1]!), response: "declined", via: "mail_reply" },
      { recurrenceId: new Date(MONDAYS[3]!), response: "needs_action", via: null },
    ]);
  });

  it("lets only the attendee answer their occurrence: a stranger is refused and nothing is written", async () => {
    const db = await testDb();
    const { organizer, stranger, input } = await weekly(db);
    const created = await perform(db, organizer.viewer, createEntry, input);
    actAs(stranger.viewer);
    const refused = await answerEntryAction({ entryId: created.id, response: "declined", recurrenceId: MONDAYS[1] });
    expect(refused.ok).toBe(false);
    actAs(organizer.viewer);
    const owner = await answerEntryAction({ entryId: created.id, response: "declined", recurrenceId: MONDAYS[1] });
    expect(owner).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.select().from(calendarOccurrenceAnswers).where(eq(calendarOccurrenceAnswers.entryId, created.id))).toEqual([]);
  });

  it("reminds each attendee of each occurrence they have not declined, within a horizon that moves on as reminders fire", async () => {
    const db = await testDb();
    const { organizer, anna, input } = await weekly(db);
    // Three weeks before the first Monday, the horizon (35 days, to 5 April 06:00Z) reaches the first two.
    const early = { now: new Date("2027-03-01T06:00:00Z") };
    const created = await perform(db, organizer.viewer, createEntry, { ...input, reminders: [{ type: "before", offsetMinutes: 15, channel: null }] }, early);
    const remindedAt = async (userId: string) =>
      (
        await db
          .select({ at: moments.at })
          .from(moments)
          .where(and(eq(moments.itemId, created.id), eq(moments.recipientId, userId), eq(moments.kind, "reminder")))
          .orderBy(asc(moments.at))
      ).map((m) => m.at.toISOString());
    const before = (iso: string | undefined) => new Date(Date.parse(iso!) - 15 * 60_000).toISOString();
    expect(await remindedAt(organizer.id)).toEqual(MONDAYS.slice(0, 2).map(before));

    // The first reminder fires: the timeline is written again from then, reaching every Monday.
    await reconcileMoments(db, new Date("2027-03-22T07:46:00Z"));
    expect(await remindedAt(organizer.id)).toEqual(MONDAYS.map(before));

    // Anna declines Monday 29 March only; then declines the series and accepts 12 April.
    const later = { now: new Date("2027-03-22T09:30:00Z") };
    await perform(db, anna.viewer, answerEntry, { entryId: created.id, response: "declined", recurrenceId: MONDAYS[1] }, later);
    expect(await remindedAt(anna.id)).toEqual([MONDAYS[0], ...MONDAYS.slice(2)].map(before));
    await perform(db, anna.viewer, answerEntry, { entryId: created.id, response: "declined" }, later);
    await perform(db, anna.viewer, answerEntry, { entryId: created.id, response: "accepted", recurrenceId: MONDAYS[3] }, later);
    expect(await remindedAt(anna.id)).toEqual([MONDAYS[0], MONDAYS[3]].map(before));
    expect(await remindedAt(organizer.id)).toEqual(MONDAYS.map(before));
  });
});
