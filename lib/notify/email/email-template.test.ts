import { render, toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { renderNotificationEmail } from "./email-template";
import { NotificationEmail, type NotificationEmailProps } from "./notification-email";

const base: NotificationEmailProps = {
  lang: "pl",
  heading: "Nowe zadanie #12: Przegląd pieca Rational",
  body: "Tomasz Nowak przekazuje Ci zadanie „Przegląd pieca Rational”.\nTermin: 29 mar 2026, 09:00.",
  eyebrow: "Zadanie · Wysoki priorytet",
  buttonLabel: "Otwórz zadanie",
  buttonUrl: "https://baton.example.com/tasks/8f0b7c44",
  footer: "Otrzymujesz tę wiadomość, ponieważ masz konto w Batonie.",
  preferencesLabel: "Ustawienia powiadomień",
  preferencesUrl: "https://baton.example.com/settings/notifications",
  accent: "#f59e0b",
};

const variants: [string, Partial<NotificationEmailProps>][] = [
  ["a plain notice", {}],
  ["English and another colour", { lang: "en", accent: "#dc2626", footer: "You receive this message because you have a Baton account." }],
  ["markup, quotes and ampersands", { heading: `<script>alert("x")</script> & 'co'`, body: `a < b && c > d\n"quoted" 'single'`, eyebrow: "R&D · <b>" }],
  ["a link with a query", { buttonUrl: "https://baton.example.com/tasks/1?a=1&b='2'" }],
  ["replacement patterns", { heading: "$& $1 $$ $`", body: "$' $<name>" }],
  [
    "markers in the notice's own text",
    { heading: "%%BATON_BUTTON_URL%% %%BATON_EYEBROW%%", body: "%%BATON_HEADING%%\n%%BATON_BODY%%", eyebrow: "%%BATON_HEADING%%<div>x</div>" },
  ],
  ["a heading longer than the preview", { heading: "x".repeat(149) + "żółć" }],
  ["a heading of exactly the preview's length", { heading: "y".repeat(150) }],
  ["an empty body and empty lines", { body: "" }],
  ["blank lines in the body", { body: "one\n\n  two  \n" }],
  ["tabs, double spaces and zero-width spaces", { heading: "a\tb  c", body: "x\u200by\n\t lead" }],
  ["a heading in capitals already and small letters that grow", { heading: "ÉCOLE straße ǆ ﬁ", body: "İstanbul ß" }],
  ["emoji and right-to-left text", { heading: "🔥 Awaria 👩‍🔧", body: "שלום\u200d עולם" }],
];

describe("the cached notification e-mail layout", () => {
  for (const [what, change] of variants) {
    it(`gives the document React renders, for ${what}`, async () => {
      const props = { ...base, ...change };
      const rendered = await renderNotificationEmail(props);
      expect(rendered.html).toBe(await render(NotificationEmail(props)));
      expect(rendered.text).toBe(toPlainText(rendered.html));
    });
  }

  it("gives toPlainText's text part for texts made of awkward characters", async () => {
    // A fixed sequence, so a failure is repeatable.
    const alphabet = [
      "a",
      "Ż",
      " ",
      "  ",
      "\t",
      "&",
      "<",
      ">",
      '"',
      "'",
      "-",
      "*",
      "#",
      "\u200b",
      "\u00a0",
      "🔥",
      "ß",
      ".",
      "[",
      "]",
      "%%",
      "\\",
      "http://x.example/?a=1&b=2",
    ];
    let seed = 7;
    const pick = () => alphabet[(seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length]!;
    const word = (n: number) => Array.from({ length: n }, pick).join("");
    for (let i = 0; i < 60; i++) {
      const props = { ...base, heading: word(1 + (i % 9)), body: [word(1 + (i % 5)), word(1 + (i % 7))].join("\n"), eyebrow: word(3) };
      const rendered = await renderNotificationEmail(props);
      expect(rendered.html).toBe(await render(NotificationEmail(props)));
      expect(rendered.text).toBe(toPlainText(rendered.html));
    }
  }, 30_000);

  it("fills the same layout for many notices without mixing them up", async () => {
    const [a, b] = await Promise.all([renderNotificationEmail({ ...base, heading: "A" }), renderNotificationEmail({ ...base, heading: "B" })]);
    expect(a.html).toBe(await render(NotificationEmail({ ...base, heading: "A" })));
    expect(b.html).toBe(await render(NotificationEmail({ ...base, heading: "B" })));
    expect(b.text).toContain("\nB\n");
  });
});
