import { expect, test } from "@playwright/test";
import type { FakeInboundMail } from "../lib/testing/fake-providers";
import { outlookReply } from "../lib/testing/outlook-reply";
import { signedHeaders, webhookFor } from "../lib/testing/resend-webhook";
import { expectNoAxeViolations } from "./axe";
import { invitationFor, invitationsTo } from "./invitation-mail";
import { E2E_WEBHOOK_SECRET, fakeProvidersPort } from "./serve";
import { appPort, dayAheadInWarsaw, demoEmail, login, logout, pick } from "./support";

const CONTACT = { name: "Jolanta Bielecka", email: "j.bielecka@wawelresidence.example" };

/** A mail "arrives" at Resend's inbound side (the fake providers' receiving API); returns its id. */
async function arrive(mail: FakeInboundMail): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${fakeProvidersPort(appPort())}/_test/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(mail),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

/**
 * The organiser invites a colleague and a contact of the meeting's client (chosen from the
 * client's contacts); the contact accepts with the e-mail's one-click link, the colleague's
 * Outlook declines with a METHOD:REPLY that comes back through Resend's signed webhook; the
 * organiser sees both answers and the e-mail delivery log; a reschedule sends SEQUENCE 1 and
 * resets both answers.
 */
test("answers come back by link and by a mail client's REPLY, and the organiser sees them with the delivery log", async ({ page, request }) => {
  test.setTimeout(120_000);
  const title = `Degustacja menu ${Date.now().toString(36)}`;
  const colleague = demoEmail("sales1");
  await login(page, "salesmgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/calendar?view=week&date=${dayAheadInWarsaw(36)}`);
  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(form, "Klient", "Wawel", "Hotel Wawel Residence sp. z o.o.");
  await pick(form, "Zaproś osoby", "Katarzyna", "Katarzyna Lewandowska");
  await pick(form, "Kontakt klienta wpisu", "Jolanta", CONTACT.name);
  await expect(form.getByRole("list", { name: "Zaproszeni spoza Batona" })).toContainText(CONTACT.email);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();
  await logout(page);

  // The contact accepts with the one-click link from their e-mail, without signing in.
  const forContact = await invitationFor(CONTACT.email, title);
  await page.goto(forContact.link);
  await page.getByRole("button", { name: "Potwierdzam: Akceptuję" }).click();
  await expect(page.getByText("Zapisano. Twoja odpowiedź: akceptuję.")).toBeVisible();

  // The colleague presses Decline in Outlook: a METHOD:REPLY to the entry's reply address, then Resend's signed webhook.
  const { calendar } = await invitationFor(colleague, title);
  const entryId = /UID:([0-9a-f-]{36})@baton/.exec(calendar)![1]!;
  const replyAddress = /ORGANIZER[^:]*:mailto:(\S+)/i.exec(calendar)![1]!;
  expect(calendar).toContain("SEQUENCE:0");
  const reply: FakeInboundMail = {
    from: `Katarzyna Lewandowska <${colleague}>`,
    to: [replyAddress],
    subject: `Odrzucono: ${title}`,
    calendar: {
      content: outlookReply({
        entryId,
        organizer: replyAddress,
        attendee: { email: colleague, name: "Katarzyna Lewandowska" },
        partstat: "DECLINED",
        sequence: 0,
        title,
      }),
    },
  };
  const delivery = webhookFor(await arrive(reply), reply);
  const unsigned = await request.post("/api/inbound/resend", { headers: { "content-type": "application/json" }, data: delivery.body });
  expect(unsigned.status()).toBe(401);
  const answered = await request.post("/api/inbound/resend", {
    headers: { "content-type": "application/json", ...signedHeaders(E2E_WEBHOOK_SECRET, delivery) },
    data: delivery.body,
  });
  expect(answered.status()).toBe(200);

  // The organiser sees both answers, and how and when each came, beside the e-mails that went out.
  await login(page, "salesmgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/calendar/entries/${entryId}`);
  const attendees = page.locator("section").filter({ has: page.getByRole("heading", { name: "Uczestnicy" }) });
  await expect(attendees.getByRole("listitem").filter({ hasText: "Katarzyna Lewandowska" })).toContainText("Odrzucone");
  await expect(attendees.getByRole("listitem").filter({ hasText: CONTACT.name })).toContainText("Zaakceptowane");
  const log = page.getByRole("table", { name: "E-maile z zaproszeniem i odpowiedzi, osobno dla każdego uczestnika" });
  const colleagueRow = log.getByRole("row").filter({ hasText: "Katarzyna Lewandowska" });
  const contactRow = log.getByRole("row").filter({ hasText: CONTACT.name });
  await expect(colleagueRow).toContainText("Zaproszenie");
  await expect(colleagueRow).toContainText("wysłano");
  await expect(colleagueRow).toContainText("Odrzucone");
  await expect(colleagueRow).toContainText("z programu pocztowego (odpowiedź)");
  await expect(contactRow).toContainText("wysłano");
  await expect(contactRow).toContainText("Zaakceptowane");
  await expect(contactRow).toContainText("linkiem z e-maila");
  await expectNoAxeViolations(page, "entry page with the delivery log");

  // A reschedule sends an updated REQUEST with SEQUENCE 1 to both, and their answers start over.
  await page.getByRole("button", { name: "Zmień termin…" }).click();
  const dialog = page.getByRole("dialog", { name: `Zmiana terminu: ${title}` });
  const day = dayAheadInWarsaw(37);
  await dialog.getByLabel("Początek", { exact: true }).fill(`${day}T11:00`);
  await dialog.getByLabel("Koniec", { exact: true }).fill(`${day}T12:00`);
  await dialog.getByRole("button", { name: "Zapisz termin" }).click();
  await expect(dialog).toBeHidden();
  for (const email of [colleague, CONTACT.email]) {
    await expect
      .poll(async () => (await invitationsTo(email, `${entryId}@baton`)).map((m) => /SEQUENCE:(\d+)/.exec(m.calendar)?.[1]), { timeout: 20_000 })
      .toEqual(["0", "1"]);
    const [, updated] = await invitationsTo(email, `${entryId}@baton`);
    expect(updated!.calendar).toContain("METHOD:REQUEST");
    expect(updated!.calendar).toMatch(/PARTSTAT=NEEDS-ACTION/);
  }
  await page.reload();
  for (const row of [colleagueRow, contactRow]) {
    await expect(row).toContainText("Aktualizacja");
    await expect(row).toContainText("Jeszcze bez odpowiedzi");
  }
  await expect(attendees.getByRole("listitem").filter({ hasText: "Katarzyna Lewandowska" })).toContainText("Bez odpowiedzi");
  await expect(attendees.getByRole("listitem").filter({ hasText: CONTACT.name })).toContainText("Bez odpowiedzi");

  // A colleague who is only invited sees the entry, but not the delivery log.
  await logout(page);
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/calendar/entries/${entryId}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Doręczanie e-maili" })).toHaveCount(0);
});
