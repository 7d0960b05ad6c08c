import { expect, test } from "@playwright/test";
import { resolvePath, switchLanguage, VIEWPORTS, type ViewportName } from "./axe";
import { login } from "./support";

/**
 * Not a check: pictures of the pages people live in, for before/after notes. Runs only when
 * SHOTS_DIR names a folder (outside the repository), e.g. SHOTS_DIR=/tmp/shots/after.
 */
const SHOTS_DIR = process.env.SHOTS_DIR;
const PAGES = { "my-tasks": "/tasks", delegated: "/tasks/delegated", notifications: "/notifications", task: "/tasks/:task" };

test.skip(!SHOTS_DIR, "set SHOTS_DIR to take screenshots");

for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
  test(`screenshots: ${viewport}`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await login(page, "foreman");
    await expect(page).toHaveURL(/\/tasks$/);
    const found = new Map<string, string>();
    for (const locale of ["pl", "en"] as const) {
      await switchLanguage(page, locale);
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(await resolvePath(page, path, found));
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `${SHOTS_DIR}/${name}-${viewport}-${locale}.png`, fullPage: true });
      }
    }
    await switchLanguage(page, "pl");
  });
}
