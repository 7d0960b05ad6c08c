import { createTranslator } from "next-intl";
import { SegmentedMessage } from "sms-segments-calculator";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { PHONE_CODE_RULES } from "@/lib/org/phone-verification";
import { composeSms, type Recipient } from "./compose";
import { notice } from "./notice";
import { noticeKeys, type NoticeKey, type NoticePayload } from "./registry";
import { isGsm7, isGsm7Char, toGsm7 } from "./sms/gsm7";
import { smsSize } from "./sms/segments";

// 200 characters of the worst a title holds: Polish letters, typographic dashes and quotes, emoji.
const LONG = "Przegląd pieców konwekcyjno–parowych „Rational” · żółć źdźbła 🔥 ŁÓDŹ — ŚWIĘTOKRZYSKIE… ".repeat(4).slice(0, 200);
const NAME = "Małgorzata Żaneta Woźniak-Świętochowska";
const TASK = "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11";
const DUE = "2026-12-03T08:00:00.000Z";
const task = {
  taskId: TASK,
  taskNumber: 1_234_567,
  title: LONG,
  priority: "urgent",
  version: 3,
  actor: NAME,
  assignee: NAME,
  previous: NAME,
  comment: LONG,
  dueAt: DUE,
} as const;
const moment = {
  taskId: TASK,
  taskNumber: 1_234_567,
  title: LONG,
  priority: "urgent",
  momentKey: `moment:${TASK}:v3:reminder:-60`,
  momentAt: "2026-12-03T07:00:00.000Z",
  channel: "sms",
  assignee: NAME,
  dueAt: DUE,
} as const;

const ENTRY = "c3a1f0e2-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const entry = {
  entryId: ENTRY,
  title: LONG,
  location: LONG,
  time: { allDay: false, start: DUE, end: "2026-12-03T09:00:00.000Z" },
  version: 1_234_567,
  owner: NAME,
  actor: NAME,
} as const;

/** A long sample of every kind: a kind added to the registry without one fails the typecheck here. */
const LONG_SAMPLES: { [K in NoticeKey]: NoticePayload<K> } = {
  "task.assigned": task,
  "task.unassigned": task,
  "task.reassigned": task,
  "task.completed": task,
  "task.awaitingAcceptance": task,
  "task.returned": task,
  "task.accepted": task,
  "task.cancelled": task,
  "task.reopened": task,
  "task.watchedStatus": { ...task, from: "awaiting_acceptance", to: "in_progress" },
  "task.watchedComment": { ...task, commentId: 1_234_567, comment: LONG },
  "task.mentioned": { ...task, commentId: 1_234_567, comment: LONG },
  "task.batch": {
    batchKey: "3f2a",
    actor: NAME,
    priority: "urgent",
    lines: [1_234_567, 1_234_568, 1_234_569].map((n) => ({
      kind: "reassigned" as const,
      taskId: task.taskId,
      taskNumber: n,
      title: LONG,
      priority: "urgent" as const,
      version: 3,
      assignee: NAME,
      previous: NAME,
    })),
  },
  "reminder.task": { ...moment, snoozed: true },
  "task.overdue": { ...moment, audience: "delegator" },
  "task.escalated": { ...moment, level: 2 },
  "case.assigned": {
    caseId: "2b9d1c3e-0c8e-4d1e-9a57-4f3b2a1c0d99",
    caseNumber: 1_234_567,
    title: LONG,
    client: "Przedsiębiorstwo Handlowo-Usługowe „Żuraw” sp. z o.o.",
    priority: "urgent",
    actor: NAME,
    // A hand-over: its SMS says more than a new case's.
    previous: NAME,
    assignedAt: "2026-12-01T10:00:00.000Z",
    dueAt: DUE,
  },
  "case.unassigned": {
    caseId: "2b9d1c3e-0c8e-4d1e-9a57-4f3b2a1c0d99",
    caseNumber: 1_234_567,
    title: LONG,
    client: "Przedsiębiorstwo Handlowo-Usługowe „Żuraw” sp. z o.o.",
    priority: "urgent",
    actor: NAME,
    owner: NAME,
    assignedAt: "2026-12-01T10:00:00.000Z",
  },
  "auth.failedSignIns": { failures: 1000, since: "2026-12-01T10:00:00.000Z", at: "2026-12-01T10:05:00.000Z", until: "2026-12-01T10:20:00.000Z" },
  "auth.passwordReset": { at: "2026-12-01T10:05:00.000Z" },
  "calendar.invited": entry,
  "calendar.rescheduled": { ...entry, previous: entry.time },
  "calendar.cancelled": entry,
  "calendar.removed": { ...entry, canOpen: true },
  "calendar.answered": { ...entry, attendee: NAME, response: "tentative" },
  "calendar.changedForYou": { ...entry, change: "cancelled", previous: entry.time },
  "invitation.updated": entry,
  "invitation.withdrawn": entry,
  "calendar.reminder": {
    entryId: ENTRY,
    title: LONG,
    location: LONG,
    time: entry.time,
    momentKey: `reminder:entry:${ENTRY}:u:2026-12-03T07:45:00.000Z:sms`,
    momentAt: "2026-12-03T07:45:00.000Z",
    channel: "sms",
  },
  "resource.bookingCancelled": {
    bookingId: ENTRY,
    resourceId: TASK,
    resource: LONG,
    start: DUE,
    end: "2026-12-03T09:00:00.000Z",
    purpose: LONG,
    reason: "retired",
    actor: NAME,
  },
  "resource.seriesDatesSkipped": {
    entryId: ENTRY,
    title: LONG,
    resourceId: TASK,
    resource: LONG,
    count: 3,
    dates: [
      { start: DUE, end: "2027-03-29T08:00:00.000Z", title: LONG, owner: NAME, reason: "taken" },
      { start: "2027-04-05T07:00:00.000Z", end: "2027-04-05T08:00:00.000Z", title: null, owner: null, reason: "taken" },
    ],
    horizon: "2027-12-06T23:00:00.000Z",
  },
};

const APP_URL = "https://baton.przyklad-firmy.example.com";
const readers: Recipient[] = [
  { email: "a@test.example", phone: "+48601234567", locale: "pl", timeZone: "Europe/Warsaw" },
  { email: "b@test.example", phone: "+48601234567", locale: "en", timeZone: "America/New_York" },
];

function sms(key: NoticeKey, reader: Recipient, gsm7: boolean): string {
  const row = notice(key, LONG_SAMPLES[key], { id: "5d7c2a10-1111-4222-8333-444455556666", locale: reader.locale, timeZone: reader.timeZone });
  return composeSms(
    { id: TASK, kind: row.kind, priority: row.priority!, title: row.title, body: row.body ?? "", link: row.link ?? null, payload: row.payload! },
    reader,
    APP_URL,
    {
      gsm7,
    },
  );
}

/** Counted by Twilio's calculator, which is what Twilio bills. */
function segments(text: string): number {
  return new SegmentedMessage(text).segmentsCount;
}

describe("every SMS Baton sends is one segment", () => {
  it("has a long sample for every kind", () => {
    expect(noticeKeys().sort()).toEqual(Object.keys(LONG_SAMPLES).sort());
  });

  for (const key of Object.keys(LONG_SAMPLES) as NoticeKey[]) {
    for (const reader of readers) {
      for (const gsm7 of [true, false]) {
        it(`${key} in ${reader.locale}, GSM-7 setting ${gsm7 ? "on" : "off"}, with a 200-character title`, () => {
          const text = sms(key, reader, gsm7);
          expect(segments(text), text).toBe(1);
          expect(text.startsWith("Baton: ")).toBe(true);
          expect(text.isWellFormed()).toBe(true);
          if (gsm7) expect(isGsm7(text), text).toBe(true);
          if (key.startsWith("calendar.") || key.startsWith("invitation.") || key === "resource.seriesDatesSkipped") {
            // Entries have no number: the link to the entry is the SMS's anchor (a series' skipped dates too).
            expect(text).toMatch(new RegExp(` ${APP_URL.replace(/\./g, "\\.")}/calendar/entries/${ENTRY}$`));
          } else if (key.startsWith("resource.")) {
            // Bookings have no number either: the link to the resource's calendar is the anchor.
            expect(text).toMatch(new RegExp(` ${APP_URL.replace(/\./g, "\\.")}/resources/${TASK}$`));
          } else if (key === "task.batch") {
            // Several tasks: the numbers, and a link to the list they are on.
            expect(text).toContain("#1234567");
            expect(text).toMatch(new RegExp(` ${APP_URL.replace(/\./g, "\\.")}/tasks(/delegated)?$`));
          } else if (!key.startsWith("auth.")) {
            // What and which number, and a short link to the item.
            expect(text).toContain("#1234567");
            expect(text).toMatch(new RegExp(` ${APP_URL.replace(/\./g, "\\.")}/[tc]/1234567$`));
          }
        });
      }
    }
  }

  it("says what, who and when and keeps the title when there is room", () => {
    const pl = readers[0]!;
    const row = notice(
      "task.assigned",
      { ...task, taskNumber: 18, title: "Przegląd pieców w kuchni", actor: "Marta Woźniak" },
      { id: "5d7c2a10-1111-4222-8333-444455556666", locale: "pl", timeZone: "Europe/Warsaw" },
    );
    const n = { id: TASK, kind: row.kind, priority: row.priority!, title: row.title, body: "", link: row.link ?? null, payload: row.payload! };
    expect(composeSms(n, pl, "https://baton.example.com", { gsm7: true })).toBe(
      "Baton: nowe zadanie #18 od M. Wozniak, termin 03.12 09:00: Przeglad piecow w kuchni https://baton.example.com/t/18",
    );
    // Kept as UCS-2, the same SMS has 70 characters: the title and the name go, what and when stay.
    const kept = composeSms(n, pl, "https://baton.example.com", { gsm7: false });
    expect(kept).toBe("Baton: nowe zadanie #18, termin 03.12 09:00 https://baton.example.com/t/18");
  });

  it("sends the phone verification code in one segment in both languages, with and without Polish letters", () => {
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: messages[locale], namespace: "settings.phoneVerification" });
      const text = t("sms", { code: "123456", minutes: PHONE_CODE_RULES.validForMs / 60_000 });
      expect(segments(text), text).toBe(1);
      expect(segments(toGsm7(text))).toBe(1);
      expect(isGsm7(toGsm7(text))).toBe(true);
    }
  });
});

describe("GSM-7", () => {
  it("counts segments as Twilio does: 160 GSM-7 characters, extension ones twice, 70 UCS-2 units", () => {
    expect(smsSize("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1 });
    expect(smsSize("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2 });
    expect(smsSize("€".repeat(80)).segments).toBe(1);
    expect(smsSize("€".repeat(81)).segments).toBe(2);
    expect(smsSize("ą".repeat(70))).toEqual({ encoding: "UCS-2", segments: 1 });
    expect(smsSize("ą".repeat(71)).segments).toBe(2);
    expect(smsSize("🔥".repeat(35)).segments).toBe(1);
    expect(smsSize("🔥".repeat(36)).segments).toBe(2);
  });

  it("agrees with Twilio's calculator on which characters are GSM-7", () => {
    for (let code = 0x20; code < 0x2100; code++) {
      const char = String.fromCodePoint(code);
      expect(isGsm7Char(char), `U+${code.toString(16)}`).toBe(new SegmentedMessage(char).encodingName === "GSM-7");
    }
  });

  it("transliterates Polish letters and typography, and drops what has no GSM-7 form", () => {
    expect(toGsm7("Zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ")).toBe("Zazolc gesla jazn ZAZOLC GESLA JAZN");
    expect(toGsm7("„Rational” – ‘piec’ — 3…5 · ok")).toBe("\"Rational\" - 'piec' - 3...5 - ok");
    expect(toGsm7("Čeština naïve 🔥 done")).toBe("Cestina naive done");
    expect(toGsm7("Müller Ñandú é à")).toBe("Müller Ñandú é à".replace("ú", "u"));
  });
});
