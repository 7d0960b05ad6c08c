import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, dayAheadInWarsaw, hydrated, signInAs } from "./support";

/** My tasks as a board, newest first, so the test's own card is in its column's first cards whatever else the demo holds. */
async function openBoard(page: Page) {
  await page.goto("/tasks?layout=board&sort=created");
  await expect(page.getByRole("navigation", { name: "Pokaż jako" }).getByRole("link", { name: "Tablica" })).toHaveAttribute("aria-current", "page");
}

const column = (page: Page, status: string) => page.locator(`section[data-column="${status}"]`);
const cardIn = (scope: Locator, title: string) => scope.locator("li[data-card]").filter({ hasText: title });

test("a card moves between columns by dragging, by the keyboard and through its menu; a refused move snaps back; the history shows each", async ({ page }) => {
  test.setTimeout(150_000);
  const title = `Kontrola szczelności ${Date.now().toString(36)}`;
  await signInAs(page, "foreman");
  const taskUrl = await createTaskInUi(page, { title, due: `${dayAheadInWarsaw(3)}T10:00` });

  await openBoard(page);
  const card = cardIn(column(page, "open"), title);
  await expect(card).toBeVisible();
  const handle = await hydrated(card.getByRole("button", { name: new RegExp(`^Przeciągnij zadanie #\\d+ ${title}$`) }));

  // By mouse: the card follows the pointer into "In progress" and stays there once the server agrees.
  const from = (await handle.boundingBox())!;
  const to = (await column(page, "in_progress").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator("[data-board-message]")).toHaveText(new RegExp(`${title} ma teraz status: W toku\\.$`));
  await expect(cardIn(column(page, "in_progress"), title)).toBeVisible();

  // By keyboard: space picks it up, each arrow is a column, space drops it. "Awaiting acceptance" is
  // no place for a task that needs none: the card goes back, and the reason is said.
  // Each key waits for what the drag announces (dnd-kit's live region), so a slow machine never drops a key.
  const live = page.locator('[id^="DndLiveRegion"]');
  const moved = await hydrated(cardIn(column(page, "in_progress"), title).getByRole("button", { name: /^Przeciągnij/ }));
  await moved.focus();
  await page.keyboard.press("Space");
  await expect(live).toContainText(/Podniesiono zadanie #|nad kolumną W toku\./);
  await page.keyboard.press("ArrowRight");
  await expect(live).toContainText("nad kolumną Do akceptacji.");
  await page.keyboard.press("Space");
  await expect(page.locator("[data-board-message]")).toContainText("zostaje na miejscu: Tego zadania nie można przenieść do tej kolumny.");
  await expect(cardIn(column(page, "in_progress"), title)).toBeVisible();
  await expect(cardIn(column(page, "awaiting_acceptance"), title)).toHaveCount(0);

  await cardIn(column(page, "in_progress"), title)
    .getByRole("button", { name: /^Przeciągnij/ })
    .focus();
  await page.keyboard.press("Space");
  await expect(live).toContainText(/Podniesiono zadanie #|nad kolumną W toku\./);
  await page.keyboard.press("ArrowRight");
  await expect(live).toContainText("nad kolumną Do akceptacji.");
  await page.keyboard.press("ArrowRight");
  await expect(live).toContainText("nad kolumną Wykonane.");
  await page.keyboard.press("Space");
  await expect(page.locator("[data-board-message]")).toHaveText(new RegExp(`${title} ma teraz status: Wykonane\\.$`));
  await expect(cardIn(column(page, "done"), title)).toBeVisible();

  // Through the card's menu, by keyboard: the foreman delegated it to himself, so he reopens it.
  const menu = cardIn(column(page, "done"), title).getByRole("button", { name: /^Przenieś zadanie #\d+ .* do…$/ });
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Otwarte" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.getByRole("menuitem", { name: "Otwarte" }).press("Enter");
  await expect(page.locator("[data-board-message]")).toHaveText(new RegExp(`${title} ma teraz status: Otwarte\\.$`));
  await expect(cardIn(column(page, "open"), title)).toBeVisible();
  await expectNoAxeViolations(page, "task board after moves");

  // The server kept each step, and the task's history tells them.
  await page.reload();
  await expect(cardIn(column(page, "open"), title)).toBeVisible();
  await page.goto(taskUrl);
  const history = page.getByRole("list").filter({ hasText: "utworzenie zadania" });
  await expect(history).toContainText("W toku");
  await expect(history).toContainText("Wykonane");
  await expect(history).toContainText("Otwarte");
});

test("a template is created and a task starts from it, its checklist and due date filled in", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Wymiana filtrów ${Date.now().toString(36)}`;
  await signInAs(page, "foreman");
  await page.goto("/tasks/templates");
  await expect(page.locator("tr[data-template='Przegląd okresowy']")).toBeVisible();
  await page.getByRole("link", { name: "Nowy szablon" }).click();
  await hydrated(page.getByLabel("Tytuł", { exact: true }));
  await page.getByLabel("Tytuł", { exact: true }).fill(title);
  await page.getByLabel("Termin za dni robocze").fill("3");
  await page.getByLabel("Lista kontrolna").fill("Odłączyć zasilanie\nWymienić filtry\n\nSpisać protokół");
  await page.getByRole("button", { name: "Utwórz szablon" }).click();
  await expect(page).toHaveURL(/\/tasks\/templates$/);

  await page.getByRole("link", { name: `Użyj szablonu „${title}”` }).click();
  await expect(page.getByLabel("Tytuł", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Termin", { exact: true })).toHaveValue(/T16:00$/);
  await expect(page.getByLabel("Lista kontrolna")).toHaveValue("Odłączyć zasilanie\nWymienić filtry\nSpisać protokół");
  await hydrated(page.getByRole("button", { name: "Utwórz zadanie" }));
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  for (const item of ["Odłączyć zasilanie", "Wymienić filtry", "Spisać protokół"]) await expect(page.getByRole("checkbox", { name: item })).toBeVisible();

  // The picker on the form does the same with the department's template.
  await page.goto("/tasks/new");
  await page.getByLabel("Z szablonu").selectOption({ label: "Przegląd okresowy" });
  await page.getByRole("button", { name: "Wypełnij" }).click();
  await expect(page.getByLabel("Tytuł", { exact: true })).toHaveValue("Przegląd okresowy");
  await expect(page.getByLabel("Lista kontrolna")).toHaveValue(/^Wymienić filtry\n/);
});
