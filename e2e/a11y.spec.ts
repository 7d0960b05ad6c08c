import { expect, test } from "@playwright/test";
import { checkPages, expectNoAxeViolations, switchLanguage, VIEWPORTS, type PageToCheck, type ViewportName } from "./axe";
import { login, pick } from "./support";

/**
 * Every main page, checked by axe-core at a desktop and a phone width, in Polish and English.
 * A new page is checked by adding its path to one of these lists (`:task`, `:case`, `:client`,
 * `:user`, `:notification` stand for the first such item found on its list page; see e2e/axe.ts).
 */
const WORK_PAGES: PageToCheck[] = [
  "/tasks",
  "/tasks/delegated",
  "/tasks/team",
  "/tasks?layout=board",
  "/tasks/delegated?layout=board",
  "/tasks/new",
  "/tasks/templates",
  "/tasks/templates/new",
  "/tasks/:task",
  "/tasks/:task/edit",
  "/clients",
  "/clients/new",
  "/clients/:client",
  "/clients/:client/edit",
  "/cases",
  "/cases/new",
  "/cases/:case",
  "/cases/:case/edit",
  "/notifications",
  "/notifications/:notification",
  "/calendar",
  "/calendar/entries/new",
  "/calendar/people",
  "/resources",
  "/settings/profile",
  "/settings/notifications",
  "/settings/calendar",
];

const ADMIN_PAGES: PageToCheck[] = [
  "/admin/users",
  "/admin/users/new",
  "/admin/users/:user",
  "/admin/departments",
  "/admin/escalation",
  "/admin/notifications",
  "/admin/calendar-grants",
];

/** Pages for signed-out visitors besides /login (the reset form and the first-password page are checked in password-reset.spec.ts). */
const SIGNED_OUT_PAGES: PageToCheck[] = ["/forgot-password", "/reset-password/no-such-link"];

/** A foreman: delegates to a team of technicians, and is given work by his manager. */
const WORKER = "foreman";

// So the notifications pages have something to show: his manager assigns him a task.
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "servicemgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/tasks/new");
  await page.getByLabel("Tytuł", { exact: true }).fill(`Przegląd pieców przed audytem ${Date.now().toString(36)}`);
  await page.getByLabel("Priorytet", { exact: true }).selectOption("urgent");
  await pick(page, "Wykonawca", "Grzegorz", "Grzegorz Jankowski");
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await context.close();
});

/**
 * Each page is checked in both languages and at both widths, in two passes (desktop in English,
 * phone in Polish) rather than all four pairings: a language changes words, not colours or
 * structure, and the four pairings took half of the e2e suite's time on a 2-core machine.
 */
const PASSES: { viewport: ViewportName; locale: "pl" | "en" }[] = [
  { viewport: "desktop", locale: "en" },
  { viewport: "phone", locale: "pl" },
];

for (const { viewport, locale } of PASSES) {
  const context = `${viewport}, ${locale}`;

  // Each pass is split in two tests, so each has its own time: every page is loaded to network
  // idle and analysed, which takes minutes on a shared 2-core machine.
  test(`no axe violations on the signed-out and work pages: ${context}`, async ({ page }) => {
    test.setTimeout(420_000);
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.goto("/login");
    if (locale === "en") await page.getByLabel("Język").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page, `/login (${context})`);
    await checkPages(page, SIGNED_OUT_PAGES, context);

    await login(page, WORKER);
    await expect(page).toHaveURL(/\/tasks$/);
    await switchLanguage(page, locale);
    await checkPages(page, WORK_PAGES, context);
    // Leave the demo people speaking Polish for the other specs.
    await switchLanguage(page, "pl");
  });

  test(`no axe violations on the admin pages: ${context}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(VIEWPORTS[viewport]);
    await login(page, "admin");
    await expect(page).toHaveURL(/\/tasks$/);
    await switchLanguage(page, locale);
    await checkPages(page, ADMIN_PAGES, context);
    await switchLanguage(page, "pl");
  });
}
