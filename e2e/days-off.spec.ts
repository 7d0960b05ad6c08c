import { expect, test } from "@playwright/test";
import { login } from "./support";

// Next year is always on the page (this year's and next year's holidays are listed), whatever day the suite runs.
const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric" }).format(new Date())) + 1;

test("an admin adds and removes a company day off and works a public holiday, with clear errors for a bad date", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/admin/escalation");
  const daysOff = page.locator("section").filter({ has: page.getByRole("heading", { name: "Dni wolne" }) });
  await expect(daysOff.getByRole("row").filter({ hasText: `24.12.${year}` })).toContainText("Wigilia Bożego Narodzenia");
  await expect(daysOff.getByRole("row").filter({ hasText: `24.12.${year}` })).toContainText("Święto państwowe");

  // No date, then a public holiday: field errors, nothing added.
  await daysOff.getByRole("button", { name: "Dodaj", exact: true }).click();
  await expect(page.locator("#dayOff-error")).toHaveText("Podaj datę w formacie RRRR-MM-DD (lata 2000–2199).");
  await page.locator("#dayOff").fill(`${year}-12-25`);
  await daysOff.getByRole("button", { name: "Dodaj", exact: true }).click();
  await expect(page.locator("#dayOff-error")).toHaveText("Ten dzień jest już wolny.");
  await expect(page.locator("#dayOff")).toHaveAttribute("aria-invalid", "true");

  await page.locator("#dayOff").fill(`${year}-12-31`);
  await page.getByLabel("Opis (opcjonalnie)").fill("Inwentaryzacja");
  await daysOff.getByRole("button", { name: "Dodaj", exact: true }).click();
  await expect(daysOff.getByRole("status")).toHaveText("Dodano dzień wolny.");
  const added = daysOff.getByRole("row").filter({ hasText: `31.12.${year}` });
  await expect(added).toContainText("Inwentaryzacja");
  await expect(added).toContainText("Dzień wolny firmy");
  await expect(page.locator("#dayOff-error")).toHaveCount(0);

  await daysOff.getByRole("button", { name: `Usuń dzień wolny 31.12.${year}` }).click();
  await expect(daysOff.getByRole("status")).toHaveText("Usunięto dzień wolny.");
  await expect(daysOff.getByRole("row").filter({ hasText: `31.12.${year}` })).toHaveCount(0);

  // Wigilia worked this year: kept on the list as removed, and it can be given back.
  await daysOff.getByRole("button", { name: `Usuń dzień wolny 24.12.${year}` }).click();
  await expect(daysOff.getByRole("row").filter({ hasText: `24.12.${year}` })).toContainText("Pracujący (usunięty)");
  await page.reload();
  await daysOff.getByRole("button", { name: `Przywróć święto 24.12.${year}` }).focus();
  await page.keyboard.press("Enter");
  await expect(daysOff.getByRole("status")).toHaveText("Przywrócono święto.");
  await expect(daysOff.getByRole("row").filter({ hasText: `24.12.${year}` })).toContainText("Święto państwowe");
});

test("a member gets the 403 page for Admin → Escalation and its days off", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  const response = await page.goto("/admin/escalation");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Wigilia Bożego Narodzenia")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Dodaj", exact: true })).toHaveCount(0);
});
