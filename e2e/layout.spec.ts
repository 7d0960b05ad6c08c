import { expect, test, type Page } from "@playwright/test";
import { switchLanguage, VIEWPORTS } from "./axe";
import { login } from "./support";

async function signIn(page: Page, who: string) {
  await login(page, who);
  await expect(page).toHaveURL(/\/tasks$/);
}

test("on a phone the task list keeps priority and status, wraps titles, and keeps its filters in a closed panel", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await signIn(page, "foreman");
  await page.goto("/tasks/team");
  // The seed's urgent task for a technician: its priority and status show beside the title.
  const urgent = page.getByRole("row").filter({ hasText: "Wymienić czujnik temperatury w piecu Rational nr 2" });
  await expect(urgent.getByText("Pilny", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(urgent.getByText("W toku", { exact: true }).filter({ visible: true })).toBeVisible();
  // The whole title is there, on two lines, not cut after 25 characters.
  const title = urgent.getByRole("link", { name: "Wymienić czujnik temperatury w piecu Rational nr 2" });
  const box = await title.boundingBox();
  expect(box!.height).toBeGreaterThan(25);
  expect(await title.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);

  const toggle = page.getByRole("button", { name: /^Filtry/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Priorytet", { exact: true })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.getByLabel("Priorytet", { exact: true }).selectOption("urgent");
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(page.getByRole("button", { name: /^Filtry/ })).toContainText("1 aktywny");

  for (const path of ["/tasks", "/tasks/delegated", "/clients", "/cases"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: /^Filtry/ }), path).toHaveAttribute("aria-expanded", "false");
    // The header's actions (views, export, new) wrap onto lines of their own: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
  }
});

test("on a desktop the filters start open and can be folded away", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signIn(page, "admin");
  for (const path of ["/tasks/delegated", "/clients", "/cases", "/admin/users"]) {
    await page.goto(path);
    const toggle = page.getByRole("button", { name: /^Filtry/ });
    await expect(toggle, path).toHaveAttribute("aria-expanded", "true");
  }
  const toggle = page.getByRole("button", { name: /^Filtry/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("search")).toBeHidden();
});

test("a task one delegated is under Delegated in the navigation, one's own under My tasks", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signIn(page, "foreman");
  const nav = page.getByRole("navigation", { name: "Nawigacja główna" });
  await page.goto("/tasks/delegated");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(nav.getByRole("link", { name: "Zlecone" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Moje zadania" })).not.toHaveAttribute("aria-current", "page");

  await page.goto("/tasks");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(nav.getByRole("link", { name: "Moje zadania" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Zlecone" })).not.toHaveAttribute("aria-current", "page");
});

test("Team shows its last column whole at 1366 px in English", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signIn(page, "foreman");
  await switchLanguage(page, "en");
  try {
    await page.goto("/tasks/team");
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Last activity" })).toBeVisible();
    // No horizontal scrolling inside the table's frame: nothing is cut at the right edge.
    const frame = table.locator("xpath=..");
    expect(await frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  } finally {
    await switchLanguage(page, "pl");
  }
});

test("the reminder channel select shows its whole label", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signIn(page, "foreman");
  for (const locale of ["pl", "en"] as const) {
    await switchLanguage(page, locale);
    await page.goto("/tasks/new");
    const before = await page.locator("select[id$='-channel']").count();
    await page.getByRole("button", { name: /Dodaj przypomnienie|Add reminder/ }).click();
    const select = page.locator("select[id$='-channel']").nth(before);
    await expect(select).toBeVisible();
    // The chosen option's text fits: the select is at least as wide as its widest option needs.
    const fits = await select.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement("span");
      const style = getComputedStyle(el);
      probe.style.font = style.font;
      probe.style.whiteSpace = "nowrap";
      probe.style.position = "absolute";
      document.body.append(probe);
      const widest = Math.max(
        ...Array.from(el.options).map((o) => {
          probe.textContent = o.text;
          return probe.getBoundingClientRect().width;
        }),
      );
      probe.remove();
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { widest, room };
    });
    expect(fits.widest, locale).toBeLessThanOrEqual(fits.room);
  }
  await switchLanguage(page, "pl");
});

test("a list page does not have the server prefetch the pages it links to, and its links still open them in place", async ({ page }) => {
  await signIn(page, "foreman");
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });
  await page.goto("/tasks/team");
  await page.waitForLoadState("networkidle");
  // Every row in view, and the pointer over a row's link: still nothing asked for ahead.
  await page.mouse.wheel(0, 5000);
  const link = page.getByRole("row").filter({ hasText: "Wymienić czujnik temperatury w piecu Rational nr 2" }).getByRole("link").first();
  await link.hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
  // Followed, the link is a client-side navigation: the page's document is not loaded again.
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await link.click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /Wymienić czujnik temperatury/ })).toBeVisible();
  expect(documents).toEqual([]);
});
