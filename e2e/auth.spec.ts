import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, login, logout } from "./support";

test("a person signs in, sees the shell and signs out", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("navigation", { name: "Nawigacja główna" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Moje zadania" }).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Powiadomienia" })).toBeVisible();
  await logout(page);
  await expect(page.getByText("Wylogowano.")).toBeVisible();
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks/);
});

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  await login(page, "sales1", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Nieprawidłowy e-mail lub hasło.");
  await login(page, "nikt@polmet.example", DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Nieprawidłowy e-mail lub hasło.");
  await expect(page).toHaveURL(/\/login/);
});

test("a deep link opened while signed out lands on its page after login", async ({ page }) => {
  await page.goto("/calendar?view=week");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.locator("#email").fill(demoEmail("dispatcher"));
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  // Once the calendar is up, the address also names the day it shows (a reload opens the same days).
  await expect(page).toHaveURL(/\/calendar\?view=week(&date=\d{4}-\d{2}-\d{2})?$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the language switch changes the UI on the login page and for the signed-in user", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Zaloguj się do Batona" })).toBeVisible();
  await page.getByLabel("Język").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in to Baton" })).toBeVisible();

  await login(page, "offers");
  // The user's own language (Polish) wins once signed in; switching changes it for good.
  await expect(page.getByRole("link", { name: "Moje zadania" }).first()).toBeVisible();
  await page.getByLabel("Język").selectOption("en");
  await expect(page.getByRole("link", { name: "My tasks" }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "My tasks" }).first()).toBeVisible();
  await page.getByLabel("Language").selectOption("pl");
  await expect(page.getByRole("link", { name: "Moje zadania" }).first()).toBeVisible();
});

test("a callback address that a browser would read as another site lands on the task list", async ({ page }) => {
  // "/\t/evil.example": browsers drop the tab and read "//evil.example", another origin.
  for (const hostile of ["/\t/evil.example", "/\\evil.example", "https://evil.example/tasks"]) {
    await login(page, "dispatcher", DEMO_PASSWORD, `/login?callbackUrl=${encodeURIComponent(hostile)}`);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/tasks$/);
    await logout(page);
  }
});
