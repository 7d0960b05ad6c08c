import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signInAs } from "./support";

test("a manager downloads his Delegated list, filtered, as CSV and as Excel; the file holds only his list", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signInAs(page, "foreman");
  await page.goto("/tasks/delegated?status=all");
  const rows = await page.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "delegated list with export links");

  const csvLink = page.getByRole("link", { name: "Eksport: CSV" });
  await expect(csvLink).toHaveAttribute("href", /\/api\/export\/tasks\?view=delegated&status=all&format=csv$/);
  const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(csv.suggestedFilename()).toMatch(/^baton-delegated-\d{4}-\d\d-\d\d\.csv$/);
  const text = (await readFile((await csv.path())!)).toString("utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Nr,Zadanie,Priorytet,Status,Postęp (%),Termin (Europe/Warsaw),Po terminie,Wykonawca,Zlecający,Klient,Sprawa,Ostatnia aktywność (Europe/Warsaw)",
  );
  // Every page of the list (here one), one line per task the page shows.
  expect(lines.length - 1).toBe(rows);
  const firstTitle = (await page.locator("tbody tr").first().getByRole("link").first().textContent())!.trim();
  expect(text).toContain(firstTitle);

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Eksport: Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^baton-delegated-\d{4}-\d\d-\d\d\.xlsx$/);
  const file = await readFile((await xlsx.path())!);
  expect(file.subarray(0, 2).toString()).toBe("PK");

  // Without a session (a fresh request context holds no cookie) the address answers 401 and no file.
  const response = await request.get("/api/export/tasks?view=delegated&format=csv", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
});

test("a service person downloads the service requests and the client list, filtered, as CSV and Excel", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "foreman");
  await page.goto("/cases?kind=service_request&status=all");
  const rows = await page.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  const csvLink = page.getByRole("link", { name: "Eksport: CSV" });
  await expect(csvLink).toHaveAttribute("href", /\/api\/export\/cases\?status=all&kind=service_request&format=csv$/);
  const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(csv.suggestedFilename()).toMatch(/^baton-cases-\d{4}-\d\d-\d\d\.csv$/);
  const lines = (await readFile((await csv.path())!))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("Nr,Tytuł,Klient,Rodzaj,Status,Priorytet,Odpowiedzialny,Termin (Europe/Warsaw),Po terminie,Otwarta (Europe/Warsaw)");
  expect(lines.length - 1).toBeGreaterThanOrEqual(rows);
  expect(lines.slice(1).every((line) => line.includes("Zgłoszenie serwisowe"))).toBe(true);

  await page.goto("/clients?city=Krak%C3%B3w");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Eksport: Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^baton-clients-\d{4}-\d\d-\d\d\.xlsx$/);
  expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe("PK");
});
