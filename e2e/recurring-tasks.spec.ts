import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { testClockFile } from "./serve";
import { appPort, login, pick } from "./support";

const MINUTE = 60_000;

/** Moves the server's clock (lib/time/clock.ts) this far ahead of real time. */
function advanceClock(ms: number) {
  writeFileSync(testClockFile(appPort()), String(ms));
}

/** The wall clock in Warsaw: "HH:MM" and the Polish weekday name the form's checkboxes use. */
function warsaw(instant: Date): { time: string; weekday: string } {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  const weekday = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", weekday: "long" }).format(instant);
  return { time, weekday };
}

test.afterAll(() => advanceClock(0));

test("a weekly task: its next instance appears in the assignee's list at its moment", async ({ browser }) => {
  test.setTimeout(120_000);
  advanceClock(0);
  const title = `Tygodniowy przegląd floty ${Date.now().toString(36)}`;
  // The next moment: three minutes from now, on today's weekday in Warsaw.
  const moment = warsaw(new Date(Date.now() + 3 * MINUTE));

  const foremanContext = await browser.newContext();
  const foreman = await foremanContext.newPage();
  await login(foreman, "foreman");
  await expect(foreman).toHaveURL(/\/tasks$/);
  await foreman.goto("/tasks/new");
  await foreman.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(foreman, "Wykonawca", "Paweł", "Paweł Krawczyk");
  await foreman.getByLabel("Powtarza się", { exact: true }).selectOption("weekly");
  await foreman.getByLabel(moment.weekday, { exact: true }).check();
  await foreman.getByLabel("Nowe zadanie pojawia się o", { exact: true }).fill(moment.time);
  await expect(foreman.locator("#repeat-words")).toHaveText(`Co tydzień: ${moment.weekday}, o ${moment.time}`);
  await expectNoAxeViolations(foreman, "new task form with a weekly repetition");
  await foreman.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(foreman).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(foreman.getByTestId("task-repetition")).toContainText(`Powtarza się: Co tydzień: ${moment.weekday}, o ${moment.time}`);

  // The assignee has the one task now…
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await login(tech, "tech1");
  await expect(tech).toHaveURL(/\/tasks$/);
  await expect(tech.getByRole("link", { name: title })).toHaveCount(1);
  // The list says it repeats.
  await expect(tech.getByRole("row").filter({ hasText: title }).getByRole("img", { name: "Powtarza się" })).toBeVisible();

  // …and, five minutes later on the server's clock, the next one as well.
  advanceClock(5 * MINUTE);
  await expect
    .poll(
      async () => {
        await tech.reload();
        return tech.getByRole("link", { name: title }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(2);

  // The new instance links back to the first one.
  await tech.getByRole("link", { name: title }).first().click();
  await expect(tech.getByTestId("task-repetition")).toContainText(/Poprzednie: #\d+|Następne: #\d+/);
  await foremanContext.close();
  await techContext.close();
});
