import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, logout, signInAs } from "./support";

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId("unread-count");
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

test("a result goes for acceptance with a note, the task page says so truthfully, and opening a task reads its notices", async ({ page }) => {
  // Four sign-ins and two axe runs: more than the default minute on a shared machine.
  test.setTimeout(150_000);
  const title = `Kalibracja pieca konwekcyjnego ${Date.now().toString(36)}`;

  // The foreman delegates a task that needs his acceptance.
  await signInAs(page, "foreman");
  const taskUrl = await createTaskInUi(page, { title, assignee: ["Krawczyk", "Paweł Krawczyk"], needsAcceptance: true });

  // Handing it over never offers the person who already has it.
  const handOver = page.getByRole("combobox", { name: "Przekaż zadanie", exact: true });
  await expect(handOver).toHaveValue("");
  await handOver.fill("Krawczyk");
  await expect(page.locator("p").filter({ hasText: "Brak pasujących" })).toBeVisible();
  await handOver.fill("Piotrowski");
  await expect(page.getByRole("listbox").getByRole("option", { name: "Łukasz Piotrowski" })).toHaveCount(1);
  await handOver.press("Escape");
  await expect(page.getByRole("button", { name: "Przekaż", exact: true })).toBeDisabled();
  await expectNoAxeViolations(page, "task page of its delegator");
  await logout(page);

  // The technician has an unread notice about it, until he opens the task.
  await signInAs(page, "tech1");
  await page.goto("/notifications");
  const notice = page.getByRole("listitem").filter({ hasText: title });
  await expect(notice).toHaveAttribute("data-unread", "true");
  await expect(page.getByTestId("unread-count")).toBeVisible();
  const before = await unreadCount(page);
  await notice.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(new RegExp(`${taskUrl}$`));
  // The bell follows at once, not at its next poll.
  await expect.poll(() => unreadCount(page)).toBe(before - 1);
  await page.goto("/notifications");
  await expect(notice).not.toHaveAttribute("data-unread", "true");
  await page.goto(taskUrl);

  // Start is confirmed in a status line screen readers announce.
  await page.getByRole("button", { name: "Rozpocznij" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rozpoczęto pracę: zadanie jest w toku." })).toBeVisible();

  // Submitting for acceptance asks first, and says who checks the result.
  await page.getByRole("button", { name: "Zgłoś do akceptacji…" }).click();
  const finish = page.getByRole("form", { name: "Zgłoś do akceptacji" });
  await expect(finish).toContainText("Wynik trafi do sprawdzenia: Grzegorz Jankowski.");
  // The step and the status line shown together pass axe too.
  await expectNoAxeViolations(page, "task page with the finishing step and a status line");
  await page.screenshot({ path: "/tmp/taskpage-finish.png", fullPage: true });
  await finish.getByRole("button", { name: "Wróć" }).click();
  await expect(finish).toHaveCount(0);
  await expect(page.locator("article header").getByText("W toku")).toBeVisible();
  await page.getByRole("button", { name: "Zgłoś do akceptacji…" }).click();
  await finish.getByLabel("Notatka o wyniku (opcjonalnie)").fill("Skalibrowano, protokół w załączniku u klienta.");
  await finish.getByRole("button", { name: "Wyślij do akceptacji" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zgłoszono do akceptacji: wynik sprawdzi Grzegorz Jankowski." })).toBeVisible();
  await expect(page.locator("article header").getByText("Do akceptacji")).toBeVisible();

  // While waiting, the reminders card does not claim the task is closed.
  const timeline = page.getByTestId("task-timeline");
  await expect(timeline).toContainText("Czeka na sprawdzenie wyniku przez: Grzegorz Jankowski.");
  await expect(timeline).not.toContainText("zakończone");

  // The assignee's edit page names whose acceptance it is.
  await page.goto(`${taskUrl}/edit`);
  await expect(page.getByText("Wymaga akceptacji: Grzegorz Jankowski")).toBeVisible();
  await expect(page.getByText("Wymaga mojej akceptacji")).toHaveCount(0);
  await logout(page);

  // The foreman reads the note in his notice and the history, and accepting is confirmed too.
  await signInAs(page, "foreman");
  await page.goto("/notifications");
  const waiting = page.getByRole("listitem").filter({ hasText: title }).first();
  await expect(waiting).toContainText("Notatka o wyniku: Skalibrowano, protokół w załączniku u klienta.");
  await page.goto(taskUrl);
  await expect(page.getByRole("list").filter({ hasText: "Notatka o wyniku" })).toContainText("Skalibrowano, protokół w załączniku u klienta.");
  await expect(page.getByRole("figure")).toContainText("Notatka o wyniku od: Paweł Krawczyk");
  await expect(page.getByRole("figure")).toContainText("Skalibrowano, protokół w załączniku u klienta.");
  await page.getByRole("button", { name: "Akceptuj" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zaakceptowano wynik: zadanie jest wykonane." })).toBeVisible();
  await expect(page.locator("article header").getByText("Wykonane")).toBeVisible();
});
