import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { invitationFor } from "./invitation-mail";
import { dayAheadInWarsaw, demoEmail, login, logout, pick } from "./support";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a colleague and a client's contact answer from the e-mail's one-click links without signing in, and the organiser sees both", async ({ page }) => {
  const title = `Przegląd oferty ${Date.now().toString(36)}`;
  const guest = `recepcja.${Date.now().toString(36)}@hotel.example`;
  await login(page, "salesmgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/calendar?view=week&date=${dayAheadInWarsaw(29)}`);
  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(form, "Zaproś osoby", "Katarzyna", "Katarzyna Lewandowska");
  await form.getByLabel("Adres e-mail").fill(guest);
  await form.getByLabel("Imię i nazwisko (opcjonalnie)").fill("Jan Recepcja");
  await form.getByRole("button", { name: "Dodaj", exact: true }).click();
  await expect(form.getByRole("list", { name: "Zaproszeni spoza Batona" })).toContainText(guest);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();
  await logout(page);

  // The e-mail carries the meeting for her mail client, and three signed links.
  const { link, calendar } = await invitationFor(demoEmail("sales1"), title);
  expect(calendar).toContain("METHOD:REQUEST");
  expect(calendar).toMatch(new RegExp(`ATTENDEE;[^:]*PARTSTAT=NEEDS-ACTION;RSVP=TRUE[^:]*:MAILTO:${escape(demoEmail("sales1"))}`, "i"));

  // Opening the link (as a mail scanner does first) records nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Twoja odpowiedź na zaproszenie" })).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Twoja odpowiedź: jeszcze bez odpowiedzi")).toBeVisible();
  await expectNoAxeViolations(page, "/invitations/:token");
  await page.reload();
  await expect(page.getByText("Twoja odpowiedź: jeszcze bez odpowiedzi")).toBeVisible();

  // The person confirms the link's answer, then changes it on the same page.
  await page.getByRole("button", { name: "Potwierdzam: Akceptuję" }).click();
  await expect(page.getByText("Zapisano. Twoja odpowiedź: akceptuję.")).toBeVisible();
  await page.getByRole("button", { name: "Odrzucam" }).click();
  await expect(page.getByText("Zapisano. Twoja odpowiedź: odrzucam.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Odrzucam" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByText("Twoja odpowiedź: odrzucam")).toBeVisible();

  // An altered link gets a page that says so, and no buttons.
  const token = link.match(/\/invitations\/([\w-]+)/)![1]!;
  await page.goto(link.replace(token, `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`));
  await expect(page.getByRole("heading", { name: "Ten link nie działa" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Akceptuję|Odrzucam/ })).toHaveCount(0);

  // The client's contact, outside Baton, accepts from their own e-mail.
  const invited = await invitationFor(guest, title);
  expect(invited.calendar).toMatch(new RegExp(`ATTENDEE;[^:]*PARTSTAT=NEEDS-ACTION;RSVP=TRUE[^:]*:MAILTO:${escape(guest)}`, "i"));
  expect(invited.link).not.toBe(link);
  await page.goto(invited.link);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.getByRole("button", { name: "Potwierdzam: Akceptuję" }).click();
  await expect(page.getByText("Zapisano. Twoja odpowiedź: akceptuję.")).toBeVisible();

  // The organiser is told, and sees both answers on the entry.
  await login(page, "salesmgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/notifications");
  await page
    .getByRole("link", { name: new RegExp(`Odpowiedź na zaproszenie: ${escape(title)}`) })
    .first()
    .click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  const attendees = page.locator("section").filter({ hasText: "Uczestnicy" }).first();
  await expect(attendees).toContainText("Katarzyna Lewandowska");
  await expect(attendees).toContainText("Odrzucone");
  await expect(attendees).toContainText("Jan Recepcja");
  await expect(attendees).toContainText("spoza Batona");
  await expect(attendees).toContainText("Zaakceptowane");
});
