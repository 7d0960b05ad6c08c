import { expect, test, type Page } from "@playwright/test";
import { smsSize } from "../lib/notify/sms/segments";
import { DEMO_PASSWORD, demoPhone, login, pick, sentMessages } from "./support";

/** The foreman gives the technician an urgent task (which goes by SMS too) and reads its number off the task page. */
async function assignUrgentTask(page: Page, title: string): Promise<{ path: string; number: number }> {
  await login(page, "foreman");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/tasks/new");
  await page.getByLabel("Tytuł", { exact: true }).fill(title);
  await page.getByLabel("Priorytet", { exact: true }).selectOption("high");
  await pick(page, "Wykonawca", "Łukasz", "Łukasz Piotrowski");
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const heading = await page
    .getByText(/^Zadanie #\d+$/)
    .first()
    .textContent();
  return { path: new URL(page.url()).pathname, number: Number(heading!.replace(/\D/g, "")) };
}

test("an SMS's short link opened while signed out lands on the task after login", async ({ browser }) => {
  const title = `Przegląd pieców konwekcyjno-parowych w kuchni głównej restauracji ${Date.now().toString(36)}`;
  const foremanContext = await browser.newContext();
  const task = await assignUrgentTask(await foremanContext.newPage(), title);

  let body = "";
  await expect
    .poll(async () => (body = (await sentMessages(demoPhone("tech2"))).sms.find((m) => m.body.endsWith(`/t/${task.number}`))?.body ?? ""), { timeout: 15_000 })
    .not.toBe("");
  expect(body).toContain(`#${task.number}`);
  expect(smsSize(body).segments).toBe(1);

  // The technician taps the link on a phone where he is not signed in.
  const phone = await browser.newContext();
  const page = await phone.newPage();
  await page.goto(body.slice(body.lastIndexOf(" ") + 1));
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Ft%2F${task.number}$`));
  await page.locator("#email").fill("lukasz.piotrowski@polmet.example");
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`${task.path}$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // Someone who may not see the task gets exactly what a number nobody has gets.
  const stranger = await (await browser.newContext()).newPage();
  await login(stranger, "sales1");
  await expect(stranger).toHaveURL(/\/tasks$/);
  const refused = await stranger.goto(`/t/${task.number}`);
  // The page's own content, not the header around it: the bell's count may change between the two loads.
  const refusedText = await stranger.locator("main").last().innerText();
  const unknown = await stranger.goto("/t/2147483000");
  const unknownText = await stranger.locator("main").last().innerText();
  expect(refused?.status()).toBe(404);
  expect(unknown?.status()).toBe(404);
  expect(refusedText).toBe(unknownText);

  await foremanContext.close();
  await phone.close();
});
