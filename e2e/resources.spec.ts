import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { hydrated, logout, dayAheadInWarsaw, signInAs } from "./support";

async function book(page: Page, from: string, to: string, purpose: string) {
  const form = page.getByRole("form", { name: "Zarezerwuj" });
  await (await hydrated(form.getByLabel("Od"))).fill(from);
  await form.getByLabel("Do").fill(to);
  await form.getByLabel("Cel").fill(purpose);
  await form.getByRole("button", { name: "Zarezerwuj" }).click();
  return form;
}

/**
 * An admin adds two rooms on one floor; an employee books the first for a client meeting; a
 * colleague tries the same room at an overlapping time, is told who has it and offered the
 * other room, takes it, and both bookings show on the rooms' weeks.
 */
test("a double booking is refused with who has the room and a free room instead", async ({ page }) => {
  test.setTimeout(150_000);
  const tag = Date.now().toString(36);
  const floor = `Piętro E2E ${tag}`;
  const day = dayAheadInWarsaw(29);

  await signInAs(page, "admin");
  await page.goto("/admin/resources");
  for (const name of [`Sala Kopernik ${tag}`, `Sala Skłodowska ${tag}`]) {
    const form = page.getByRole("form", { name: "Nowy zasób" });
    await (await hydrated(form.getByLabel("Nazwa"))).fill(name);
    await form.getByLabel("Miejsce").fill(floor);
    await form.getByLabel("Pojemność (osoby)").fill("8");
    await form.getByRole("button", { name: "Dodaj zasób" }).click();
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expectNoAxeViolations(page, "the admins' resources page");
  await logout(page);

  await signInAs(page, "sales1");
  await page.goto(`/resources?location=${encodeURIComponent(floor)}`);
  await page.getByRole("link", { name: `Sala Kopernik ${tag}` }).click();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}?week=${day}`);
  const first = await book(page, `${day}T10:00`, `${day}T11:00`, "Spotkanie z klientem");
  await expect(first.getByRole("status")).toContainText("Zarezerwowano.");
  await expect(page.locator("[data-booking-id]").filter({ hasText: "Spotkanie z klientem" })).toContainText("Katarzyna Lewandowska");
  await expectNoAxeViolations(page, "a room's week with a booking");
  await logout(page);

  await signInAs(page, "sales2");
  await page.goto(`/resources?location=${encodeURIComponent(floor)}`);
  await page.getByRole("link", { name: `Sala Kopernik ${tag}` }).click();
  const second = await book(page, `${day}T10:30`, `${day}T11:30`, "Prezentacja oferty");
  await expect(second.getByRole("alert").first()).toContainText(`Zasób „Sala Kopernik ${tag}” jest już zarezerwowany przez: Katarzyna Lewandowska`);
  await expect(second.getByRole("button", { name: "Weź ten termin" })).toBeVisible();
  await expectNoAxeViolations(page, "the double-booking message");
  await second.getByRole("link", { name: `Sala Skłodowska ${tag}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Sala Skłodowska ${tag}` })).toBeVisible();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  const taken = await book(page, `${day}T10:30`, `${day}T11:30`, "Prezentacja oferty");
  await expect(taken.getByRole("status")).toContainText("Zarezerwowano.");
  await page.goto(`${page.url().split("?")[0]}?week=${day}`);
  await expect(page.locator("[data-booking-id]").filter({ hasText: "Prezentacja oferty" })).toContainText("Michał Dąbrowski");

  // Both meetings on the floor's timeline, each in its room's lane; the day is reached by keyboard.
  await page.goto(`/resources/timeline?location=${encodeURIComponent(floor)}&view=day&date=${dayAheadInWarsaw(28)}`);
  const next = await hydrated(page.getByRole("button", { name: "Następny dzień" }));
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`date=${day}`));
  const lanes = page.getByRole("region", { name: "Rezerwacje zasobów" });
  await expect(lanes.locator("[data-booking-id]")).toHaveCount(2);
  await expect(lanes.locator("[data-booking-id]").filter({ hasText: "Spotkanie z klientem" })).toContainText("Katarzyna Lewandowska");
  await expect(lanes.locator("[data-booking-id]").filter({ hasText: "Prezentacja oferty" })).toContainText("Michał Dąbrowski");
  await expect(lanes.getByRole("link", { name: `Sala Kopernik ${tag} (${floor}): kalendarz zasobu` })).toHaveAttribute("href", /\/resources\/[0-9a-f-]{36}\?/);
  await expectNoAxeViolations(page, "the resources timeline");
  await page.getByRole("radio", { name: "Dzień", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/view=week/);
  await expect(lanes.locator("[data-booking-id]")).toHaveCount(2);
  await expectNoAxeViolations(page, "the resources timeline's week");
});

/**
 * The booker changes the time of a booking in its dialog, cancels it and restores it before the
 * dialog closes; a colleague on the same page gets no way to change it.
 */
test("the booker changes, cancels and restores a booking; a colleague cannot touch it", async ({ page }) => {
  test.setTimeout(120_000);
  const purpose = `Szkolenie serwisowe ${Date.now().toString(36)}`;
  const day = dayAheadInWarsaw(34);

  await signInAs(page, "sales1");
  await page.goto("/resources");
  await page.getByRole("link", { name: "Sala szkoleniowa", exact: true }).click();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  const roomUrl = `${page.url()}?date=${day}`;
  await page.goto(roomUrl);
  const booked = await book(page, `${day}T14:00`, `${day}T15:00`, purpose);
  await expect(booked.getByRole("status")).toContainText("Zarezerwowano.");

  const change = page.getByRole("button", { name: new RegExp(`Zmień lub odwołaj rezerwację .*${purpose}`) });
  await change.click();
  const dialog = page.getByRole("dialog", { name: "Rezerwacja: Sala szkoleniowa" });
  await dialog.getByLabel("Do").fill(`${day}T15:30`);
  await dialog.getByRole("button", { name: "Zapisz zmiany" }).click();
  await expect(dialog.getByRole("status")).toContainText("Zapisano.");
  await expectNoAxeViolations(page, "a booking's dialog");
  await dialog.getByRole("button", { name: "Odwołaj rezerwację" }).click();
  await dialog.getByRole("button", { name: "Tak, odwołaj" }).click();
  await expect(dialog.getByRole("status")).toContainText("Rezerwacja odwołana");
  await dialog.getByRole("button", { name: "Przywróć rezerwację" }).click();
  await expect(dialog.getByRole("status")).toContainText("Rezerwacja przywrócona.");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Restored with its changed time: 14:00 to 15:30.
  await expect(page.locator("[data-booking-id]").filter({ hasText: purpose }).first()).toContainText("15:30");
  await logout(page);

  await signInAs(page, "sales2");
  await page.goto(roomUrl);
  await expect(page.locator("[data-booking-id]").filter({ hasText: purpose }).first()).toContainText("Katarzyna Lewandowska");
  await expect(page.getByRole("button", { name: new RegExp(`Zmień lub odwołaj rezerwację .*${purpose}`) })).toHaveCount(0);
});

/**
 * On a phone two rooms whose long names differ only at their end are told apart: the timeline
 * shows each name whole with its place under it, and the list shows them whole. The screenshots
 * are kept in test-results/ to be looked at.
 */
test("on a phone, long resource names that differ at their end stay told apart", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const names = [`Sala konferencyjna zarządu z rzutnikiem ${tag} północna`, `Sala konferencyjna zarządu z rzutnikiem ${tag} południowa`];
  const floors = [`Budynek A ${tag}`, `Budynek B ${tag}`];
  await signInAs(page, "admin");
  await page.goto("/admin/resources");
  for (const [i, name] of names.entries()) {
    const form = page.getByRole("form", { name: "Nowy zasób" });
    await (await hydrated(form.getByLabel("Nazwa"))).fill(name);
    await form.getByLabel("Miejsce").fill(floors[i]!);
    await form.getByRole("button", { name: "Dodaj zasób" }).click();
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/resources/timeline?view=day&kind=room`);
  const lanes = page.getByRole("region", { name: "Rezerwacje zasobów" });
  for (const [i, name] of names.entries()) {
    const link = lanes.getByRole("link", { name: `${name} (${floors[i]}): kalendarz zasobu` });
    await expect(link).toBeVisible();
    // The whole name is on screen, not cut after two lines.
    await expect(link).toContainText(name);
    expect(await link.evaluate((el) => getComputedStyle(el).webkitLineClamp)).toBe("none");
    await expect(link.locator("xpath=following-sibling::*[1]")).toHaveText(floors[i]!);
  }
  await lanes.getByRole("link", { name: new RegExp(`${tag} północna`) }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("timeline-390.png") });
  await expectNoAxeViolations(page, "the resources timeline on a phone");
  await page.goto(`/resources?kind=room`);
  for (const name of names) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await page.getByRole("link", { name: names[0]!, exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("list-390.png") });
});
