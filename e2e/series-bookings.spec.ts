import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { dayAheadInWarsaw, hydrated, logout, pick, signInAs } from "./support";

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An employee books a room for a weekly meeting; a colleague holds it on the third Monday. The
 * form lists that date and who holds it, the employee skips it, and the series is booked on the
 * other dates: the room's week shows the meeting, and the skipped week shows only the colleague's.
 */
test("a weekly meeting books its room; a taken date is listed, skipped, and the rest of the series is booked", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const room = `Sala Cykliczna ${tag}`;
  const first = dayAheadInWarsaw(45);
  const taken = plusDays(first, 14);

  await signInAs(page, "admin");
  await page.goto("/admin/resources");
  const newResource = page.getByRole("form", { name: "Nowy zasób" });
  await (await hydrated(newResource.getByLabel("Nazwa"))).fill(room);
  await newResource.getByLabel("Miejsce").fill(`Piętro ${tag}`);
  await newResource.getByRole("button", { name: "Dodaj zasób" }).click();
  await expect(page.getByRole("link", { name: room })).toBeVisible();
  await logout(page);

  await signInAs(page, "sales2");
  await page.goto(`/calendar/entries/new?date=${taken}`);
  let form = page.locator("form").filter({ has: page.getByLabel("Tytuł", { exact: true }) });
  await (await hydrated(form.getByLabel("Tytuł", { exact: true }))).fill("Szkolenie produktowe");
  await form.getByLabel("Początek", { exact: true }).fill(`${taken}T10:30`);
  await form.getByLabel("Koniec", { exact: true }).fill(`${taken}T11:30`);
  await pick(form, "Sale i sprzęt", tag, room);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  await logout(page);

  await signInAs(page, "sales1");
  await page.goto(`/calendar/entries/new?date=${first}`);
  form = page.locator("form").filter({ has: page.getByLabel("Tytuł", { exact: true }) });
  await (await hydrated(form.getByLabel("Tytuł", { exact: true }))).fill("Odprawa handlowców");
  await form.getByLabel("Początek", { exact: true }).fill(`${first}T10:00`);
  await form.getByLabel("Koniec", { exact: true }).fill(`${first}T11:00`);
  await form.getByLabel("Powtarza się", { exact: true }).selectOption({ label: "Co tydzień" });
  await form.getByLabel("Kończy się", { exact: true }).selectOption({ label: "Po określonej liczbie razy" });
  await form.getByLabel("Liczba razy", { exact: true }).fill("4");
  await pick(form, "Sale i sprzęt", tag, room);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();

  await expect(form.getByRole("alert").first()).toContainText("1 termin tej serii");
  const listing = form.getByTestId("series-conflicts");
  await expect(listing.getByRole("listitem")).toHaveCount(1);
  await expect(listing.getByRole("listitem")).toContainText(`${room}: Szkolenie produktowe`);
  await expectNoAxeViolations(page, "the entry form's list of a series' taken dates");
  await listing.getByRole("button", { name: "Pomiń ten termin i zapisz" }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  const booked = page.locator("section").filter({ has: page.getByRole("heading", { name: "Sale i sprzęt" }) });
  await expect(booked.getByRole("link", { name: room })).toBeVisible();

  // The room's weeks: the meeting on the first, second and fourth Monday; the third is the colleague's.
  await booked.getByRole("link", { name: room }).click();
  await expect(page.getByRole("heading", { level: 1, name: room })).toBeVisible();
  const roomPage = page.url().split("?")[0];
  for (const week of [0, 7, 21]) {
    await page.goto(`${roomPage}?week=${plusDays(first, week)}`);
    await expect(page.locator("a[data-booking-id]").filter({ hasText: "Odprawa handlowców" })).toHaveCount(1);
  }
  await page.goto(`${roomPage}?week=${taken}`);
  await expect(page.locator("a[data-booking-id]").filter({ hasText: "Szkolenie produktowe" })).toHaveCount(1);
  await expect(page.locator("a[data-booking-id]").filter({ hasText: "Odprawa handlowców" })).toHaveCount(0);
});
