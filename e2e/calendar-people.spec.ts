import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { login, logout, pick, dayAheadInWarsaw } from "./support";

/**
 * Calls a server action over HTTP as the signed-in browser does: a POST naming the action's id,
 * found in the build's server-reference manifest. The demo has no calendar entries, and the
 * entry form lives on another page: this makes them through the app's own action, checks included.
 */
async function callAction(page: Page, name: string, input: unknown): Promise<{ reply: string; id: string | undefined }> {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && a.filename?.includes("lib/calendar/actions"));
  if (!found) throw new Error(`no server action ${name} in the build`);
  const [id, action] = found;
  const worker = Object.keys(action.workers)[0]!;
  const route =
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "") || "/";
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${origin}${route}`, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: JSON.stringify([input]),
  });
  expect(response.status(), `${name} answered`).toBe(200);
  const reply = await response.text();
  return { reply, id: /"data":\{"id":"([0-9a-f-]{36})"/.exec(reply)?.[1] };
}

test("picking two people and a team shows their lanes, someone else's private entry only as Busy, and the choice is remembered", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const secret = `Rozmowa poufna ${stamp}`;
  const meeting = `Przegląd ofert ${stamp}`;
  const day = dayAheadInWarsaw(1);

  // The sales director plans a private talk and an ordinary meeting tomorrow.
  await login(page, "salesdir");
  await expect(page).toHaveURL(/\/tasks$/);
  const talk = await callAction(page, "createEntryAction", {
    time: { allDay: false, start: `${day}T10:00`, end: `${day}T11:00` },
    title: secret,
    visibility: "private",
  });
  const review = await callAction(page, "createEntryAction", { time: { allDay: false, start: `${day}T13:00`, end: `${day}T14:30` }, title: meeting });
  expect(talk.id, talk.reply).toBeTruthy();
  expect(review.id, review.reply).toBeTruthy();
  await logout(page);

  // The service manager puts him, a saleswoman and the northern field team side by side.
  await login(page, "servicemgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/calendar/people");
  await expect(page.getByRole("heading", { level: 1, name: "Kalendarze osób" })).toBeVisible();
  await pick(page, "Dodaj osobę", "Nowak", "Tomasz Nowak");
  await pick(page, "Dodaj osobę", "Lewandowska", "Katarzyna Lewandowska");
  await page.getByLabel("Dodaj zespół lub dział").selectOption({ label: "Serwis terenowy Północ · Serwis (2)" });
  await page.getByRole("button", { name: "Dodaj", exact: true }).click();

  const grid = page.getByRole("region", { name: "Kalendarze pokazywanych osób" });
  // The demo has entries of its own: these two are found by id, and their names are checked.
  const talkLink = grid.locator(`a[data-entry-id="${talk.id}"]`);
  const reviewLink = grid.locator(`a[data-entry-id="${review.id}"]`);
  for (const name of ["Marek Woźniak", "Tomasz Nowak", "Katarzyna Lewandowska", "Adam Grabowski", "Oliver Schmidt"]) {
    await expect(grid.getByText(name, { exact: true })).toBeVisible();
  }

  // Tomorrow, in the day view: the private talk is "Busy", the meeting has its title.
  await page.getByLabel("Przejdź do dnia").fill(day);
  await page.getByText("Dzień", { exact: true }).click();
  await expect(talkLink).toHaveAccessibleName(/^10:00 Zajęty\s*, do 11:00/);
  await expect(reviewLink).toHaveAccessibleName(new RegExp(`^13:00 ${meeting}\\s*, do 14:30`));
  expect(await page.content()).not.toContain(secret);
  await expectNoAxeViolations(page, "people side by side, day view");
  await page.screenshot({ path: "/tmp/calendar-people-day.png", fullPage: true });

  // A reload (or his phone) shows the same people again, on the same day.
  await page.reload();
  await expect(grid.getByText("Oliver Schmidt", { exact: true })).toBeVisible();
  await expect(talkLink).toHaveAccessibleName(/^10:00 Zajęty\s*, do 11:00/);
  expect(await page.content()).not.toContain(secret);

  // Keyboard: the next day is a Tab and an Enter away, and the date follows.
  await page.getByRole("button", { name: "Następny dzień" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Przejdź do dnia")).toHaveValue(dayAheadInWarsaw(2));
  await expect(talkLink).toHaveCount(0);

  // The week holding both days, days across: each day's working hours as a bar over its list.
  await page.getByText("Tydzień", { exact: true }).click();
  await expect(talkLink).toHaveAccessibleName(/^10:00 Zajęty\s*, do 11:00/);
  await expect(reviewLink).toHaveAccessibleName(new RegExp(`^13:00 ${meeting}\\s*, do 14:30`));
  await page.screenshot({ path: "/tmp/calendar-people-week.png", fullPage: true });
  await expectNoAxeViolations(page, "people side by side, week view");

  // On a phone the week scrolls sideways under the names; still clean, and an entry opens with the keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, "people side by side, week view on a phone");
  await reviewLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/calendar/entries/${review.id}$`));
});
