import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { hydrated, logout, pick, signInAs } from "./support";

/** Tomorrow at 10:00 as a datetime-local value in Warsaw, where the demo people work. */
function tomorrowAtTenInWarsaw(): { input: string; shown: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    new Date(Date.now() + 24 * 3600_000),
  );
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { input: `${get("year")}-${get("month")}-${get("day")}T10:00`, shown: `${get("day")}.${get("month")}.${get("year")}, 10:00` };
}

test("a foreman delegates, the technician works it through, the foreman follows it up, a stranger is refused", async ({ page }) => {
  const title = `Wymiana grzałki w szafie grzewczej ${Date.now().toString(36)}`;
  const due = tomorrowAtTenInWarsaw();

  // The foreman delegates a task with a due time to a technician.
  await signInAs(page, "foreman");
  await page.getByRole("link", { name: "Nowe zadanie" }).click();
  await expect(page.getByRole("heading", { name: "Nowe zadanie", level: 1 })).toBeVisible();
  await page.getByLabel("Tytuł", { exact: true }).fill(title);
  await page.getByLabel("Opis", { exact: true }).fill("Dwie grzałki przepalone, części czekają w magazynie.");
  await page.getByLabel("Priorytet", { exact: true }).selectOption("high");
  await page.getByLabel("Termin", { exact: true }).fill(due.input);
  await pick(page, "Wykonawca", "krawcz", "Paweł Krawczyk");
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const taskUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText(due.shown).first()).toBeVisible();

  await page.goto("/tasks/delegated");
  const delegatedRow = page.getByRole("row").filter({ hasText: title });
  await expect(delegatedRow).toContainText("Paweł Krawczyk");
  await expect(delegatedRow).toContainText("Otwarte");
  await expect(delegatedRow).toContainText("0%");
  await logout(page);

  // The technician finds it in My tasks, reports progress and marks it done.
  await signInAs(page, "tech1");
  const myRow = page.getByRole("row").filter({ hasText: title });
  await expect(myRow).toContainText("Grzegorz Jankowski");
  await expect(myRow).toContainText(due.shown);
  // The title is followed inside the app, as next/link's would be: the page is not loaded anew.
  await page.evaluate(() => Object.assign(window, { stayedInApp: true }));
  await myRow.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${taskUrl}$`));
  expect(await page.evaluate(() => "stayedInApp" in window)).toBe(true);
  await page.getByRole("slider", { name: "Postęp" }).fill("60");
  await page.getByRole("button", { name: "Zapisz postęp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zapisano postęp: 60%." })).toBeVisible();
  await expect(page.locator("article header").getByText("W toku")).toBeVisible();
  await expect(page.locator("article header").getByRole("progressbar")).toHaveAttribute("aria-valuenow", "60");
  // Finishing is a second step, with a note about the result for the foreman.
  await page.getByRole("button", { name: "Oznacz jako wykonane…" }).click();
  await expect(page.getByLabel("Notatka o wyniku (opcjonalnie)")).toBeFocused();
  await page.getByLabel("Notatka o wyniku (opcjonalnie)").fill("Wymieniono obie grzałki, szafa grzeje.");
  await page.getByRole("button", { name: "Potwierdź wykonanie" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zadanie oznaczone jako wykonane." })).toBeVisible();
  await expect(page.locator("article header").getByText("Wykonane")).toBeVisible();
  await expect(page.getByRole("button", { name: /Oznacz jako wykonane/ })).toHaveCount(0);
  await logout(page);

  // The foreman sees the change in Delegated and the history on the task page.
  await signInAs(page, "foreman");
  await page.goto("/tasks/delegated");
  await page
    .getByRole("list", { name: "Liczba zadań według statusu" })
    .getByRole("link", { name: /Wykonane/ })
    .click();
  await expect(page).toHaveURL(/status=done/);
  const doneRow = page.getByRole("row").filter({ hasText: title });
  await expect(doneRow).toContainText("Wykonane");
  await expect(doneRow).toContainText("100%");
  await expect(doneRow.getByRole("progressbar", { name: "Postęp" })).toHaveAttribute("aria-valuenow", "100");
  // Ctrl/Cmd-click stays the browser's: the task opens in a new tab and the list stays.
  const [tab] = await Promise.all([page.context().waitForEvent("page"), doneRow.getByRole("link", { name: title }).click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab).toHaveURL(new RegExp(`${taskUrl}$`));
  await tab.close();
  await expect(page).toHaveURL(/status=done/);
  await doneRow.getByRole("link", { name: title }).click();
  const history = page.getByRole("list").filter({ hasText: "utworzenie zadania" });
  await expect(history).toContainText("Grzegorz Jankowski");
  await expect(history).toContainText("utworzenie zadania, wykonawca: Paweł Krawczyk");
  await expect(history.getByRole("listitem").filter({ hasText: "postęp" }).first()).toContainText("60%");
  await expect(history.getByRole("listitem").filter({ hasText: "status" }).last()).toContainText("Wykonane");
  await expect(history.getByRole("listitem").filter({ hasText: "Notatka o wyniku" })).toContainText("Wymieniono obie grzałki, szafa grzeje.");
  await expect(history).toContainText("Paweł Krawczyk");
  await logout(page);

  // Someone outside the task and its supervisor chains opens its URL and is refused.
  await signInAs(page, "sales1");
  const response = await page.goto(taskUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Nie masz uprawnień do tej operacji." })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test("a delegator returns a result for rework, saying what is missing", async ({ page }) => {
  // Demo data: the foreman waits for Łukasz's calibration protocol.
  await signInAs(page, "foreman");
  await page.goto("/tasks/delegated?status=awaiting_acceptance");
  await page.getByRole("link", { name: "Kalibracja termostatu pieca do pizzy – protokół końcowy" }).click();
  await expect(page.getByRole("heading", { name: "Akceptacja wykonania" })).toBeVisible();
  await page.getByRole("button", { name: "Zwróć do poprawy" }).click();
  await expect(page.getByText("Wpisz komentarz.")).toBeVisible();
  await page.locator("#decision-comment").fill("Brak podpisu klienta na protokole.");
  await page.getByRole("button", { name: "Zwróć do poprawy" }).click();
  await expect(page.locator("article header").getByText("W toku")).toBeVisible();
  await expect(page.getByText("Brak podpisu klienta na protokole.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Akceptacja wykonania" })).toHaveCount(0);
});

test("people and clients are picked by typing: a new task's assignee and client, then the Delegated filter", async ({ page }) => {
  const title = `Przegląd zmywarki tunelowej ${Date.now().toString(36)}`;
  await signInAs(page, "foreman");
  await page.goto("/tasks/new");
  // Typed before the page is hydrated, the title would be lost (the pickers wait for it themselves).
  await (await hydrated(page.getByLabel("Tytuł", { exact: true }))).fill(title);
  // The pickers hold no list: the choices come from the server as one types.
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(0);
  await pick(page, "Wykonawca", "grabow", "Adam Grabowski");
  await pick(page, "Klient", "podhala", "Catering Smaki Podhala");
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Catering Smaki Podhala sp. z o.o.").first()).toBeVisible();

  // Delegated, filtered by the assignee chosen by typing with the keyboard only.
  await page.goto("/tasks/delegated");
  const filters = page.getByRole("form", { name: "Filtry" });
  const person = filters.getByRole("combobox", { name: "Wykonawca", exact: true });
  await (await hydrated(person)).fill("Grabo");
  await expect(filters.getByRole("listbox").getByRole("option", { name: "Adam Grabowski" })).toBeVisible();
  await expectNoAxeViolations(page, "/tasks/delegated with the person picker open");
  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(page).toHaveURL(/[?&]person=[0-9a-f-]{36}/);
  const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  for (const row of await rows.all()) await expect(row).toContainText("Adam Grabowski");

  // The chosen person is named on the first render, without a search; "Wszyscy" clears the filter.
  await page.reload();
  await expect(person).toHaveValue("Adam Grabowski");
  await pick(filters, "Wykonawca", "", "Wszyscy");
  await expect(page).not.toHaveURL(/person=/);
});
