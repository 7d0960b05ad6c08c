import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO_PASSWORD, demoEmail, login, logout, sentMessages } from "./support";

/** The reset link in the newest reset e-mail `email` received (the e-mail goes after the page has answered). */
async function resetLinkFor(email: string, already = 0): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = (await sentMessages(email)).emails.filter((m) => m.subject === "Ustaw nowe hasło do Batona");
      link = mails.length > already ? mails.at(-1)!.text?.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)?.[0] : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}

async function askForLink(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Nie pamiętasz hasła?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Wyślij link" }).click();
  await expect(page.getByRole("status")).toContainText("Jeśli w Batonie jest aktywne konto z tym adresem, wysłaliśmy na nie link");
}

test("a person who forgot the password asks for a link, sets a new password from the e-mail and signs in; the link then no longer works", async ({ page }) => {
  const email = demoEmail("tech3");
  const unknown = "nikt-taki@polmet.example";
  // The same answer for an address with no account.
  await askForLink(page, unknown);
  await askForLink(page, email);
  const link = await resetLinkFor(email);
  expect((await sentMessages(unknown)).emails).toEqual([]);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Nowe hasło" })).toBeVisible();
  await expectNoAxeViolations(page, "/reset-password/:token");
  await page.locator("#reset-new").fill("krótkie");
  await page.locator("#reset-confirm").fill("krótkie");
  await page.getByRole("button", { name: "Ustaw hasło" }).click();
  await expect(page.locator("#reset-new-error")).toHaveText("Hasło musi mieć co najmniej 10 znaków.");
  await page.locator("#reset-new").fill("Nowe-haslo-technika-3");
  await page.locator("#reset-confirm").fill("Nowe-haslo-technika-3");
  await page.getByRole("button", { name: "Ustaw hasło" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1$/);
  await expect(page.getByRole("status")).toHaveText("Hasło zostało zmienione. Zaloguj się nowym hasłem.");

  await login(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Nieprawidłowy e-mail lub hasło.");
  await login(page, email, "Nowe-haslo-technika-3");
  await expect(page).toHaveURL(/\/tasks$/);
  // The person is told by e-mail that the password was changed (no link in it).
  await expect
    .poll(async () => (await sentMessages(email)).emails.some((m) => m.subject.includes("Hasło do Twojego konta Baton zostało zmienione")))
    .toBe(true);
  await logout(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Ten link już nie działa" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Poproś o nowy link" })).toHaveAttribute("href", "/forgot-password");
  await expect(page.locator("#reset-new")).toHaveCount(0);
});

test("a person an admin created chooses their own password at the first sign-in before anything else", async ({ page }) => {
  const email = `pierwsze.logowanie.${Date.now().toString(36)}@polmet.example`;
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/admin/users/new");
  await page.locator("#user-name").fill("Paweł Pierwszy");
  await page.locator("#user-email").fill(email);
  await page.locator("#user-password").fill("Haslo-od-admina-2026");
  await page.getByRole("button", { name: "Utwórz użytkownika" }).click();
  await expect(page.getByText("Użytkownik utworzony.")).toBeVisible();
  await logout(page);

  await login(page, email, "Haslo-od-admina-2026");
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole("heading", { name: "Ustaw własne hasło" })).toBeVisible();
  await expectNoAxeViolations(page, "/change-password");
  // Nothing else until then: pages lead back here, the API refuses.
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/change-password$/);
  const api = await page.request.get("/api/notifications");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "password_change_required" });

  await page.getByLabel("Hasło od administratora").fill("Haslo-od-admina-2026");
  await page.locator("#first-new").fill("Moje-wlasne-haslo-2026");
  await page.locator("#first-confirm").fill("Moje-wlasne-haslo-2026");
  await page.getByRole("button", { name: "Ustaw hasło" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1$/);

  await login(page, email, "Moje-wlasne-haslo-2026");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/change-password");
  await expect(page).toHaveURL(/\/tasks$/);
});
