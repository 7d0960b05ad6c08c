import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, dayAheadInWarsaw, hydrated, logout, pick, signInAs } from "./support";

async function addSubtask(page: Page, title: string, person: [string, string], due: string) {
  const form = page.getByRole("form", { name: "Dodaj podzadanie" });
  await (await hydrated(form.getByLabel("Tytuł", { exact: true }))).fill(title);
  await pick(form, "Wykonawca", person[0], person[1]);
  await form.getByLabel("Termin", { exact: true }).fill(due);
  await form.getByRole("button", { name: "Dodaj podzadanie" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(form.getByLabel("Tytuł", { exact: true })).toHaveValue("");
}

test("the delegator splits a task into two subtasks for two people, one is done, the parent shows 1 of 2 and asks before it is finished", async ({ page }) => {
  // Three sign-ins and two axe runs: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const title = `Przegląd kuchni hotelowej ${suffix}`;
  const first = `Sprawdzić zmywarkę ${suffix}`;
  const second = `Wymienić uszczelki ${suffix}`;

  // The foreman creates the task (his own) and adds two subtasks for two technicians.
  await signInAs(page, "foreman");
  const parentUrl = await createTaskInUi(page, { title, due: `${dayAheadInWarsaw(7)}T16:00` });

  await addSubtask(page, first, ["krawcz", "Paweł Krawczyk"], `${dayAheadInWarsaw(3)}T12:00`);
  await addSubtask(page, second, ["piotrow", "Łukasz Piotrowski"], `${dayAheadInWarsaw(4)}T12:00`);
  const progress = page.getByTestId("subtask-progress");
  await expect(progress).toHaveText("Wykonano 0 z 2");
  const subtasks = page.getByRole("table", { name: "Podzadania" });
  await expect(subtasks.getByRole("row")).toHaveCount(3);
  await expect(subtasks.getByRole("row", { name: new RegExp(first) })).toContainText("Paweł Krawczyk");
  await expect(subtasks.getByRole("row", { name: new RegExp(second) })).toContainText("Łukasz Piotrowski");
  await expectNoAxeViolations(page, "task page with subtasks");
  const firstUrl = await subtasks.getByRole("link", { name: first }).getAttribute("href");
  // His own list shows the task's subtasks at a glance.
  await page.goto("/tasks");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("podzadania 0/2");
  await logout(page);

  // The first technician finishes his subtask; of the task it belongs to he learns only that there is one.
  await signInAs(page, "tech1");
  await expect(page.getByRole("row", { name: new RegExp(first) })).toContainText("Podzadanie");
  await page.goto(firstUrl!);
  await expect(page.getByText("Część większego zadania, do którego nie masz dostępu.")).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await (await hydrated(page.getByRole("button", { name: "Oznacz jako wykonane…" }))).click();
  await page.getByRole("button", { name: "Potwierdź wykonanie" }).click();
  await expect(page.locator("article header").getByText("Wykonane")).toBeVisible();
  await logout(page);

  // The foreman sees 1 of 2 done; finishing the task asks about the open subtask first.
  await signInAs(page, "foreman");
  await page.goto(parentUrl);
  await expect(progress).toHaveText("Wykonano 1 z 2");
  await expect(subtasks.getByRole("row", { name: new RegExp(first) })).toContainText("Wykonane");
  await (await hydrated(page.getByRole("button", { name: "Oznacz jako wykonane…" }))).click();
  const finish = page.getByRole("form", { name: "Oznacz jako wykonane" });
  await expect(finish.getByText("Nadal otwarte podzadania tego zadania: 1.")).toBeVisible();
  const confirm = finish.getByRole("checkbox", { name: "Zakończ, choć otwarte podzadania: 1" });
  await expect(confirm).not.toBeChecked();
  // Without the tick the form does not go: the browser points at the checkbox, and the task stays open.
  await finish.getByRole("button", { name: "Potwierdź wykonanie" }).click();
  await expect.poll(() => confirm.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await expect(page.locator("article header").getByText("Otwarte")).toBeVisible();
  await expectNoAxeViolations(page, "finishing a task with an open subtask");
  await confirm.check();
  await finish.getByRole("button", { name: "Potwierdź wykonanie" }).click();
  await expect(page.locator("article header").getByText("Wykonane")).toBeVisible();
  // The open subtask stays open: finishing the task is not finishing its parts.
  await expect(subtasks.getByRole("row", { name: new RegExp(second) })).toContainText("Otwarte");
});
