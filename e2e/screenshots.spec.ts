import { expect, test, type Page } from "@playwright/test";
import { resolvePath, switchLanguage, VIEWPORTS, type ViewportName } from "./axe";
import { login, logout, pick } from "./support";

/**
 * Not a check: pictures of the pages people live in, for before/after notes. Runs only when
 * SHOTS_DIR names a folder (outside the repository), e.g. SHOTS_DIR=/tmp/shots/after.
 * Files are named page-viewport-locale.png, e.g. case-desktop-en.png.
 */
const SHOTS_DIR = process.env.SHOTS_DIR;
const LOCALES = ["pl", "en"] as const;

/** What a foreman sees: his work, and his own settings. */
const WORKER_PAGES = {
  "my-tasks": "/tasks",
  delegated: "/tasks/delegated",
  notifications: "/notifications",
  task: "/tasks/:task",
  "settings-profile": "/settings/profile",
  "settings-notifications": "/settings/notifications",
};
const SIGNED_OUT_PAGES = { login: "/login", "forgot-password": "/forgot-password", "reset-password": "/reset-password/no-such-link" };
/** A service request the dispatcher may hand over (db/seed/demo-tasks). */
const CASE = "Nieszczelność drzwi komory chłodniczej";
/** A person with the right to assign cases, so the admin's user page lists it. */
const ASSIGNER = "Joanna Kozłowska";
const ADMIN_TYPED_PASSWORD = "Haslo-od-admina-2026";

test.skip(!SHOTS_DIR, "set SHOTS_DIR to take screenshots");

async function shoot(page: Page, name: string, viewport: ViewportName, locale: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS_DIR}/${name}-${viewport}-${locale}.png`, fullPage: true });
}

// So the case page's history has more than its opening: the dispatcher hands it over once.
test.beforeAll(async ({ browser }) => {
  if (!SHOTS_DIR) return;
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "dispatcher");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/cases?q=${encodeURIComponent("komory chłodniczej")}`);
  await page.getByRole("link", { name: CASE }).click();
  const handOver = page.getByRole("form", { name: "Przekaż sprawę" });
  await pick(handOver, "Przekaż osobie", "Schmidt", "Oliver Schmidt");
  await handOver.getByRole("button", { name: "Przekaż" }).click();
  await expect(handOver.locator("p[role=status]")).not.toBeEmpty();
  await context.close();
});

for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
  test(`screenshots: ${viewport}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(VIEWPORTS[viewport]);

    await page.goto("/login");
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      for (const [name, path] of Object.entries(SIGNED_OUT_PAGES)) {
        await page.goto(path);
        await shoot(page, name, viewport, locale);
      }
    }

    await login(page, "foreman");
    await expect(page).toHaveURL(/\/tasks$/);
    const found = new Map<string, string>();
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      for (const [name, path] of Object.entries(WORKER_PAGES)) {
        await page.goto(await resolvePath(page, path, found));
        await shoot(page, name, viewport, locale);
      }
    }
    await switchLanguage(page, "pl");
    await logout(page);

    await login(page, "dispatcher");
    await expect(page).toHaveURL(/\/tasks$/);
    await page.goto(`/cases?q=${encodeURIComponent("komory chłodniczej")}`);
    await page.getByRole("link", { name: CASE }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto(caseUrl);
      await shoot(page, "case", viewport, locale);
      // The hand-over picker with its choices open.
      const box = page.locator("#case-reassign-owner");
      // Centred, so a phone shows the open list below the sticky header rather than past the fold.
      await box.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await box.fill("a");
      await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS_DIR}/case-handover-${viewport}-${locale}.png` });
    }
    await switchLanguage(page, "pl");
    await logout(page);

    // A newcomer the admin typed a password for, who lands on the first-password page.
    const newcomer = `zmiana.hasla.${viewport}.${Date.now().toString(36)}@polmet.example`;
    await login(page, "admin");
    await expect(page).toHaveURL(/\/tasks$/);
    await page.goto("/admin/users/new");
    await page.locator("#user-name").fill("Hanna Nowicka");
    await page.locator("#user-email").fill(newcomer);
    await page.locator("#user-password").fill(ADMIN_TYPED_PASSWORD);
    await page.getByRole("button", { name: "Utwórz użytkownika" }).click();
    await expect(page.getByText("Użytkownik utworzony.")).toBeVisible();
    await page.goto("/admin/users");
    await page.getByRole("link", { name: ASSIGNER }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    const userUrl = page.url();
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto(userUrl);
      await shoot(page, "admin-user", viewport, locale);
      await page.goto("/admin/escalation");
      await shoot(page, "admin-escalation", viewport, locale);
    }
    await switchLanguage(page, "pl");
    await logout(page);

    await login(page, newcomer, ADMIN_TYPED_PASSWORD);
    await expect(page).toHaveURL(/\/change-password$/);
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto("/change-password");
      await shoot(page, "change-password", viewport, locale);
    }
  });
}

/** The calendar as the sales director sees it: his week and month, the entry form, the sales and service people side by side, and his sharing settings. */
test("screenshots: calendar", async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, "salesdir");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/calendar/people");
  const sets = page.getByLabel("Dodaj zespół lub dział");
  for (const prefix of ["Sprzedaż (", "Serwis ("]) {
    const label = await sets.locator("option").evaluateAll((options, p) => options.map((o) => o.textContent ?? "").find((text) => text.startsWith(p)), prefix);
    await sets.selectOption({ label: label! });
    await page.getByRole("button", { name: "Dodaj", exact: true }).click();
  }
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      for (const view of ["week", "month"]) {
        await page.goto(`/calendar?view=${view}`);
        await expect(page.getByRole("button", { name: /^(Nowy wpis|New entry)$/ })).toBeVisible();
        await page.waitForTimeout(1500);
        await shoot(page, `calendar-${view}`, viewport, locale);
      }
      await page.getByRole("button", { name: /^(Nowy wpis|New entry)$/ }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.screenshot({ path: `${SHOTS_DIR}/calendar-entry-form-${viewport}-${locale}.png` });
      await page.keyboard.press("Escape");
      await page.goto("/calendar/people");
      await shoot(page, "calendar-people-week", viewport, locale);
      await page.goto("/settings/calendar");
      await shoot(page, "calendar-sharing", viewport, locale);
    }
  }
  await switchLanguage(page, "pl");
});

/** Monday to Sunday of this week in Warsaw, where the demo works and its entries are seeded. */
function warsawWeek(): string[] {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(new Date());
  const noon = Date.parse(`${today}T12:00:00Z`);
  const monday = noon - ((new Date(noon).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * A team's week side by side, as the service manager sees it: his department and the regional
 * sellers, ten lanes (db/seed/demo-calendar.ts gives them a working week); one entry focused, as
 * the keyboard shows its full text; and one day of it, hours across.
 */
test("screenshots: team week", async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, "servicemgr");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/calendar/people");
  const clear = page.getByRole("button", { name: "Usuń wszystkich" });
  if (await clear.isVisible()) await clear.click();
  const sets = page.getByLabel("Dodaj zespół lub dział");
  for (const prefix of ["Serwis (", "Sprzedaż regionalna"]) {
    const label = await sets.locator("option").evaluateAll((options, p) => options.map((o) => o.textContent ?? "").find((text) => text.startsWith(p)), prefix);
    await sets.selectOption({ label: label! });
    await page.getByRole("button", { name: "Dodaj", exact: true }).click();
  }
  const grid = page.getByRole("region", { name: /^(Kalendarze pokazywanych osób|Calendars of the people shown)$/ });
  await expect(grid.getByText("Natalia Mazur", { exact: true })).toBeVisible();
  const week = warsawWeek();
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto(`/calendar/people?view=week&date=${week[0]}`);
      await expect(grid.locator("a[data-entry-id]").first()).toBeVisible();
      await shoot(page, "calendar-team-week", viewport, locale);
      // A short entry, focused: it grows over its neighbours to show its whole title, end and place.
      const repair = grid.locator("a[data-entry-id]").filter({ hasText: "Naprawa agregatu" }).first();
      await repair.focus();
      await grid.screenshot({ path: `${SHOTS_DIR}/calendar-team-week-focus-${viewport}-${locale}.png` });
      await page.goto(`/calendar/people?view=day&date=${week[2]}`);
      await expect(grid.locator("a[data-entry-id]").first()).toBeVisible();
      await shoot(page, "calendar-team-day", viewport, locale);
    }
  }
  // The team's recurring meetings a week either side of the October clock change (Sunday 25 October 2026).
  await page.setViewportSize(VIEWPORTS.desktop);
  for (const locale of LOCALES) {
    await switchLanguage(page, locale);
    for (const monday of ["2026-10-19", "2026-10-26"]) {
      await page.goto(`/calendar/people?view=week&date=${monday}`);
      await expect(grid.locator("a[data-entry-id]").first()).toBeVisible();
      await shoot(page, `calendar-team-week-${monday}`, "desktop", locale);
    }
  }
  await switchLanguage(page, "pl");
});

/** Resources as an employee sees them, a room's week, the admin's list, and the director's calendar as his assistant plans in it. */
test("screenshots: resources and a colleague's calendar", async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, "assistant");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/calendar/people");
  await pick(page, "Dodaj osobę", "Nowak", "Tomasz Nowak");
  await page.getByRole("link", { name: "Otwórz kalendarz: Tomasz Nowak" }).click();
  await expect(page).toHaveURL(/person=/);
  const director = page.url();
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto(director);
      await page.waitForTimeout(1500);
      await shoot(page, "calendar-person", viewport, locale);
      await page.goto("/resources");
      await shoot(page, "resources", viewport, locale);
      await page.getByRole("link", { name: "Sala konferencyjna A" }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "Sala konferencyjna A" })).toBeVisible();
      await shoot(page, "resource-week", viewport, locale);
    }
  }
  await switchLanguage(page, "pl");
  await logout(page);
  await login(page, "admin");
  await page.goto("/admin/resources");
  await shoot(page, "admin-resources", "desktop", "pl");
});

/** The demo's ten resources side by side: this week (bars with free time, each day's bookings) and its Wednesday (hours across). */
test("screenshots: the resources timeline", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, "assistant");
  await expect(page).toHaveURL(/\/tasks$/);
  const lanes = page.getByRole("region", { name: /Rezerwacje zasobów|Bookings of the resources/ });
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      await page.goto("/resources/timeline?view=week");
      await expect(lanes.getByRole("link", { name: /Sala konferencyjna A/ })).toBeVisible();
      await expect(lanes.locator("[data-booking-id]").first()).toBeVisible();
      await shoot(page, "resources-timeline-week", viewport, locale);
      await page.goto(`/resources/timeline?view=day&date=${warsawWeek()[2]}`);
      await expect(lanes.getByRole("link", { name: /Sala konferencyjna A/ })).toBeVisible();
      await shoot(page, "resources-timeline-day", viewport, locale);
    }
  }
  await switchLanguage(page, "pl");
});
