import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { hydrated, logout, dayAheadInWarsaw, pick, signInAs } from "./support";

/** Fills the New entry page's form: a title, an hour on `day`, and the rooms and equipment to book. */
async function planMeeting(page: Page, day: string, title: string, from: string, to: string, resources: string[], search: string) {
  await page.goto(`/calendar/entries/new?date=${day}`);
  const form = page.locator("form").filter({ has: page.getByLabel("Tytuł", { exact: true }) });
  await (await hydrated(form.getByLabel("Tytuł", { exact: true }))).fill(title);
  await form.getByLabel("Początek", { exact: true }).fill(`${day}T${from}`);
  await form.getByLabel("Koniec", { exact: true }).fill(`${day}T${to}`);
  for (const name of resources) await pick(form, "Sale i sprzęt", search, name);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  return form;
}

/**
 * An employee plans a client meeting with a room and a projector; a colleague plans another at
 * an overlapping time with the same room, is told who has it, takes the free room offered
 * instead, and both meetings' pages list their rooms.
 */
test("a meeting books its room and projector; an overlapping meeting is offered the free room instead", async ({ page }) => {
  test.setTimeout(150_000);
  const tag = Date.now().toString(36);
  const floor = `Piętro E2E ${tag}`;
  const day = dayAheadInWarsaw(30);
  const kopernik = `Sala Kopernik ${tag}`;
  const sklodowska = `Sala Skłodowska ${tag}`;
  const projector = `Rzutnik ${tag}`;

  await signInAs(page, "admin");
  await page.goto("/admin/resources");
  for (const [name, kind] of [
    [kopernik, null],
    [sklodowska, null],
    [projector, "Urządzenie"],
  ] as const) {
    const form = page.getByRole("form", { name: "Nowy zasób" });
    await (await hydrated(form.getByLabel("Nazwa"))).fill(name);
    if (kind) await form.getByLabel("Rodzaj").selectOption({ label: kind });
    await form.getByLabel("Miejsce").fill(floor);
    await form.getByRole("button", { name: "Dodaj zasób" }).click();
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await logout(page);

  await signInAs(page, "sales1");
  await planMeeting(page, day, "Spotkanie z klientem", "10:00", "11:00", [kopernik, projector], tag);
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  const booked = page.locator("section").filter({ has: page.getByRole("heading", { name: "Sale i sprzęt" }) });
  await expect(booked.getByRole("link", { name: kopernik })).toBeVisible();
  await expect(booked.getByRole("link", { name: projector })).toBeVisible();
  await expectNoAxeViolations(page, "an entry's page with its resources");
  await logout(page);

  await signInAs(page, "sales2");
  const form = await planMeeting(page, day, "Prezentacja oferty", "10:30", "11:30", [kopernik], `Kopernik ${tag}`);
  await expect(form.getByRole("alert").first()).toContainText(`Zasób „${kopernik}” jest już zarezerwowany przez: Katarzyna Lewandowska`);
  await expectNoAxeViolations(page, "the entry form's resource conflict");
  await form.getByRole("button", { name: `Użyj: ${sklodowska}` }).click();
  await expect(form.getByRole("list", { name: "Zarezerwowane zasoby" })).toContainText(sklodowska);
  await expect(form.getByRole("list", { name: "Zarezerwowane zasoby" })).not.toContainText(kopernik);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  await expect(
    page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Sale i sprzęt" }) })
      .getByRole("link", { name: sklodowska }),
  ).toBeVisible();

  // The room's week shows the meeting with its booker, linked to the entry.
  await page.getByRole("link", { name: sklodowska }).click();
  await expect(page.getByRole("heading", { level: 1, name: sklodowska })).toBeVisible();
  await page.goto(`${page.url().split("?")[0]}?week=${day}`);
  await expect(page.locator("a[data-booking-id]").filter({ hasText: "Prezentacja oferty" })).toHaveAttribute("href", /\/calendar\/entries\/[0-9a-f-]{36}$/);
});

/** The form's "find a time" proposes times when the organiser and the invited colleague are free, and picking one fills the form. */
test("the entry form finds a time when everyone invited is free and takes it", async ({ page }) => {
  await signInAs(page, "sales1");
  const day = dayAheadInWarsaw(31);
  await page.goto(`/calendar/entries/new?date=${day}`);
  const form = page.locator("form").filter({ has: page.getByLabel("Tytuł", { exact: true }) });
  await (await hydrated(form.getByLabel("Tytuł", { exact: true }))).fill("Omówienie oferty z serwisem");
  await pick(form, "Zaproś osoby", "Jankowski", "Grzegorz Jankowski");
  const start = form.getByLabel("Początek", { exact: true });
  const before = await start.inputValue();

  await form.getByText("Znajdź termin, w którym wszyscy i wszystko są wolni…").click();
  await form.getByLabel("Czas trwania (minuty)").fill("45");
  await form.getByRole("button", { name: "Znajdź wolne terminy" }).click();
  const first = form.getByRole("button", { name: /^Wybierz / }).first();
  await expect(first).toBeVisible();
  await expectNoAxeViolations(page, "the entry form's free-time finder");
  await first.click();
  await expect(start).not.toHaveValue(before);
  const chosen = await start.inputValue();
  const end = await form.getByLabel("Koniec", { exact: true }).inputValue();
  // 45 minutes later, on a wall clock of the same day.
  expect(Date.parse(`${end}:00Z`) - Date.parse(`${chosen}:00Z`)).toBe(45 * 60_000);
  await form.getByRole("button", { name: "Utwórz wpis" }).click();
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
});

/**
 * A meeting's room, seen from the room's page: its organiser (who may edit the meeting) is sent to
 * the meeting's form for its time and removes the room from the meeting there, the meeting keeping
 * its projector; a colleague sees who booked it and has no way to change it.
 */
test("the meeting's organiser removes its room from the room's page; a colleague only sees it", async ({ page }) => {
  test.setTimeout(150_000);
  const tag = Date.now().toString(36);
  const floor = `Piętro E2E ${tag}`;
  const day = dayAheadInWarsaw(31);
  const room = `Sala Galileusz ${tag}`;
  const projector = `Rzutnik ${tag}`;

  await signInAs(page, "admin");
  await page.goto("/admin/resources");
  for (const [name, kind] of [
    [room, null],
    [projector, "Urządzenie"],
  ] as const) {
    const form = page.getByRole("form", { name: "Nowy zasób" });
    await (await hydrated(form.getByLabel("Nazwa"))).fill(name);
    if (kind) await form.getByLabel("Rodzaj").selectOption({ label: kind });
    await form.getByLabel("Miejsce").fill(floor);
    await form.getByRole("button", { name: "Dodaj zasób" }).click();
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await logout(page);

  await signInAs(page, "sales1");
  await planMeeting(page, day, "Przegląd umowy", "12:00", "13:00", [room, projector], tag);
  await expect(page).toHaveURL(/\/calendar\/entries\/[0-9a-f-]{36}$/);
  const entryUrl = page.url();
  await page.getByRole("link", { name: room }).click();
  await expect(page.getByRole("heading", { level: 1, name: room })).toBeVisible();
  const roomUrl = `${page.url().split("?")[0]}?week=${day}`;
  await page.goto(roomUrl);
  const mine = page.getByRole("region", { name: "Rezerwacje, które możesz zmienić" });
  await expect(mine).toContainText("Część spotkania Przegląd umowy");
  await expect(mine.getByRole("link", { name: /^Zmień czas w spotkaniu: / })).toHaveAttribute("href", /\/calendar\/entries\/[0-9a-f-]{36}\/edit$/);
  await (await hydrated(mine.getByRole("button", { name: new RegExp(`^Usuń ze spotkania: ${room}, `) }))).click();
  await expectNoAxeViolations(page, "removing a meeting's room from the room's page");
  await mine.getByRole("button", { name: "Tak, usuń" }).click();
  await expect(mine.getByRole("status")).toContainText("Usunięto ze spotkania.");
  await page.goto(entryUrl);
  const held = page.locator("section").filter({ has: page.getByRole("heading", { name: "Sale i sprzęt" }) });
  await expect(held.getByRole("link", { name: projector })).toBeVisible();
  await expect(held.getByRole("link", { name: room })).toHaveCount(0);
  await logout(page);

  // The projector is still the meeting's: a colleague sees who booked it and cannot change it.
  await signInAs(page, "sales2");
  await page.goto(`/resources?location=${encodeURIComponent(floor)}`);
  await page.getByRole("link", { name: projector }).click();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url().split("?")[0]}?week=${day}`);
  await expect(page.locator("a[data-booking-id]").filter({ hasText: "Przegląd umowy" })).toContainText("Katarzyna Lewandowska");
  await expect(page.getByRole("heading", { name: "Rezerwacje, które możesz zmienić" })).toHaveCount(0);
});
