import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { composeEmail, composePush, composeSms, type OutgoingNotification, type Recipient } from "./compose";
import { notice } from "./notice";
import { kindOf, noticeKeys, type NoticeKey, type NoticePayload } from "./registry";
import { renderNotice } from "./render";

const TASK = "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11";
const CASE = "2b9d1c3e-0c8e-4d1e-9a57-4f3b2a1c0d99";
const DUE = "2026-03-29T07:00:00.000Z";
const task = { taskId: TASK, taskNumber: 12, title: "Przegląd pieca Rational", priority: "high", version: 3, actor: "Tomasz Nowak", dueAt: DUE } as const;
const ENTRY = "c3a1f0e2-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
const entry = {
  entryId: ENTRY,
  title: "Przegląd kwartalny",
  location: "Sala 2",
  time: { allDay: false, start: DUE, end: "2026-03-29T08:00:00.000Z" },
  version: 4,
  owner: "Tomasz Nowak",
  actor: "Magdalena Wójcik",
} as const;
const moment = {
  taskId: TASK,
  taskNumber: 12,
  title: "Przegląd pieca Rational",
  priority: "urgent",
  momentKey: `moment:${TASK}:v3:reminder:-60`,
  momentAt: "2026-03-29T06:00:00.000Z",
  channel: null,
  assignee: "Jan Kowalski",
  dueAt: DUE,
} as const;

/** A sample payload per kind: a kind added to the registry without one fails the typecheck here. */
const SAMPLES: { [K in NoticeKey]: NoticePayload<K> } = {
  "task.assigned": task,
  "task.unassigned": { ...task, assignee: "Anna Wiśniewska" },
  "task.reassigned": { ...task, assignee: "Anna Wiśniewska", previous: "Jan Kowalski" },
  "task.completed": task,
  "task.awaitingAcceptance": task,
  "task.returned": { ...task, comment: "Brak protokołu" },
  "task.accepted": task,
  "task.cancelled": { ...task, comment: "Klient zrezygnował" },
  "task.reopened": task,
  "task.watchedStatus": { ...task, from: "in_progress", to: "awaiting_acceptance" },
  "task.watchedComment": { ...task, commentId: 41, comment: "Proszę o zdjęcie tabliczki <b>znamionowej</b>" },
  "task.mentioned": { ...task, commentId: 41, comment: "@Anna Wiśniewska, potwierdzisz termin?" },
  "task.batch": {
    batchKey: "3f2a",
    actor: "Tomasz Nowak",
    priority: "urgent",
    lines: [
      { kind: "assigned", taskId: task.taskId, taskNumber: 12, title: "Przegląd pieca Rational", priority: "urgent", version: 3 },
      { kind: "unassigned", taskId: task.taskId, taskNumber: 13, title: "Wymiana uszczelki", priority: "normal", version: 2, assignee: "Anna Wiśniewska" },
    ],
  },
  "reminder.task": { ...moment, snoozed: true },
  "task.overdue": { ...moment, audience: "delegator" },
  "task.escalated": { ...moment, level: 2 },
  "case.assigned": {
    caseId: CASE,
    caseNumber: 7,
    title: "Awaria zmywarki",
    client: "Polmet",
    priority: "normal",
    actor: "Ewa Zielińska",
    assignedAt: "2026-03-28T10:00:00.000Z",
    dueAt: DUE,
  },
  "case.unassigned": {
    caseId: CASE,
    caseNumber: 7,
    title: "Awaria zmywarki",
    client: "Polmet",
    priority: "normal",
    actor: "Joanna Kozłowska",
    owner: "Paweł Krawczyk",
    assignedAt: "2026-03-28T10:00:00.000Z",
  },
  "auth.failedSignIns": { failures: 10, since: "2026-03-28T10:00:00.000Z", at: "2026-03-28T10:05:00.000Z", until: "2026-03-28T10:20:00.000Z" },
  "auth.passwordReset": { at: "2026-03-28T10:05:00.000Z" },
  "calendar.invited": entry,
  "calendar.rescheduled": { ...entry, previous: { allDay: false, start: "2026-03-27T08:00:00.000Z", end: "2026-03-27T09:00:00.000Z" } },
  "calendar.cancelled": { ...entry, time: { allDay: true, startDate: "2026-03-30", endDate: "2026-04-01" } },
  "calendar.removed": { ...entry, canOpen: false },
  "calendar.answered": { ...entry, attendee: "Anna Wiśniewska", response: "tentative" },
  "invitation.updated": entry,
  "invitation.withdrawn": entry,
  "calendar.changedForYou": { ...entry, change: "moved", previous: { allDay: false, start: "2026-03-27T08:00:00.000Z", end: "2026-03-27T09:00:00.000Z" } },
  "calendar.reminder": {
    entryId: ENTRY,
    title: "Przegląd kwartalny",
    time: entry.time,
    momentKey: `reminder:entry:${ENTRY}:u:2026-03-29T06:45:00.000Z:auto`,
    momentAt: "2026-03-29T06:45:00.000Z",
    channel: null,
  },
  "resource.bookingCancelled": {
    bookingId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    resourceId: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
    resource: "Sala Kopernik",
    start: DUE,
    end: "2026-03-29T08:00:00.000Z",
    purpose: "Spotkanie z klientem",
    reason: "retired",
    actor: "Ewa Zielińska",
  },
  "resource.seriesDatesSkipped": {
    entryId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    title: "Przegląd tygodniowy",
    resourceId: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
    resource: "Sala Kopernik",
    count: 3,
    dates: [
      { start: DUE, end: "2027-03-29T08:00:00.000Z", title: "Przegląd tygodniowy", owner: "Ewa Zielińska", reason: "taken" },
      { start: "2027-04-05T07:00:00.000Z", end: "2027-04-05T08:00:00.000Z", title: null, owner: null, reason: "taken" },
    ],
    horizon: "2027-12-06T23:00:00.000Z",
  },
};

const pl: Recipient = { email: "jan@test.example", phone: "+48601234567", locale: "pl", timeZone: "Europe/Warsaw" };
const en: Recipient = { ...pl, locale: "en", timeZone: "America/New_York" };
const person = (r: Recipient) => ({ id: "5d7c2a10-1111-4222-8333-444455556666", locale: r.locale, timeZone: r.timeZone });

function texts(key: string, payload: unknown, r: Recipient): string[] {
  const rendered = renderNotice(key, payload, r.locale, r.timeZone, { strict: true });
  expect(rendered, key).not.toBeNull();
  const { inApp, email, sms, push } = rendered!;
  const smsText = [sms.what, sms.who, sms.when, sms.title].filter(Boolean).join(" ");
  return [inApp.title, inApp.body, email.subject, email.heading, email.body, email.buttonLabel, email.areaLabel, smsText, push.title, push.body];
}

describe("the registry of notification kinds", () => {
  it("has a sample for every kind it declares", () => {
    expect(noticeKeys().sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const key of Object.keys(SAMPLES) as NoticeKey[]) {
    it(`renders ${key} in Polish and English with no missing message`, () => {
      const [plTexts, enTexts] = LOCALES.map((locale) => texts(key, SAMPLES[key], locale === "pl" ? pl : en));
      for (const text of [...plTexts!, ...enTexts!]) {
        expect(text.trim()).not.toBe("");
        // An unresolved message shows its key or an ICU placeholder.
        expect(text).not.toMatch(/\{|\}|\b(tasks|reminders|crm|auth|notify|calendar|resources)\.[a-z]/);
      }
      expect(plTexts![0]).not.toBe(enTexts![0]);
    });
  }

  it("renders the due moment in the reader's zone from the payload", () => {
    // 07:00Z on the day clocks go forward is 09:00 in Warsaw and 03:00 in New York.
    expect(renderNotice("task.assigned", SAMPLES["task.assigned"], "pl", "Europe/Warsaw")!.inApp.body).toContain("09:00");
    expect(renderNotice("task.assigned", SAMPLES["task.assigned"], "en", "America/New_York")!.inApp.body).toContain("03:00");
  });

  it("writes a row whose payload alone re-renders its title and body", () => {
    const row = notice("task.reassigned", SAMPLES["task.reassigned"], person(pl), { actorId: "a1" });
    expect(row).toMatchObject({
      kind: "task.reassigned",
      priority: "high",
      link: `/tasks/${TASK}`,
      dedupeKey: `task:${TASK}:v3:reassigned:${person(pl).id}`,
      actorId: "a1",
    });
    expect(renderNotice(row.kind, row.payload, "pl", "Europe/Warsaw")!.inApp).toEqual({ title: row.title, body: row.body });
    expect(renderNotice(row.kind, row.payload, "en", "Europe/Warsaw")!.inApp.title).toBe("New assignee for task #12");
  });

  it("takes routing from the kind: the priority from the payload, a forced channel where the kind has one", () => {
    expect(notice("auth.failedSignIns", SAMPLES["auth.failedSignIns"], person(pl))).toMatchObject({ priority: "high", channel: "email" });
    expect(notice("reminder.task", { ...moment, channel: "sms" }, person(pl))).toMatchObject({
      priority: "urgent",
      channel: "sms",
      dedupeKey: moment.momentKey,
    });
    expect(notice("case.assigned", SAMPLES["case.assigned"], person(pl))).toMatchObject({ priority: "normal", channel: null });
  });

  it("refuses a payload that does not fit the kind, at write time", () => {
    const wrong = { ...task, taskNumber: "12" };
    // @ts-expect-error taskNumber is a number: TypeScript refuses it before zod does.
    expect(() => notice("task.assigned", wrong, person(pl))).toThrow(ZodError);
    // @ts-expect-error a case payload for a task kind.
    expect(() => notice("task.assigned", SAMPLES["case.assigned"], person(pl))).toThrow(ZodError);
    expect(() => notice("task.escalated", { ...moment, level: 3 as 2 }, person(pl))).toThrow(ZodError);
    expect(renderNotice("task.assigned", wrong, "pl", "Europe/Warsaw")).toBeNull();
  });

  it("knows no kind it was not told about", () => {
    expect(kindOf("event.invited")).toBeUndefined();
    expect(renderNotice("event.invited", {}, "pl", "Europe/Warsaw")).toBeNull();
    expect(() => notice("event.invited" as NoticeKey, task, person(pl))).toThrow(/unknown notification kind/);
  });
});

describe("composing from the kind's entry", () => {
  const row = (key: NoticeKey, recipient: Recipient, extra: Partial<OutgoingNotification> = {}): OutgoingNotification => {
    const written = notice(key, SAMPLES[key], person(recipient));
    return {
      id: "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
      kind: written.kind,
      priority: written.priority!,
      title: written.title,
      body: written.body ?? "",
      link: written.link ?? null,
      payload: written.payload!,
      ...extra,
    };
  };

  it("labels the button with what the kind opens, not what the link looks like", async () => {
    // Before the registry the label was guessed from the link: "/calendar…" read as an entry.
    const mail = await composeEmail(row("case.assigned", pl, { link: "/calendar/elsewhere" }), pl, "https://baton.example.com");
    expect(mail.html).toContain("Otwórz sprawę");
    expect(mail.html).not.toContain("Otwórz wpis");
    expect(mail.html).toContain(`href="https://baton.example.com/cases/${CASE}"`);
    expect(mail.html).toContain("Sprawa · Normalny priorytet");
  });

  it("renders in the reader's language, whatever language the row was stored in", async () => {
    const stored = row("task.assigned", pl);
    const mail = await composeEmail(stored, en, "https://baton.example.com");
    expect(stored.title).toBe("Nowe zadanie #12: Przegląd pieca Rational");
    expect(mail.subject).toBe("New task #12: Przegląd pieca Rational");
    expect(mail.html).toContain("Open task");
    expect(mail.text).toContain("Tomasz Nowak has assigned “Przegląd pieca Rational” to you.");
    expect(mail.text).toContain(`https://baton.example.com/tasks/${TASK}`);
    expect(composeSms(stored, en, "https://baton.example.com", { gsm7: true })).toBe(
      "Baton: new task #12 from T. Nowak, due 03/29 03:00 AM: Przeglad pieca Rational https://baton.example.com/t/12",
    );
    expect(composePush(stored, en)).toMatchObject({ title: "New task #12: Przegląd pieca Rational", tag: `task.assigned-${TASK}`, snoozable: false });
  });

  it("offers snoozing on reminders because their kind says so", () => {
    expect(composePush(row("reminder.task", pl), pl)).toMatchObject({ snoozable: true, url: `/tasks/${TASK}` });
    expect(composePush(row("task.overdue", pl), pl).snoozable).toBe(false);
  });

  it("puts hostile names from a payload on one clean line in the subject and SMS", async () => {
    const stored = row("task.assigned", pl);
    const hostile = { ...stored, payload: { ...stored.payload, title: "Przegląd\r\nBcc: victim@evil.example" } };
    const mail = await composeEmail(hostile, pl, "https://baton.example.com");
    expect(mail.subject).toBe("Nowe zadanie #12: Przegląd Bcc: victim@evil.example");
    expect(composeSms(hostile, pl, "https://baton.example.com")).not.toMatch(/[\r\n]/);
  });

  it("still shows a row of a kind nobody declares any more, from its stored title and body", async () => {
    const old: OutgoingNotification = {
      id: "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
      kind: "event.invited",
      priority: "normal",
      title: "Zaproszenie: przegląd kwartalny",
      body: "Ewa zaprasza Cię na spotkanie.",
      link: "/calendar/entries/1",
      payload: {},
    };
    const mail = await composeEmail(old, pl, "https://baton.example.com");
    expect(mail.subject).toBe(old.title);
    expect(mail.text).toContain("Ewa zaprasza Cię na spotkanie.");
    expect(mail.html).toContain("Otwórz w Batonie");
    expect(mail.html).toContain('href="https://baton.example.com/calendar/entries/1"');
    expect(composePush(old, pl)).toMatchObject({ title: old.title, url: "/calendar/entries/1", tag: `event.invited-${old.id}` });
  });
});
