import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { testClockFile } from "./serve";
import { appPort, demoEmail, login, pick, sentMessages } from "./support";

const MINUTE = 60_000;

/** Moves the server's reminder clock (lib/time/clock.ts) this far ahead of real time. */
function advanceClock(ms: number) {
  writeFileSync(testClockFile(appPort()), String(ms));
}

function inWarsaw(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Warsaw",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

async function openBell(page: Page) {
  await page.getByRole("button", { name: /^Powiadomienia/ }).click();
}

test.afterAll(() => advanceClock(0));

test("a task's reminder reaches the assignee's bell and e-mail, then the overdue notice reaches the delegator", async ({ browser }) => {
  advanceClock(0);
  const title = `Kalibracja czujnika ciśnienia ${Date.now().toString(36)}`;

  // The foreman delegates a task due in ten minutes with a reminder five minutes before.
  const foremanContext = await browser.newContext();
  const foreman = await foremanContext.newPage();
  await login(foreman, "foreman");
  await expect(foreman).toHaveURL(/\/tasks$/);
  await foreman.goto("/tasks/new");
  await foreman.getByLabel("Tytuł", { exact: true }).fill(title);
  await foreman.getByLabel("Termin", { exact: true }).fill(inWarsaw(new Date(Date.now() + 10 * MINUTE)));
  await pick(foreman, "Wykonawca", "Paweł", "Paweł Krawczyk");
  await foreman.getByRole("button", { name: "Dodaj przypomnienie" }).click();
  await foreman.getByLabel("Ile wcześniej", { exact: true }).selectOption("5");
  await foreman.getByLabel("Kanał", { exact: true }).selectOption("email");
  await foreman.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(foreman).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const taskPath = new URL(foreman.url()).pathname;
  const number = (await foreman.locator("article header p").first().textContent())!.match(/\d+/)![0];

  // The task page shows what is scheduled: the reminder, the overdue notice and the escalation plan.
  const timeline = foreman.getByTestId("task-timeline");
  await expect(timeline.locator('[data-moment="reminder"]:not([data-sent])')).toContainText("Paweł Krawczyk · E-mail");
  await expect(timeline.locator('[data-moment="overdue"]:not([data-sent])')).toHaveCount(2);
  await expect(timeline).toContainText("W terminie");

  // Six minutes later (on the test clock) the reminder has gone out.
  advanceClock(6 * MINUTE);
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await login(tech, "tech1");
  await expect(tech).toHaveURL(/\/tasks$/);
  await openBell(tech);
  await expect(tech.getByRole("menuitem").filter({ hasText: `Przypomnienie: zadanie #${number}` })).toBeVisible({ timeout: 15_000 });
  await tech.keyboard.press("Escape");
  await expect
    .poll(async () => (await sentMessages(demoEmail("tech1"))).emails.some((e) => e.subject.includes(`Przypomnienie: zadanie #${number}`)), { timeout: 15_000 })
    .toBe(true);

  // The reminder can be snoozed from the notifications page.
  await tech.goto("/notifications");
  const item = tech.getByRole("listitem").filter({ hasText: `Przypomnienie: zadanie #${number}` });
  await item.getByRole("button", { name: "Za 10 min" }).click();
  await expect(item.getByRole("status")).toContainText("Przypomnę ponownie");

  // Past the due moment the delegator hears that it is overdue.
  advanceClock(11 * MINUTE);
  await foreman.goto("/tasks");
  await openBell(foreman);
  await expect(foreman.getByRole("menuitem").filter({ hasText: `Zadanie #${number} po terminie` })).toBeVisible({ timeout: 15_000 });
  await foreman.keyboard.press("Escape");
  await foreman.goto(taskPath);
  await expect(foreman.getByTestId("task-timeline").locator('[data-moment="reminder"][data-sent]').first()).toContainText("Paweł Krawczyk");
  await expect(foreman.getByTestId("task-timeline").locator('[data-moment="overdue"][data-sent]')).toHaveCount(2);

  await techContext.close();
  await foremanContext.close();
});
