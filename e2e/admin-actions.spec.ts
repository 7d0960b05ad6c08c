import { expect, test, type Request } from "@playwright/test";
import { login } from "./support";

/**
 * A member who replays the admin's own "create user" server action (same action id, same
 * payload, their own session) is refused by the server, and nothing is created.
 */
test("a member who replays an admin action is refused and nothing is written", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin");
  await expect(admin).toHaveURL(/\/tasks$/);
  await admin.goto("/admin/users/new");

  // Capture the admin's action call without letting it reach the server.
  let captured: Request | undefined;
  await admin.route("**/admin/users/new", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = request;
      await route.abort();
      return;
    }
    await route.continue();
  });
  const email = `intruz-${Date.now().toString(36)}@polmet.example`;
  await admin.locator("#user-name").fill("Konto Intruza");
  await admin.locator("#user-email").fill(email);
  await admin.locator("#user-password").fill("Intruz-2026-haslo");
  await admin.getByRole("button", { name: "Utwórz użytkownika" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await login(member, "sales1");
  await expect(member).toHaveURL(/\/tasks$/);
  const headers = { ...captured!.headers() };
  delete headers.cookie;
  const response = await memberContext.request.post(captured!.url(), { headers, data: captured!.postDataBuffer() ?? "" });
  const body = await response.text();
  expect(body).toContain("forbidden");
  expect(body).not.toContain('"ok":true');

  // The admin sees that no such user exists.
  await admin.unroute("**/admin/users/new");
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await expect(admin.getByText("Konto Intruza")).toHaveCount(0);

  // Control: the very same replay with the admin's session works, so the refusal above was the server's.
  const asAdmin = await adminContext.request.post(captured!.url(), { headers, data: captured!.postDataBuffer() ?? "" });
  expect(await asAdmin.text()).toContain('"ok":true');
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(1);

  await adminContext.close();
  await memberContext.close();
});
