import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, login, logout, pick } from "./support";

test("an admin creates a user with a password, and the new user signs in", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Użytkownicy" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ewa Wiśniewska" })).toBeVisible();

  await page.getByRole("link", { name: "Nowy użytkownik" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  await page.locator("#user-name").fill("Hanna Testowa");
  await page.locator("#user-email").fill("Hanna.Testowa@Polmet.Example");
  await page.locator("#user-phone").fill("601 234 567");
  await page.locator("#user-title").fill("Koordynatorka projektów");
  await page.locator("#user-department").selectOption({ label: "Serwis" });
  await pick(page, "Przełożony", "Woźniak", "Marek Woźniak");
  await page.getByRole("checkbox", { name: "Koordynacja serwisu" }).check();
  await page.locator("#user-password").fill("short");
  await page.getByRole("button", { name: "Utwórz użytkownika" }).click();
  await expect(page.locator("#user-password-error")).toHaveText("Hasło musi mieć co najmniej 10 znaków.");

  await page.locator("#user-password").fill("Hanna-start-2026");
  await page.getByRole("button", { name: "Utwórz użytkownika" }).click();
  await expect(page.getByText("Użytkownik utworzony.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Hanna Testowa" })).toBeVisible();
  await expect(page.locator("#user-email")).toHaveValue("hanna.testowa@polmet.example");
  await expect(page.locator("#user-phone")).toHaveValue("+48 601 234 567");

  await page.goto("/admin/users?q=testowa");
  const row = page.getByRole("row").filter({ hasText: "Hanna Testowa" });
  await expect(row).toContainText("Serwis");
  await expect(row).toContainText("Koordynacja serwisu");
  await expect(row).toContainText("Marek Woźniak");
  await expect(row).toContainText("Aktywny");

  await logout(page);
  await login(page, "hanna.testowa@polmet.example", "Hanna-start-2026");
  // The admin typed that password: she chooses her own first (e2e/password-reset.spec.ts has the details).
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("Hasło od administratora").fill("Hanna-start-2026");
  await page.locator("#first-new").fill("Hanna-wlasne-2026");
  await page.locator("#first-confirm").fill("Hanna-wlasne-2026");
  await page.getByRole("button", { name: "Ustaw hasło" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1$/);
  await login(page, "hanna.testowa@polmet.example", "Hanna-wlasne-2026");
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("navigation", { name: "Nawigacja główna" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Konto" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Administracja" })).toHaveCount(0);
});

test("a member gets the 403 page for every admin address", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  for (const path of ["/admin/users", "/admin/users/new", "/admin/departments", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Nie masz uprawnień do tej operacji." })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByText("Tomasz Nowak")).toHaveCount(0);
  }
});

test("an admin adds a department with a team and cannot delete it while it has one", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/admin/departments");
  await page.getByLabel("Nazwa działu").fill("Logistyka");
  await page.getByRole("button", { name: "Dodaj dział" }).click();
  const dept = page.getByRole("region", { name: "Logistyka" });
  await expect(dept).toBeVisible();
  await dept.getByLabel("Nowy zespół w dziale Logistyka").fill("Magazyn");
  await dept.getByRole("button", { name: "Dodaj zespół" }).click();
  await expect(dept.getByRole("row", { name: /^Magazyn/ })).toContainText("0");
  await expect(dept.getByRole("button", { name: "Usuń dział Logistyka" })).toBeDisabled();
  await dept.getByRole("button", { name: "Zmień nazwę zespołu: Magazyn" }).click();
  await dept.getByLabel("Zmień nazwę zespołu").fill("Magazyn centralny");
  await dept.getByRole("button", { name: "Zapisz" }).click();
  await expect(dept.getByRole("button", { name: "Zmień nazwę zespołu: Magazyn centralny" })).toBeVisible();
  await dept.getByRole("button", { name: "Usuń zespół Magazyn centralny" }).click();
  await dept.getByRole("button", { name: "Usuń", exact: true }).click();
  await expect(dept.getByText("W tym dziale nie ma zespołów.")).toBeVisible();
  await dept.getByRole("button", { name: "Usuń dział Logistyka" }).click();
  await dept.getByRole("button", { name: "Usuń", exact: true }).click();
  await expect(page.getByRole("region", { name: "Logistyka" })).toHaveCount(0);
});

test("a person changes their own time zone and working mode and sees them saved", async ({ page }) => {
  await login(page, "tech2");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("heading", { name: "Mój profil" })).toBeVisible();
  await expect(page.getByText("Strefa czasowa: Europe/Warsaw")).toBeVisible();

  await page.locator("#profile-tz").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Zapisz" }).click();
  await expect(page.locator("#profile-tz-error")).toHaveText("Wybierz strefę czasową z listy.");

  await page.locator("#profile-tz").fill("America/New_York");
  await page.locator("#profile-mode").selectOption("remote");
  await page.getByRole("button", { name: "Zapisz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zapisano" })).toBeVisible();
  await page.reload();
  await expect(page.locator("#profile-tz")).toHaveValue("America/New_York");
  await expect(page.locator("#profile-mode")).toHaveValue("remote");
  await expect(page.getByText("Strefa czasowa: America/New_York")).toBeVisible();
});

test("a person changes their own password, is signed out and signs in with the new one", async ({ page }) => {
  await login(page, "reception");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/settings/profile");
  await page.locator("#password-current").fill("wrong-password-1");
  await page.locator("#password-new").fill("Recepcja-nowe-2026");
  await page.locator("#password-confirm").fill("Recepcja-nowe-2026");
  await page.getByRole("button", { name: "Zmień hasło" }).click();
  await expect(page.locator("#password-current-error")).toHaveText("Obecne hasło jest nieprawidłowe.");

  await page.locator("#password-current").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Zmień hasło" }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, "reception");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Nieprawidłowy e-mail lub hasło.");
  await login(page, demoEmail("reception"), "Recepcja-nowe-2026");
  await expect(page).toHaveURL(/\/tasks$/);
});
