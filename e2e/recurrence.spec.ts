import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { dayAheadInWarsaw, login, logout, pick } from "./support";

async function openWeek(page: Page, date: string) {
  await page.goto(`/calendar?view=week&date=${date}`);
  await expect(page.locator('[data-time="09:00:00"]').first()).toBeVisible();
}

const entryIn = (page: Page, title: string) => page.getByRole("button", { name: new RegExp(title) });

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test("a person makes a weekly meeting, moves one occurrence, deletes another, and the others stay", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Odprawa tygodniowa ${Date.now().toString(36)}`;
  const first = dayAheadInWarsaw(40);
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await openWeek(page, first);

  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await form.getByLabel("Powtarza się", { exact: true }).selectOption({ label: "Co tydzień" });
  await form.getByLabel("Kończy się", { exact: true }).selectOption({ label: "Po określonej liczbie razy" });
  await form.getByLabel("Liczba razy", { exact: true }).fill("4");
  await expect(form.getByText(/^Co tydzień: .+, 4 razy$/)).toBeVisible();
  await expectNoAxeViolations(page, "New entry dialog with repetition");
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();

  // It shows on the following weeks at the same hour.
  await expect(entryIn(page, title)).toContainText("09:00–10:00");
  for (const week of [1, 2, 3]) {
    await openWeek(page, plusDays(first, 7 * week));
    await expect(entryIn(page, title)).toContainText("09:00–10:00");
  }
  await openWeek(page, plusDays(first, 28));
  await expect(entryIn(page, title)).toHaveCount(0);

  // The second one moves to 13:00, alone.
  const second = plusDays(first, 7);
  await openWeek(page, second);
  await entryIn(page, title).click();
  const details = page.getByRole("dialog", { name: title });
  await details.getByRole("button", { name: "Zmień termin…" }).click();
  const timeDialog = page.getByRole("dialog", { name: `Zmiana terminu: ${title}` });
  await timeDialog.getByLabel("Początek", { exact: true }).fill(`${second}T13:00`);
  await timeDialog.getByLabel("Koniec", { exact: true }).fill(`${second}T14:00`);
  await expect(timeDialog.getByLabel("Tylko tego wystąpienia")).toBeChecked();
  await expectNoAxeViolations(page, "Change time dialog of an occurrence");
  await timeDialog.getByRole("button", { name: "Zapisz termin" }).click();
  await expect(timeDialog).toBeHidden();
  await expect(entryIn(page, title)).toContainText("13:00–14:00");

  // The third one is deleted, alone.
  await openWeek(page, plusDays(first, 14));
  await entryIn(page, title).click();
  const third = page.getByRole("dialog", { name: title });
  await third.getByRole("button", { name: "Odwołaj wpis" }).click();
  await expect(third.getByLabel("Tylko tego wystąpienia")).toBeChecked();
  await third.getByRole("button", { name: "Tak, odwołaj" }).click();
  await expect(third).toBeHidden();
  await expect(entryIn(page, title)).toHaveCount(0);

  // The others stay where they were, after a reload too.
  await openWeek(page, first);
  await expect(entryIn(page, title)).toContainText("09:00–10:00");
  await openWeek(page, second);
  await expect(entryIn(page, title)).toContainText("13:00–14:00");
  await openWeek(page, plusDays(first, 21));
  await expect(entryIn(page, title)).toContainText("09:00–10:00");
});

test("an organiser invites a colleague to a weekly meeting and the colleague declines one occurrence", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Spotkanie handlowców ${Date.now().toString(36)}`;
  const first = dayAheadInWarsaw(50);
  await login(page, "salesmgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await openWeek(page, first);
  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(form, "Zaproś osoby", "Katarzyna", "Katarzyna Lewandowska");
  await form.getByLabel("Powtarza się", { exact: true }).selectOption({ label: "Co tydzień" });
  await form.getByLabel("Kończy się", { exact: true }).selectOption({ label: "Po określonej liczbie razy" });
  await form.getByLabel("Liczba razy", { exact: true }).fill("3");
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();

  // The colleague sees every Monday in their own calendar and declines the second one alone.
  await logout(page);
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  const second = plusDays(first, 7);
  await openWeek(page, second);
  await entryIn(page, title).click();
  const details = page.getByRole("dialog", { name: title });
  const thisOne = details.getByRole("group", { name: "Twoja odpowiedź na: To wystąpienie" });
  await expectNoAxeViolations(page, "Occurrence dialog with answers to it and to the series");
  await thisOne.getByRole("button", { name: "Odrzuć" }).click();
  await expect(details.getByRole("status").first()).toHaveText(/Zapisano odpowiedź/);

  // After a reload the second Monday is declined, the third still unanswered.
  await openWeek(page, second);
  await entryIn(page, title).click();
  await expect(
    page.getByRole("dialog", { name: title }).getByRole("group", { name: "Twoja odpowiedź na: To wystąpienie" }).getByRole("button", { name: "Odrzuć" }),
  ).toHaveAttribute("aria-pressed", "true");
  await openWeek(page, plusDays(first, 14));
  await entryIn(page, title).click();
  await expect(
    page.getByRole("dialog", { name: title }).getByRole("group", { name: "Twoja odpowiedź na: To wystąpienie" }).getByRole("button", { name: "Odrzuć" }),
  ).toHaveAttribute("aria-pressed", "false");
});
