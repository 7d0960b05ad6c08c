import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { deliverNow } from "@/lib/notify/jobs";
import { devMailboxEmail, devMailboxSms } from "@/lib/notify/providers/dev-mailbox";
import { withCalendarSender } from "@/lib/notify/providers/email";
import { smtpSender } from "@/lib/notify/providers/smtp";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform, performedEffects } from "@/lib/testing/perform";
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from "@/lib/testing/smtp-catcher";
import { createEntry, moveEntry } from "./commands";
import { entryUid } from "./invitation-ics";
import { createEntryInput, moveEntryInput } from "./schema";

/**
 * What two independent parsers read in an invitation's calendar part, each in a fresh Node whose
 * process zone is `zone`: ical.js (Thunderbird's) and node-ical. Both turn DTSTART;TZID=… into an
 * instant; a parser, or a VTIMEZONE, that leaned on the process zone would disagree across zones.
 */
const READ_BOTH = `
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import ical from "node-ical";
const text = readFileSync(0, "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent"));
const parsed = Object.values(ical.sync.parseICS(text));
const node = parsed.find((c) => c.type === "VEVENT");
const attendees = [node.attendee].flat().map((a) => [String(a.val).toLowerCase(), a.params.PARTSTAT, String(a.params.RSVP).toUpperCase()]);
console.log(JSON.stringify({
  processZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  icaljs: { method: calendar.getFirstPropertyValue("method"), uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() },
  nodeIcal: { method: parsed.find((c) => c.type === "VCALENDAR")?.method ?? null, uid: node.uid, sequence: Number(node.sequence), start: node.start.toISOString(), end: node.end.toISOString(), tz: node.start.tz, attendees },
}));
`;

interface Reading {
  processZone: string;
  icaljs: { method: string; uid: string; sequence: number; start: string; end: string };
  nodeIcal: { method: string | null; uid: string; sequence: number; start: string; end: string; tz: string; attendees: [string, string, string][] };
}

function readUnder(zone: string, calendar: string): Reading {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", READ_BOTH], {
    input: calendar,
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  return JSON.parse(out) as Reading;
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

function calendarPart(mail: CaughtMail): { text: string; method: string | undefined } {
  const part = mail.parsed.attachments.find((a) => a.contentType === "text/calendar")!;
  const type = part.headers.get("content-type") as { params: Record<string, string> };
  return { text: part.content.toString("utf8"), method: type.params.method };
}

describe("an invitation's calendar part, read by ical.js and node-ical under TZ=UTC and TZ=America/New_York", () => {
  it("gives every reader the same instants, UID, SEQUENCE and METHOD, before and after a reschedule", async () => {
    const db = await testDb();
    const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw", locale: "pl" });
    const anna = await makeUser(db, { name: "Anna Kowalska", timeZone: "America/New_York", locale: "en" });
    const guest = `priya.${organizer.id.slice(0, 8)}@partner.example`;
    // The day Warsaw moves its clocks forward, while New York already has: 09:00 Warsaw is 07:00Z.
    const created = await sent(
      db,
      organizer.viewer,
      createEntry,
      createEntryInput.parse({
        time: { allDay: false, start: "2027-03-28T09:00", end: "2027-03-28T10:30" },
        title: "Negocjacje z hotelem",
        location: "Kraków",
        attendeeIds: [anna.id],
        guests: [{ email: guest, name: "Priya Shah", locale: "en", timeZone: "Asia/Kolkata" }],
      }),
    );
    expect(created.mails.map((m) => m.to[0]).sort()).toEqual([anna.email, guest].sort());
    const wallClock = { [anna.email]: "America/New_York:20270328T030000", [guest]: "Asia/Kolkata:20270328T123000" };
    for (const mail of created.mails) {
      const { text, method } = calendarPart(mail);
      expect(text).toContain(`DTSTART;TZID=${wallClock[mail.to[0]!]}`);
      for (const zone of ["UTC", "America/New_York"]) {
        const read = readUnder(zone, text);
        expect(read.processZone).toBe(zone);
        for (const parser of [read.icaljs, read.nodeIcal]) {
          expect(parser).toMatchObject({ method, uid: entryUid(created.id), sequence: 0, start: "2027-03-28T07:00:00.000Z", end: "2027-03-28T08:30:00.000Z" });
        }
        expect(read.nodeIcal.attendees).toContainEqual([`mailto:${mail.to[0]}`, "NEEDS-ACTION", "TRUE"]);
      }
    }
    // The notes quote one invitation exactly as it left: run this file with INVITATION_SAMPLE=<path>.
    if (process.env.INVITATION_SAMPLE) writeFileSync(process.env.INVITATION_SAMPLE, created.mails.find((m) => m.to[0] === anna.email)!.raw);

    const moved = await sent(
      db,
      organizer.viewer,
      moveEntry,
      moveEntryInput.parse({ id: created.id, time: { allDay: false, start: "2027-11-08T09:00", end: "2027-11-08T10:00" } }),
    );
    expect(moved.mails).toHaveLength(2);
    for (const mail of moved.mails) {
      const { text, method } = calendarPart(mail);
      for (const zone of ["UTC", "America/New_York"]) {
        const read = readUnder(zone, text);
        for (const parser of [read.icaljs, read.nodeIcal]) {
          expect(parser).toMatchObject({ method, uid: entryUid(created.id), sequence: 1, start: "2027-11-08T08:00:00.000Z", end: "2027-11-08T09:00:00.000Z" });
        }
      }
    }
  });
});
