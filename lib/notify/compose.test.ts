import { describe, expect, it } from "vitest";
import { composeEmail, composePush, composeSms, type OutgoingNotification, type Recipient } from "./compose";
import { toGsm7 } from "./sms/gsm7";
import { smsSize } from "./sms/segments";

const n: OutgoingNotification = {
  id: "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11",
  kind: "task.assigned",
  priority: "high",
  title: "Nowe zadanie: przegląd pieca Rational",
  body: "Tomasz Nowak przydzielił Ci zadanie.\nTermin: 29 mar 2026, 09:00",
  link: "/tasks/8f0b7c44",
  payload: { taskId: "8f0b7c44", dueAt: "2026-03-29T07:00:00.000Z" },
};
const pl: Recipient = { email: "jan@test.example", phone: "+48601234567", locale: "pl", timeZone: "Europe/Warsaw" };
const en: Recipient = { ...pl, locale: "en", timeZone: "America/New_York" };

describe("composeEmail", () => {
  it("renders HTML and text in the recipient's language with a deep-link button and unsubscribe header", async () => {
    const mail = await composeEmail(n, pl, "https://baton.example.com");
    expect(mail.to).toBe("jan@test.example");
    expect(mail.subject).toBe(n.title);
    expect(mail.html).toContain('href="https://baton.example.com/tasks/8f0b7c44"');
    expect(mail.html).toContain("Otwórz zadanie");
    expect(mail.text).toContain("https://baton.example.com/tasks/8f0b7c44");
    expect(mail.text).toContain("Termin: 29 mar 2026, 09:00");
    expect(mail.headers?.["List-Unsubscribe"]).toBe("<https://baton.example.com/settings/notifications>");
  });
  it("uses English and the recipient's own zone", async () => {
    const mail = await composeEmail({ ...n, priority: "urgent" }, en, "https://baton.example.com");
    expect(mail.subject.startsWith("[Urgent]")).toBe(true);
    expect(mail.html).toContain("Open task");
    expect(mail.text).toContain("Tomasz Nowak");
  });
});

describe("composeSms", () => {
  it("fits the title, due time in the recipient's zone and the link", () => {
    // 07:00Z on the day clocks go forward is 09:00 in Warsaw and 03:00 in New York.
    const sms = composeSms(n, pl, "https://baton.example.com", { gsm7: true });
    expect(sms).toBe("Baton: termin 29.03 09:00: Nowe zadanie: przeglad pieca Rational https://baton.example.com/tasks/8f0b7c44");
    expect(composeSms(n, en, "https://baton.example.com", { gsm7: true })).toMatch(/due 03\/29 03:00 AM/);
  });
  it("cuts long titles but keeps the whole link, in one segment", () => {
    for (const gsm7 of [true, false]) {
      const sms = composeSms({ ...n, title: "x".repeat(600) }, pl, "https://baton.example.com", { gsm7 });
      expect(sms.length).toBeLessThanOrEqual(160);
      expect(smsSize(sms).segments).toBe(1);
      expect(sms.endsWith("https://baton.example.com/tasks/8f0b7c44")).toBe(true);
    }
  });
});

describe("composePush", () => {
  it("opens the item and tags it per item", () => {
    expect(composePush(n, pl)).toMatchObject({ url: "/tasks/8f0b7c44", tag: "task.assigned-8f0b7c44", notificationId: n.id });
  });
});

describe("subjects and SMS texts from hostile or old titles", () => {
  // Titles and names written before input was checked may hold anything.
  const hostile = [
    ["a CR/LF header injection", "Przegląd\r\nBcc: victim@evil.example\r\n\r\nkup teraz", "Przegląd Bcc: victim@evil.example kup teraz"],
    ["a right-to-left override", "Faktura \u202Efdp.exe", "Faktura fdp.exe"],
    ["a NUL byte and other controls", "Awaria\u0000pieca\u001b[31m\u0085\u2028Rational", "Awaria pieca [31m Rational"],
    ["isolates, zero-width and BOM", "\u2066Klient\u2069\u200b\ufeff   Polmet\t\t", "Klient Polmet"],
  ] as const;

  for (const [what, title, clean] of hostile) {
    it(`puts ${what} on one clean line in both languages' subjects and SMS`, async () => {
      for (const [recipient, priority, prefix] of [
        [pl, "high", ""],
        [pl, "urgent", "[Pilne] "],
        [en, "urgent", "[Urgent] "],
      ] as const) {
        const mail = await composeEmail({ ...n, title, priority }, recipient, "https://baton.example.com");
        expect(mail.subject).toBe(`${prefix}${clean}`);
        const sms = composeSms({ ...n, title }, recipient, "https://baton.example.com", { gsm7: true });
        expect(sms.startsWith(`Baton: ${recipient.locale === "pl" ? "termin" : "due"} `)).toBe(true);
        expect(sms).toContain(`: ${toGsm7(clean)} https://`);
        for (const text of [mail.subject, sms, composePush({ ...n, title }, recipient).title]) {
          expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/);
        }
      }
    });
  }

  it("never cuts an SMS in the middle of an emoji", () => {
    for (let pad = 0; pad < 4; pad++) {
      const sms = composeSms({ ...n, title: `${"x".repeat(pad)}${"🔥".repeat(300)}` }, pl, "https://baton.example.com");
      expect(sms.isWellFormed()).toBe(true);
    }
  });
});
