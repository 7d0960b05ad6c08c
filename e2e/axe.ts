import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * WCAG 2.1 levels A and AA (with the 2.0 rules they include), plus axe's best practices: one h1
 * per page, content inside landmarks, no empty table headers. Every rule of those runs.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * A page to check: a path, or a path with `:name` placeholders that `resolve` fills in from a
 * list page (the first link of that shape), so a check needs no ids from the seed.
 */
export type PageToCheck = string;

/** Where a placeholder's first example is found: the list page, and the shape of its links. */
export const PLACEHOLDERS: Record<string, { from: string; link: RegExp }> = {
  task: { from: "/tasks/delegated", link: /^\/tasks\/([0-9a-f-]{36})$/ },
  case: { from: "/cases", link: /^\/cases\/([0-9a-f-]{36})$/ },
  client: { from: "/clients", link: /^\/clients\/([0-9a-f-]{36})$/ },
  user: { from: "/admin/users", link: /^\/admin\/users\/([0-9a-f-]{36})$/ },
  notification: { from: "/notifications", link: /^\/notifications\/([0-9a-f-]{36})$/ },
};

/** Fills `:name` placeholders with the first matching link found on their list page. */
export async function resolvePath(page: Page, path: PageToCheck, found: Map<string, string>): Promise<string> {
  let resolved = path;
  for (const [, name] of path.matchAll(/:([a-z]+)/g)) {
    if (!found.has(name!)) {
      const where = PLACEHOLDERS[name!];
      if (!where) throw new Error(`no list page known for :${name}`);
      await page.goto(where.from);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const id = hrefs.map((h) => where.link.exec(h)?.[1]).find(Boolean);
      if (!id) throw new Error(`no ${name} link on ${where.from}`);
      found.set(name!, id);
    }
    resolved = resolved.replace(`:${name}`, found.get(name!)!);
  }
  return resolved;
}

/**
 * Runs axe on what the page shows now and records every violation as a soft failure named by
 * `label`, so one run lists every page that fails. No rule is disabled.
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(" ")} :: ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`)
        .join("\n"),
  );
  expect.soft(report, `axe violations on ${label}`).toEqual([]);
}

/** Visits each page (resolving placeholders) and checks it with axe. */
export async function checkPages(page: Page, paths: PageToCheck[], context: string) {
  const found = new Map<string, string>();
  for (const path of paths) {
    const url = await resolvePath(page, path, found);
    const response = await page.goto(url);
    expect.soft(response?.status(), `${path} answers`).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, `${path} (${context})`);
  }
}

/** Switches the signed-in user's language the way a person does: the switch in the status bar. */
export async function switchLanguage(page: Page, locale: "pl" | "en") {
  const current = await page.locator("html").getAttribute("lang");
  if (current === locale) return;
  await page.getByLabel(/^(Język|Language)$/).selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}
