import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, demoEmail } from "../db/seed/demo";
import { fakeProvidersPort } from "./serve";

export { DEMO_PASSWORD, demoEmail };

export async function login(page: Page, who: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.locator("#email").fill(who.includes("@") ? who : demoEmail(who));
  await page.locator("#password").fill(password);
  await page.locator('form button[type="submit"]').first().click();
}

/** Signs in and waits for the landing page (My tasks). */
export async function signInAs(page: Page, who: string) {
  await login(page, who);
  await expect(page).toHaveURL(/\/tasks$/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /Konto|Account/ }).click();
  await page.getByRole("menuitem", { name: /Wyloguj|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * The port of the server the running test's project talks to: playwright.config.ts starts two
 * (one per half of the suite), each with its own fake providers and test clock.
 */
export function appPort(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("the e2e project has no baseURL");
  return new URL(baseURL).port;
}

export interface SentMessages {
  emails: { to: string[]; subject: string; html?: string; text?: string; calendar?: string }[];
  sms: { to: string; body: string }[];
}

/** What the fake Resend/Twilio server (started by serve.ts) accepted for one recipient. */
export async function sentMessages(to: string): Promise<SentMessages> {
  const port = fakeProvidersPort(appPort());
  const response = await fetch(`http://127.0.0.1:${port}/_test/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`fake providers answered ${response.status}`);
  return (await response.json()) as SentMessages;
}

export function demoPhone(key: string): string {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`unknown demo user ${key}`);
  return user.phone;
}

/**
 * Waits until React has taken over `control` from the server's HTML, and returns it. `goto` and
 * `reload` return at the load event, and on a busy machine React hydrates the page later: text
 * typed before then stays in the box but never reaches React (the form submits, and a picker
 * searches, what React holds). React marks each element it has hydrated with its props.
 */
export async function hydrated(control: Locator): Promise<Locator> {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps$")))).toBe(true);
  return control;
}

/**
 * Chooses in a search picker (components/ui/search-picker.tsx) as a person does: types `text`
 * into the combobox labelled `label` and clicks the offered option whose name contains `option`.
 */
export async function pick(scope: Page | Locator, label: string, text: string, option = text) {
  const box = await hydrated(scope.getByRole("combobox", { name: label, exact: true }));
  await box.fill(text);
  await scope.getByRole("listbox").getByRole("option", { name: option }).first().click();
  await expect(box).toHaveAttribute("aria-expanded", "false");
}

/** The Warsaw date (where the demo people live) `days` from now, as "YYYY-MM-DD". */
export function dayAheadInWarsaw(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );
}

/**
 * Creates a task as a person does, from the list's "Nowe zadanie" link on a page that has it (My tasks after signing
 * in), and returns the new task page's path.
 */
export async function createTaskInUi(
  page: Page,
  task: { title: string; assignee?: [search: string, option: string]; due?: string; needsAcceptance?: boolean },
): Promise<string> {
  await page.getByRole("link", { name: "Nowe zadanie" }).click();
  await page.getByLabel("Tytuł", { exact: true }).fill(task.title);
  if (task.due) await page.getByLabel("Termin", { exact: true }).fill(task.due);
  if (task.assignee) await pick(page, "Wykonawca", task.assignee[0], task.assignee[1]);
  if (task.needsAcceptance) await page.getByLabel("Wymaga mojej akceptacji").check();
  await page.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}
