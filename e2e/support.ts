import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail } from "../db/seed/demo";

export { DEMO_PASSWORD, demoEmail };

export async function login(page: Page, who: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.locator("#email").fill(who.includes("@") ? who : demoEmail(who));
  await page.locator("#password").fill(password);
  await page.locator('form button[type="submit"]').first().click();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /Konto|Account/ }).click();
  await page.getByRole("menuitem", { name: /Wyloguj|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);
}
