import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { logout, pick, dayAheadInWarsaw, signInAs } from "./support";

/**
 * The sales director's assistant, who may edit his calendar (demo data), plans a meeting in it
 * with a client and two colleagues; one accepts from the bell, the other declines on
 * the entry's page, and the director sees both answers on his entry, made "for" him.
 */
test("an assistant schedules a meeting in the director's calendar; invitees answer and the director sees who answered what", async ({ page }) => {
  // Four people sign in one after another.
  test.setTimeout(150_000);
  const title = `Negocjacje z hotelem ${Date.now().toString(36)}`;
  await signInAs(page, "assistant");
  await page.goto(`/calendar?view=week&date=${dayAheadInWarsaw(22)}`);
  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Kalendarz", { exact: true }).selectOption({ label: "Tomasz Nowak" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(form, "Klient", "Wawel", "Hotel Wawel Residence sp. z o.o.");
  await pick(form, "Zaproś osoby", "Katarzyna", "Katarzyna Lewandowska");
  await pick(form, "Zaproś osoby", "Piotr Kam", "Piotr Kamiński");
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();
  await logout(page);

  // Katarzyna accepts from the bell, without leaving the page she is on.
  await signInAs(page, "sales1");
  const bell = page.getByRole("button", { name: /^Powiadomienia/ });
  await bell.click();
  const answer = page.getByRole("group", { name: `Twoja odpowiedź na: Zaproszenie: ${title}` });
  await expect(answer.getByRole("menuitemradio", { name: "Akceptuj" })).toHaveAttribute("aria-checked", "false");
  await answer.getByRole("menuitemradio", { name: "Akceptuj" }).click();
  await expect(answer.getByRole("menuitemradio", { name: "Akceptuj" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("status").filter({ hasText: "Zapisano odpowiedź: Zaakceptowane." })).toHaveCount(1);
  await expect(page).toHaveURL(/\/tasks$/);
  await expectNoAxeViolations(page, "the bell with an invitation answered");
  // The answer is the server's, not only the menu's: after a reload the bell's feed (asked with
  // its last validator) brings it back, and the notifications page shows the same.
  await page.keyboard.press("Escape");
  await page.reload();
  await bell.click();
  await expect(answer.getByRole("menuitemradio", { name: "Akceptuj" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await page.goto("/notifications");
  const listed = page.getByRole("group", { name: `Twoja odpowiedź na: Zaproszenie: ${title}` });
  await expect(listed.getByRole("button", { name: "Akceptuj" })).toHaveAttribute("aria-pressed", "true");
  await logout(page);

  // Piotr opens the invitation and declines on the entry's page.
  await signInAs(page, "salesmgr");
  await page.goto("/notifications");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  const entryUrl = page.url();
  await page.getByRole("button", { name: "Odrzuć" }).click();
  await expect(page.getByRole("button", { name: "Odrzuć" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status").filter({ hasText: "Zapisano odpowiedź: Odrzucone." })).toHaveCount(1);
  await logout(page);

  // The director sees the entry in his calendar with both answers, and that his assistant made it.
  await signInAs(page, "salesdir");
  await page.goto(entryUrl);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const attendees = page.getByRole("region", { name: "Uczestnicy" }).or(page.locator("section").filter({ hasText: "Uczestnicy" }));
  await expect(attendees.first()).toContainText("Katarzyna Lewandowska");
  await expect(attendees.first()).toContainText("Zaakceptowane");
  await expect(attendees.first()).toContainText("Piotr Kamiński");
  await expect(attendees.first()).toContainText("Odrzucone");
  await expect(page.getByText("Magdalena Wójcik").first()).toBeVisible();
});
