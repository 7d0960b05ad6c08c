import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, hydrated, logout, signInAs } from "./support";

test("a mention reaches a colleague's bell; someone who cannot see the task is not mentioned; the colleague starts watching", async ({ page }) => {
  // Three sign-ins and two axe runs: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const title = `Wymiana uszczelki drzwi ${Date.now().toString(36)}`;

  // The foreman delegates a task to a technician.
  await signInAs(page, "foreman");
  const taskUrl = await createTaskInUi(page, { title, assignee: ["Krawczyk", "Paweł Krawczyk"] });

  // Typing "@" opens the people picker; another technician (who cannot see the task) is refused with a clear message.
  const box = await hydrated(page.getByLabel("Komentarz", { exact: true }));
  await box.click();
  await box.pressSequentially("Łukasz, zobacz @");
  // The picker closes once a person is chosen and the text box has the focus back.
  const person = page.getByRole("combobox", { name: "Osoba, o której wspominasz", exact: true });
  await expect(person).toBeFocused();
  await person.fill("Piotrowski");
  await page.getByRole("listbox").getByRole("option", { name: "Łukasz Piotrowski" }).click();
  await expect(person).toHaveCount(0);
  await expect(box).toHaveValue("Łukasz, zobacz @Łukasz Piotrowski ");
  await expect(box).toBeFocused();
  await page.getByRole("button", { name: "Dodaj komentarz" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Łukasz Piotrowski nie widzi tego zadania, dlatego komentarza nie dodano" })).toBeVisible();

  // The service manager (above the foreman) can see it: the mention goes through, by keyboard too.
  await box.fill("");
  await box.pressSequentially("Potrzebna decyzja, ");
  await page.getByRole("button", { name: "Wspomnij o kimś" }).click();
  await expect(person).toBeFocused();
  await person.fill("Woźniak");
  await expect(page.getByRole("listbox").getByRole("option", { name: "Marek Woźniak" })).toBeVisible();
  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(box).toHaveValue("Potrzebna decyzja, @Marek Woźniak ");
  await box.pressSequentially("czy zamawiamy <b>oryginał</b>?");
  await page.getByRole("button", { name: "Dodaj komentarz" }).click();
  await expect(box).toHaveValue("");
  const comment = page.getByText("czy zamawiamy <b>oryginał</b>?");
  await expect(comment).toBeVisible();
  await expect(comment.locator("span", { hasText: "@Marek Woźniak" })).toBeVisible();
  await expectNoAxeViolations(page, "task page with a mention in a comment");
  await logout(page);

  // The service manager's bell shows the mention, with the comment's first words.
  await signInAs(page, "servicemgr");
  const bell = page.getByRole("button", { name: /^Powiadomienia/ });
  await expect(page.getByTestId("unread-count")).toBeVisible({ timeout: 15_000 });
  await bell.click();
  const item = page.getByRole("menuitem").filter({ hasText: "Grzegorz Jankowski wspomina o Tobie w zadaniu" }).filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Potrzebna decyzja, @Marek Woźniak czy zamawiamy <b>oryginał</b>?");
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${taskUrl}$`));

  // From the task the manager chooses to watch it; the watchers list names them.
  const watch = await hydrated(page.getByRole("button", { name: "Obserwuj", exact: true }));
  await watch.click();
  await expect(page.getByRole("list", { name: "Osoby obserwujące to zadanie" })).toHaveText("Marek Woźniak (Ty)");
  await expect(page.getByRole("button", { name: "Przestań obserwować" })).toBeVisible();
  await expectNoAxeViolations(page, "task page watched by the viewer");

  // News of watched tasks comes in-app only unless the manager chooses more, per kind.
  await page.goto("/settings/notifications");
  const statusByEmail = await hydrated(page.getByRole("group", { name: "Obserwowane zadanie zmienia status" }).getByRole("checkbox", { name: "E-mail" }));
  await expect(statusByEmail).not.toBeChecked();
  await expect(page.getByRole("group", { name: "Ktoś wspomina o mnie w komentarzu" }).getByRole("checkbox", { name: "E-mail" })).toBeChecked();
  await statusByEmail.check();
  const kinds = page.locator("form").filter({ has: statusByEmail });
  await kinds.getByRole("button", { name: "Zapisz" }).click();
  await expect(kinds.getByRole("status")).toHaveText("Zapisano.");
  await page.reload();
  await expect(page.getByRole("group", { name: "Obserwowane zadanie zmienia status" }).getByRole("checkbox", { name: "E-mail" })).toBeChecked();
  await expectNoAxeViolations(page, "notification settings with channels per kind");
  await logout(page);

  // Someone outside the task cannot open it, nor see who watches it.
  await signInAs(page, "accounting");
  const response = await page.goto(taskUrl);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Marek Woźniak (Ty)")).toHaveCount(0);
});
