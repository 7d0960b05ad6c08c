import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { hydrated, logout, pick, signInAs } from "./support";

test("a manager saves a filtered Delegated view, shares it with his department, reassigns two tasks at once; a team member sees the view and one notice", async ({
  page,
}) => {
  // Two sign-ins, task creation and two axe runs: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const token = Date.now().toString(36);
  const titles = [`Oferta serwisowa ${token} A`, `Oferta serwisowa ${token} B`];

  // The sales manager delegates two urgent tasks to Natalia Mazur.
  await signInAs(page, "salesmgr");
  for (const title of titles) {
    await page.goto("/tasks/new");
    await (await hydrated(page.getByLabel("Tytuł", { exact: true }))).fill(title);
    await page.getByLabel("Priorytet", { exact: true }).selectOption("urgent");
    await pick(page, "Wykonawca", "Mazur", "Natalia Mazur");
    await page.getByRole("button", { name: "Utwórz zadanie" }).click();
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  }

  // Delegated, filtered to urgent and newest first, saved as a view.
  await page.goto("/tasks/delegated?priority=urgent&sort=number");
  const views = page.getByRole("navigation", { name: "Zapisane widoki" });
  await (await hydrated(views.getByRole("button", { name: "Zapisz widok" }))).click();
  const saveDialog = page.getByRole("dialog", { name: "Zapisz bieżące filtry i sortowanie" });
  await saveDialog.getByLabel("Nazwa widoku").fill(`Pilne ${token}`);
  await saveDialog.getByRole("button", { name: "Zapisz", exact: true }).click();
  await expect(saveDialog).toHaveCount(0);
  const viewLink = views.getByRole("list", { name: "Moje widoki" }).getByRole("link", { name: new RegExp(`^Pilne ${token}`) });
  await expect(viewLink).toHaveAttribute("aria-current", "page");

  // Shared with the department he manages.
  await views.getByRole("button", { name: `Zarządzaj widokiem „Pilne ${token}”` }).click();
  const manage = page.getByRole("dialog", { name: `Zarządzaj widokiem „Pilne ${token}”` });
  await manage.getByLabel("Udostępnij działowi").selectOption({ label: "Sprzedaż" });
  await manage.getByRole("button", { name: "Udostępnij", exact: true }).click();
  await expect(manage).toHaveCount(0);
  await expect(viewLink).toContainText("udostępniony: Sprzedaż");

  // Opening the view elsewhere brings the filters back.
  await page.goto("/tasks/delegated");
  await views.getByRole("link", { name: new RegExp(`^Pilne ${token}`) }).click();
  await expect(page).toHaveURL(/\/tasks\/delegated\?priority=urgent&sort=number$/);

  // Both tasks selected and handed to Michał Dąbrowski at once.
  for (const title of titles) {
    await (await hydrated(page.getByRole("row").filter({ hasText: title }).getByRole("checkbox"))).check();
  }
  const toolbar = page.getByRole("region", { name: "Działania na zaznaczonych zadaniach" });
  await expect(toolbar.getByRole("status")).toHaveText("Zaznaczono 2 zadania");
  await toolbar.getByLabel("Działanie").selectOption("reassign");
  await pick(toolbar, "Nowy wykonawca", "Dąbrowski", "Michał Dąbrowski");
  await toolbar.getByLabel("Komentarz (opcjonalnie)").fill("Natalia jest na urlopie");
  await expectNoAxeViolations(page, "delegated list with saved views and the bulk toolbar");
  await toolbar.getByRole("button", { name: "Zastosuj do 2 zadań" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zmieniono 2 zadania." })).toBeVisible();
  for (const title of titles) await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Michał Dąbrowski");
  await logout(page);

  // Michał, in the sales department, sees the shared view (read-only) and one notice naming both tasks.
  await signInAs(page, "sales2");
  await expect(page.getByTestId("unread-count")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: /^Powiadomienia/ }).click();
  const notice = page.getByRole("menuitem").filter({ hasText: "Piotr Kamiński zmienia 2 Twoich zadań" });
  await expect(notice).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/tasks/delegated");
  const shared = page.getByRole("navigation", { name: "Zapisane widoki" }).getByRole("list", { name: "Udostępnione mojemu działowi" });
  const sharedLink = shared.getByRole("link", { name: new RegExp(`^Pilne ${token}`) });
  await expect(sharedLink).toContainText("od Piotr Kamiński");
  await expect(page.getByRole("button", { name: `Zarządzaj widokiem „Pilne ${token}”` })).toHaveCount(0);
  await sharedLink.click();
  await expect(page).toHaveURL(/\/tasks\/delegated\?priority=urgent&sort=number$/);
  await expectNoAxeViolations(page, "delegated list with a view shared with the department");
});
