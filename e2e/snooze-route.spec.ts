import { expect, test } from "@playwright/test";
import { login } from "./support";

// The request public/sw.js sends when "remind me later" is pressed on a push notification.
const SNOOZE = `async (notificationId) => {
  const res = await fetch("/api/notifications/snooze", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ notificationId, snooze: "10m" }),
  });
  return { status: res.status, body: await res.json() };
}`;

test("the service worker's snooze passes the same-origin check, a request without Origin does not", async ({ page, context }) => {
  await login(page, "tech2");
  await expect(page).toHaveURL(/\/tasks$/);
  const unknown = "8f0b7c44-7a36-4c55-9d43-0d3c9f0e1a11";

  // From the page and from the service worker, Chromium adds Origin: the route gets as far as
  // looking the reminder up (404 for an id that is nobody's), not a 403 or 415.
  const fromPage = await page.evaluate(`(${SNOOZE})(${JSON.stringify(unknown)})`);
  expect(fromPage).toEqual({ status: 404, body: { error: "not_found" } });

  const [worker] = await Promise.all([context.waitForEvent("serviceworker"), page.evaluate(() => navigator.serviceWorker.register("/sw.js"))]);
  const fromWorker = await worker.evaluate(`(${SNOOZE})(${JSON.stringify(unknown)})`);
  expect(fromWorker).toEqual({ status: 404, body: { error: "not_found" } });

  // The session cookie alone is not enough: a request with no Origin is refused before anything runs.
  const bare = await context.request.post("/api/notifications/snooze", { data: { notificationId: unknown, snooze: "10m" } });
  expect(bare.status()).toBe(403);
});
