import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { login, logout, pick } from "./support";

/** A day two weeks ahead in Warsaw, where the demo people work: a week nobody else's spec touches. */
function dayAheadInWarsaw(days: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    new Date(Date.now() + days * 24 * 3600_000),
  );
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

async function openWeek(page: Page, date: string) {
  await page.goto(`/calendar?view=week&date=${date}`);
  // The grid loads after the page: its hours are on screen once FullCalendar has drawn.
  await expect(page.locator('[data-time="09:00:00"]').first()).toBeVisible();
}

/** The entry as the grid shows it: a button named by its time and title. */
const entryIn = (page: Page, title: string) => page.getByRole("button", { name: new RegExp(title) });

test("a person creates an entry with the keyboard alone", async ({ page }) => {
  const title = `Przegląd kotłowni ${Date.now().toString(36)}`;
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await openWeek(page, dayAheadInWarsaw(15));

  // Tab through the page to the toolbar's "New entry", as a keyboard user does.
  const newEntry = page.getByRole("button", { name: "Nowy wpis" });
  for (let i = 0; i < 60 && !(await newEntry.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(newEntry).toBeFocused();
  await page.keyboard.press("Enter");

  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Tytuł", { exact: true })).toBeFocused();
  await page.keyboard.type(title);
  // The form starts at 09:00–10:00 on the day in view; Enter in the title saves it.
  await page.keyboard.press("Enter");
  await expect(form).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Wpis utworzony." })).toBeAttached();
  const entry = entryIn(page, title);
  await expect(entry).toContainText("09:00–10:00");

  // The entry opens with Enter too, and its dialog offers the keyboard's way to move it.
  await entry.focus();
  await page.keyboard.press("Enter");
  const details = page.getByRole("dialog", { name: title });
  await expect(details).toContainText("09:00–10:00");
  await expect(details.getByRole("button", { name: "Zmień termin…" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();
  await expect(entry).toBeFocused();

  await page.reload();
  await expect(entryIn(page, title)).toContainText("09:00–10:00");
});

test("a person drags an entry two hours later and finds it there after a reload", async ({ page }) => {
  const title = `Serwis pieca ${Date.now().toString(36)}`;
  const date = dayAheadInWarsaw(16);
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await openWeek(page, date);

  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();
  const entry = entryIn(page, title);
  await expect(entry).toContainText("09:00–10:00");

  // An hour is the distance between two hour lines of the grid.
  const nine = (await page.locator('[data-time="09:00:00"]').first().boundingBox())!;
  const ten = (await page.locator('[data-time="10:00:00"]').first().boundingBox())!;
  const hour = ten.y - nine.y;
  const box = (await entry.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 10, { steps: 4 });
  await page.mouse.move(x, y + 2 * hour, { steps: 12 });
  await page.mouse.up();

  await expect(entry).toContainText("11:00–12:00");
  await expect(page.getByRole("status").filter({ hasText: `Przeniesiono „${title}”.` })).toBeAttached();
  await page.reload();
  await expect(entryIn(page, title)).toContainText("11:00–12:00");
});

test("the calendar's views, dialogs and entry pages pass axe", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Odprawa serwisu ${Date.now().toString(36)}`;
  const date = dayAheadInWarsaw(17);
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await openWeek(page, date);

  await page.getByRole("button", { name: "Nowy wpis" }).click();
  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await form.getByLabel("Miejsce", { exact: true }).fill("Sala 2");
  await form.getByLabel("Prywatny", { exact: true }).check();
  await expectNoAxeViolations(page, "New entry dialog");
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();

  const entry = entryIn(page, title);
  await expect(entry).toContainText("prywatny");
  await expectNoAxeViolations(page, "week view");
  await entry.click();
  const details = page.getByRole("dialog", { name: title });
  await expect(details).toContainText("Sala 2");
  await expectNoAxeViolations(page, "entry dialog");
  await details.getByRole("button", { name: "Zmień termin…" }).click();
  const timeDialog = page.getByRole("dialog", { name: `Zmiana terminu: ${title}` });
  await expect(timeDialog.getByLabel("Początek", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, "Change time dialog");
  await page.keyboard.press("Escape");
  await expect(timeDialog).toBeHidden();

  for (const view of ["Dzień", "Miesiąc", "Lista"]) {
    await page.getByRole("group", { name: "Widok" }).getByRole("button", { name: view, exact: true }).click();
    await expect(entryIn(page, title)).toBeVisible();
    await expectNoAxeViolations(page, `${view} view`);
  }

  await entryIn(page, title).click();
  await page.getByRole("dialog", { name: title }).getByRole("link", { name: "Otwórz" }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "entry page");
  await page.getByRole("link", { name: "Edytuj" }).click();
  await expect(page.getByLabel("Tytuł", { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page, "entry edit page");
});

test("an assistant opens the director's calendar from the people view and plans in it by dragging; a colleague there can only look", async ({ page }) => {
  const title = `Rozmowa z Wawelem ${Date.now().toString(36)}`;
  const date = dayAheadInWarsaw(17);
  await login(page, "assistant");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/calendar/people");
  await pick(page, "Dodaj osobę", "Nowak", "Tomasz Nowak");
  await page.getByRole("link", { name: "Otwórz kalendarz: Tomasz Nowak" }).click();
  await expect(page).toHaveURL(/\/calendar\?person=[0-9a-f-]{36}/);
  const person = new URL(page.url()).searchParams.get("person")!;
  await expect(page.getByRole("heading", { level: 1, name: "Kalendarz: Tomasz Nowak" })).toBeAttached();
  // Reached from the people view, it is marked as part of it, not as "my calendar".
  const views = page.getByRole("navigation", { name: "Widoki kalendarza" });
  await expect(views.getByRole("link", { name: "Osoby obok siebie" })).toHaveAttribute("aria-current", "page");
  await expect(views.getByRole("link", { name: "Mój kalendarz" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Możesz go edytować", { exact: false })).toBeVisible();

  await page.goto(`/calendar?person=${person}&view=week&date=${date}`);
  await expect(page.locator('[data-time="12:00:00"]').first()).toBeVisible();
  // Free time, 12:00 to 13:00 on that day: dragged over, the New entry form opens for his calendar.
  const noon = (await page.locator('[data-time="12:00:00"]').first().boundingBox())!;
  const one = (await page.locator('[data-time="13:00:00"]').first().boundingBox())!;
  // The last element with the day's date is its whole column of hours.
  const column = (await page.locator(`[data-date="${date}"]`).last().boundingBox())!;
  const x = column.x + column.width / 2;
  await page.mouse.move(x, noon.y + 4);
  await page.mouse.down();
  await page.mouse.move(x, noon.y + 20, { steps: 4 });
  await page.mouse.move(x, one.y - 4, { steps: 8 });
  await page.mouse.up();

  const form = page.getByRole("dialog", { name: "Nowy wpis" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Kalendarz", { exact: true })).toHaveValue(person);
  await expect(form.getByLabel("Początek", { exact: true })).toHaveValue(`${date}T12:00`);
  await form.getByLabel("Tytuł", { exact: true }).fill(title);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(form).toBeHidden();
  await expect(entryIn(page, title)).toContainText("12:00–13:00");
  await page.reload();
  await expect(entryIn(page, title)).toContainText("12:00–13:00");
  await logout(page);

  // A colleague without his leave sees the entry, but dragging over free time plans nothing there.
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/calendar?person=${person}&view=week&date=${date}`);
  await expect(entryIn(page, title)).toBeVisible();
  await expect(page.getByText("Udostępniony do wglądu", { exact: false })).toBeVisible();
  await page.mouse.move(x, one.y + 40);
  await page.mouse.down();
  await page.mouse.move(x, one.y + 80, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
