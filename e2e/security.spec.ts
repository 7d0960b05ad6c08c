import { expect, test, type APIResponse, type Page, type Request } from "@playwright/test";
import { demoEmail, login, logout } from "./support";

/** The values a response must carry on every page and route handler. */
function expectSecurityHeaders(response: APIResponse): string {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The e2e server's APP_URL is http: no HSTS, which would pin localhost to https.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'(;|$)/.exec(csp)?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

test("pages and route handlers carry the security headers, and Next's scripts carry this response's nonce", async ({ page, request }) => {
  const loginPage = await request.get("/login");
  expect(loginPage.status()).toBe(200);
  const nonce = expectSecurityHeaders(loginPage);
  const html = await loginPage.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(expectSecurityHeaders(await request.get("/login"))).not.toBe(nonce);

  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  expectSecurityHeaders(health);
  const signedOut = await request.get("/api/notifications");
  expect(signedOut.status()).toBe(401);
  expectSecurityHeaders(signedOut);

  await login(page, "accounting");
  await expect(page).toHaveURL(/\/tasks$/);
  const tasks = await page.request.get("/tasks");
  expect(tasks.status()).toBe(200);
  expectSecurityHeaders(tasks);
  const notifications = await page.request.get("/api/notifications");
  expect(notifications.status()).toBe(200);
  expectSecurityHeaders(notifications);
});

test("paths that only start like a public one still need a signed-in user", async ({ request }) => {
  for (const path of ["/loginx", "/iconsx", "/api/healthz-admin"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (path.startsWith("/api/")) expect(response.status(), path).toBe(401);
    else {
      expect(response.status(), path).toBe(307);
      expect(response.headers().location, path).toContain(`/login?callbackUrl=${encodeURIComponent(path)}`);
    }
  }
  expect((await request.get("/api/authx", { maxRedirects: 0 })).status()).toBe(401);
  expect((await request.get("/login", { maxRedirects: 0 })).status()).toBe(200);
});

test("a session reference sent by a client stands for nobody (only the proxy hands a session to the page)", async ({ page, request }) => {
  await login(page, "accounting");
  await expect(page).toHaveURL(/\/tasks$/);
  // Whatever the header holds, a request without the session cookie is refused, page and route alike; a signed-in
  // request is still its own person.
  const forged = { "x-baton-session-ref": "0b4d8c52-1f5e-4d35-9a4e-6f0c2f1b7a11" };
  const pageAnswer = await request.get("/tasks", { headers: forged, maxRedirects: 0 });
  expect(pageAnswer.status()).toBe(307);
  expect(pageAnswer.headers().location).toContain("/login?callbackUrl=%2Ftasks");
  expect((await request.get("/api/notifications", { headers: forged, maxRedirects: 0 })).status()).toBe(401);
  const own = await page.request.get("/settings/profile", { headers: forged });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(demoEmail("accounting"));
});

test("a session cookie copied before signing out works nowhere afterwards", async ({ page, browser, baseURL }) => {
  await login(page, "sales2");
  await expect(page).toHaveURL(/\/tasks$/);
  const actionCalls: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actionCalls.push(r);
  });
  await page.getByLabel("Język").selectOption("en");
  await expect(page.getByRole("link", { name: "My tasks" }).first()).toBeVisible();
  const switchToEnglish = actionCalls.at(-1)!;
  expect(switchToEnglish).toBeTruthy();
  await page.getByLabel("Language").selectOption("pl");
  await expect(page.getByRole("link", { name: "Moje zadania" }).first()).toBeVisible();

  const copied = await page.context().cookies();
  const stolen = await browser.newContext({ baseURL });
  await stolen.addCookies(copied);
  // While the owner is signed in, the copy works (so the refusals below are about signing out).
  expect((await (await stolen.request.get("/api/auth/session")).json())?.userId).toBeTruthy();

  await logout(page);

  expect(await (await stolen.request.get("/api/auth/session")).json()).toBeNull();
  // The session endpoint cleared the copy's cookie; put it back for every other replay.
  await stolen.clearCookies();
  await stolen.addCookies(copied);
  const replayPage = await stolen.newPage();
  await replayPage.goto("/tasks");
  await expect(replayPage).toHaveURL(/\/login\?callbackUrl=%2Ftasks/);

  await stolen.clearCookies();
  await stolen.addCookies(copied);
  const replayedAction = await stolen.request.post(switchToEnglish.url(), {
    headers: { ...withoutCookie(await switchToEnglish.allHeaders()) },
    data: switchToEnglish.postData() ?? "",
    maxRedirects: 0,
  });
  expect(replayedAction.status()).not.toBe(200);
  await stolen.close();

  // The replayed action changed nothing: the owner's language is still Polish.
  await login(page, "sales2");
  await expect(page.getByRole("link", { name: "Moje zadania" }).first()).toBeVisible();
});

function withoutCookie(headers: Record<string, string>): Record<string, string> {
  const { cookie: _cookie, ...rest } = headers;
  return Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith(":")));
}

test("the main pages run under the Content Security Policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`),
    );
  });

  await page.goto("/login");
  await expect(page.locator("#email")).toBeVisible();
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  for (const path of [
    "/tasks",
    "/tasks/delegated",
    "/tasks/new",
    "/calendar",
    "/clients",
    "/cases",
    "/notifications",
    "/settings/notifications",
    "/admin/users",
  ]) {
    await page.goto(path);
    await expectInteractive(page);
  }
  expect(violations).toEqual([]);
});

/** Hydrated: the account menu, a client component, opens. */
async function expectInteractive(page: Page) {
  const account = page.getByRole("button", { name: /Konto|Account/ });
  await account.click();
  await expect(page.getByRole("menuitem", { name: /Wyloguj|Sign out/ })).toBeVisible();
  await page.keyboard.press("Escape");
}
