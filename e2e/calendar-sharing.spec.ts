import { expect, test, type Page } from "@playwright/test";
import { login, logout, pick } from "./support";

/**
 * Private entries at the level of raw responses: what the window JSON carries for a colleague,
 * for a person the owner lets see private entries, and after the owner takes that back.
 * The demo's sales director has a private "Wizyta u lekarza" this week.
 */
const SECRET = "Wizyta u lekarza";

async function directorId(page: Page): Promise<string> {
  const response = await page.request.get("/api/pickers/people?q=Tomasz");
  const { items } = (await response.json()) as { items: { id: string; label: string }[] };
  return items.find((i) => i.label === "Tomasz Nowak")!.id;
}

/** The director's calendar for this week and the next, as the signed-in person's browser gets it. */
async function directorsWeeks(page: Page, id: string): Promise<{ status: number; raw: string }> {
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const response = await page.request.get(`/api/calendar/window?${new URLSearchParams({ from, to, people: id })}`);
  return { status: response.status(), raw: await response.text() };
}

test("a colleague gets only Busy for the director's private entry until the director lets them see it, and again after he takes it back", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  const id = await directorId(page);
  const before = await directorsWeeks(page, id);
  expect(before.status).toBe(200);
  expect(before.raw).toContain('"masked":true');
  expect(before.raw).not.toContain(SECRET);
  await logout(page);

  // The director lets her see his private entries: Settings → Calendar sharing.
  await login(page, "salesdir");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/settings/calendar");
  await expect(page.getByRole("heading", { name: "Udostępnianie kalendarza", level: 1 })).toBeVisible();
  // His assistant already edits his calendar (demo data), without seeing private entries.
  await expect(page.getByLabel("Magdalena Wójcik może edytować mój kalendarz")).toBeChecked();
  await expect(page.getByLabel("Magdalena Wójcik widzi moje prywatne wpisy")).not.toBeChecked();
  await pick(page, "Osoba", "Katarzyna", "Katarzyna Lewandowska");
  await page.getByLabel("Może edytować mój kalendarz", { exact: true }).uncheck();
  await page.getByLabel("Widzi moje prywatne wpisy", { exact: true }).check();
  await page.getByRole("button", { name: "Daj dostęp" }).click();
  await expect(page.getByText("Katarzyna Lewandowska ma teraz dostęp do twojego kalendarza.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Katarzyna Lewandowska widzi moje prywatne wpisy")).toBeChecked();
  await logout(page);

  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  expect((await directorsWeeks(page, id)).raw).toContain(SECRET);
  await logout(page);

  // Taken back: her next request gets Busy again.
  await login(page, "salesdir");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/settings/calendar");
  await page.getByRole("button", { name: "Odbierz dostęp: Katarzyna Lewandowska" }).click();
  await expect(page.getByLabel("Katarzyna Lewandowska widzi moje prywatne wpisy")).toHaveCount(0);
  await logout(page);

  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  const after = await directorsWeeks(page, id);
  expect(after.raw).not.toContain(SECRET);
  expect(after.raw).toContain('"masked":true');
});
