import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, hydrated, logout, signInAs } from "./support";

test("the delegator writes a checklist, the assignee ticks and reorders it by keyboard, progress follows; a stranger cannot open it", async ({ page }) => {
  // Three sign-ins and an axe run: more than the default minute on a shared machine.
  test.setTimeout(150_000);
  const title = `Przegląd zmywarki tunelowej ${Date.now().toString(36)}`;

  // The foreman delegates a task to a technician and writes its checklist.
  await signInAs(page, "foreman");
  const taskUrl = await createTaskInUi(page, { title, assignee: ["Krawczyk", "Paweł Krawczyk"] });

  const count = page.getByTestId("checklist-count");
  const field = await hydrated(page.getByLabel("Nowy punkt"));
  for (const [i, text] of ["Odłączyć zasilanie", "Wymienić filtr", "Spisać protokół"].entries()) {
    await field.fill(text);
    await field.press("Enter");
    await expect(count).toHaveText(`0 z ${i + 1}`);
    await expect(page.getByRole("checkbox", { name: text })).toBeEnabled();
  }
  await expect(field).toHaveValue("");
  await page.getByLabel("Postęp według listy kontrolnej").check();
  await expect(page.getByRole("checkbox", { name: "Postęp według listy kontrolnej" })).toBeChecked();
  await logout(page);

  // The technician ticks two items and moves the last one up with the keyboard.
  await signInAs(page, "tech1");
  await page.goto(taskUrl);
  await hydrated(page.getByRole("checkbox", { name: "Odłączyć zasilanie" }));
  await page.getByRole("checkbox", { name: "Odłączyć zasilanie" }).check();
  await expect(count).toHaveText("1 z 3");
  await page.getByRole("checkbox", { name: "Wymienić filtr" }).check();
  await expect(count).toHaveText("2 z 3");
  // The list's buttons are disabled while the tick is on its way: a disabled button takes no focus.
  const moveUp = page.getByRole("button", { name: "Przesuń „Spisać protokół” w górę" });
  await expect(moveUp).toBeEnabled();
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "„Spisać protokół” jest teraz punktem 2 z 3." })).toBeVisible();
  // The focus stays on the moved item, so a second Enter moves it again.
  await expect(page.getByRole("button", { name: "Przesuń „Spisać protokół” w górę" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "„Spisać protokół” jest teraz punktem 1 z 3." })).toBeVisible();
  const checklist = page.locator("ol").filter({ has: page.getByRole("checkbox", { name: "Spisać protokół" }) });
  await expect(checklist.locator("label > span:first-child")).toHaveText(["Spisać protokół", "Odłączyć zasilanie", "Wymienić filtr"]);
  await page.reload();
  await expect(checklist.locator("label > span:first-child")).toHaveText(["Spisać protokół", "Odłączyć zasilanie", "Wymienić filtr"]);
  await expect(page.locator("article header").getByRole("progressbar")).toHaveAttribute("aria-valuenow", "67");
  await expect(page.locator("article header").getByText("67%")).toBeVisible();
  await expect(count).toHaveText("2 z 3");
  await expectNoAxeViolations(page, "task page with a checklist");
  await logout(page);

  // Someone outside the task neither opens it nor its checklist.
  await signInAs(page, "accounting");
  const response = await page.goto(taskUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("checkbox", { name: "Spisać protokół" })).toHaveCount(0);
});
