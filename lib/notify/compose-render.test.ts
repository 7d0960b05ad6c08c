import { render as realRender } from "@react-email/render";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { composeEmail, type OutgoingNotification, type Recipient } from "./compose";

const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock("@react-email/render", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@react-email/render")>();
  return {
    ...actual,
    render: (...args: Parameters<typeof actual.render>) => {
      renders.count++;
      return actual.render(...args);
    },
  };
});

const n: OutgoingNotification = {
  id: "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11",
  kind: "task.assigned",
  priority: "high",
  title: "Nowe zadanie: przegląd pieca Rational",
  body: "Tomasz Nowak przydzielił Ci zadanie.\nTermin: 29 mar 2026, 09:00",
  link: "/tasks/8f0b7c44",
  payload: {},
};
const pl: Recipient = { email: "jan@test.example", phone: null, locale: "pl", timeZone: "Europe/Warsaw" };

describe("composeEmail renders once", () => {
  beforeEach(() => {
    renders.count = 0;
  });

  it("renders the React tree at most once per e-mail and reads the text part off the HTML", async () => {
    const mail = await composeEmail(n, pl, "https://baton.example.com");
    expect(renders.count).toBeLessThanOrEqual(1);
    expect(mail.text).toContain("NOWE ZADANIE: PRZEGLĄD PIECA RATIONAL"); // html-to-text writes headings in capitals
    expect(mail.text).toContain("Termin: 29 mar 2026, 09:00");
    expect(mail.text).toContain("https://baton.example.com/tasks/8f0b7c44");
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it("gives the same text part as rendering the tree a second time as plain text did", async () => {
    const mail = await composeEmail(n, pl, "https://baton.example.com");
    const { NotificationEmail } = await import("./email/notification-email");
    // The tree compose builds, rendered the old way: a second pass in plain-text mode.
    const twice = await realRender(
      NotificationEmail({
        lang: "pl",
        heading: n.title,
        body: n.body,
        eyebrow: "Zadanie · Wysoki priorytet",
        buttonLabel: "Otwórz zadanie",
        buttonUrl: "https://baton.example.com/tasks/8f0b7c44",
        footer: "Otrzymujesz tę wiadomość, ponieważ masz konto w Batonie.",
        preferencesLabel: "Ustawienia powiadomień",
        preferencesUrl: "https://baton.example.com/settings/notifications",
        accent: "#f59e0b",
      }),
      { plainText: true },
    );
    expect(mail.text).toBe(twice);
  });
});
