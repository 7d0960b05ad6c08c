import { expect, test } from "@playwright/test";
import { demoEmail, demoPhone, login, pick, sentMessages } from "./support";

test("an assignment reaches the assignee's bell without reloading, and the e-mail it sends opens the task", async ({ browser }) => {
  const title = `Przegląd zmywarki tunelowej ${Date.now().toString(36)}`;

  // The technician is already looking at Baton.
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await login(tech, "tech2");
  await expect(tech).toHaveURL(/\/tasks$/);
  const bell = tech.getByRole("button", { name: /^Powiadomienia/ });
  await expect(bell).toBeVisible();
  const before = Number(
    (await tech
      .getByTestId("unread-count")
      .textContent({ timeout: 1000 })
      .catch(() => "0")) ?? "0",
  );

  // The foreman assigns a task in another browser.
  const foremanContext = await browser.newContext();
  const foreman = await foremanContext.newPage();
  await login(foreman, "foreman");
  await expect(foreman).toHaveURL(/\/tasks$/);
  await foreman.goto("/tasks/new");
  await foreman.getByLabel("Tytuł", { exact: true }).fill(title);
  await foreman.getByLabel("Priorytet", { exact: true }).selectOption("high");
  await pick(foreman, "Wykonawca", "Łukasz", "Łukasz Piotrowski");
  await foreman.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(foreman).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const taskPath = new URL(foreman.url()).pathname;
  const taskNumber = (await foreman
    .getByText(/^Zadanie #\d+$/)
    .first()
    .textContent())!.replace(/\D/g, "");

  // The bell updates by itself.
  await expect(tech.getByTestId("unread-count")).toHaveText(String(before + 1), { timeout: 15_000 });
  await bell.click();
  const item = tech.getByRole("menuitem").filter({ hasText: title });
  await expect(item).toBeVisible();

  // The e-mail went out (through Resend, here a local fake), with a button that opens the task.
  await tech.keyboard.press("Escape");

  // The notifications page marks it unread, in a word and not only a tint.
  await tech.goto("/notifications");
  const listed = tech.getByRole("listitem").filter({ hasText: title });
  await expect(listed).toHaveAttribute("data-unread", "true");
  await expect(listed).toContainText("Nieprzeczytane");
  await expect(listed.getByRole("link", { name: new RegExp(`^Nieprzeczytane: .*${title}$`) })).toBeVisible();
  const email = await pollFor(async () => (await sentMessages(demoEmail("tech2"))).emails.find((e) => e.subject.includes(title)));
  expect(email.to).toEqual(["lukasz.piotrowski@polmet.example"]);
  // Shown as a mail client would, the e-mail's own HTML; its button opens the task for the assignee.
  const mail = await techContext.newPage();
  await mail.setContent(email.html ?? "");
  const button = mail.getByRole("link", { name: "Otwórz zadanie" });
  await expect(button).toHaveAttribute("href", new RegExp(`${taskPath}$`));
  const [opened] = await Promise.all([techContext.waitForEvent("page"), button.click()]);
  await expect(opened).toHaveURL(new RegExp(`${taskPath}$`));
  await expect(opened.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // The SMS of a high-priority item went out too, in Polish with the short link (one segment: the title may not fit).
  const sms = await pollFor(async () => (await sentMessages(demoPhone("tech2"))).sms.find((m) => m.body.endsWith(`/t/${taskNumber}`)));
  expect(sms.body).toContain("Baton: ");

  // The foreman, who caused it, sees that it was delivered, not through which of the
  // technician's channels: neither the page nor its RSC payload carries his address or number.
  await foreman.goto("/notifications?tab=sent");
  await foreman
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(foreman).toHaveURL(/\/notifications\/[0-9a-f-]{36}$/);
  const detailsPath = new URL(foreman.url()).pathname;
  await expect(async () => {
    await foreman.reload();
    await expect(foreman.getByText("Doręczono", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(foreman.getByRole("heading", { name: "Dziennik doręczeń" })).toHaveCount(0);
  const recipientDetails = ["lukasz.piotrowski@polmet.example", "+48603300112", "603 300 112", "dev_"];
  const html = await foreman.content();
  const rsc = await (await foreman.request.get(detailsPath, { headers: { RSC: "1" } })).text();
  for (const detail of recipientDetails) {
    expect(html).not.toContain(detail);
    expect(rsc).not.toContain(detail);
  }

  // The technician sees the log of his own channels.
  await tech.goto(detailsPath);
  await expect(tech.getByRole("heading", { name: "Dziennik doręczeń" })).toBeVisible();
  await expect(tech.getByRole("row").filter({ hasText: "SMS" })).toContainText("Wysłano");

  await techContext.close();
  await foremanContext.close();
});

test("after switching to English in Berlin, the bell and the notifications page read a Polish-written notice in English with Berlin dates", async ({
  browser,
}) => {
  const title = `Kalibracja pieca konwekcyjnego ${Date.now().toString(36)}`;
  const due = tomorrowAtTenInWarsaw();

  // The foreman assigns a task to a technician who reads Polish: the notice is written in Polish.
  const foremanContext = await browser.newContext();
  const foreman = await foremanContext.newPage();
  await login(foreman, "foreman");
  await expect(foreman).toHaveURL(/\/tasks$/);
  await foreman.goto("/tasks/new");
  await foreman.getByLabel("Tytuł", { exact: true }).fill(title);
  await pick(foreman, "Wykonawca", "Paweł", "Paweł Krawczyk");
  await foreman.getByLabel("Termin", { exact: true }).fill(due.input);
  await foreman.getByRole("button", { name: "Utwórz zadanie" }).click();
  await expect(foreman).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  await foremanContext.close();

  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await login(tech, "tech1");
  await expect(tech).toHaveURL(/\/tasks$/);
  try {
    // He moves to Berlin and switches to English on his profile, the date format left automatic.
    await tech.goto("/settings/profile");
    const form = tech.getByRole("form", { name: "Dane osobowe" });
    await form.getByLabel("Strefa czasowa", { exact: true }).fill("Europe/Berlin");
    await form.getByLabel("Język", { exact: true }).selectOption("en");
    await expect(form.getByLabel("Format daty", { exact: true })).toHaveValue("auto");
    await form.getByRole("button", { name: "Zapisz", exact: true }).click();
    await expect(tech.getByRole("heading", { name: "My profile", level: 1 })).toBeVisible();

    // The bell shows the notice in English.
    await tech.goto("/tasks");
    await tech.getByRole("button", { name: /^Notifications/ }).click();
    const item = tech.getByRole("menuitem").filter({ hasText: title });
    await expect(item).toContainText(/New task #\d+/);
    await expect(item).not.toContainText("Nowe zadanie");
    await tech.keyboard.press("Escape");

    // The notifications page too, with the due date and its own time written the Berlin way.
    await tech.goto("/notifications");
    const listed = tech.getByRole("listitem").filter({ hasText: title });
    await expect(listed.getByRole("link", { name: new RegExp(`New task #\\d+: ${title}`) })).toBeVisible();
    await expect(listed).toContainText("Grzegorz Jankowski has assigned");
    await expect(listed).toContainText(`Due: ${due.berlin}`);
    await expect(listed).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}/);
    await expect(listed).not.toContainText(/\d{2}\/\d{2}\/\d{4}|AM|PM|Termin/);
  } finally {
    // Back to Polish in Warsaw for the other specs.
    await tech.goto("/settings/profile");
    await tech.locator("#profile-tz").fill("Europe/Warsaw");
    await tech.locator("#profile-locale").selectOption("pl");
    await tech.getByRole("button", { name: /^(Save|Zapisz)$/ }).click();
    await expect(tech.getByRole("heading", { name: "Mój profil", level: 1 })).toBeVisible();
    await techContext.close();
  }
});

test("a stranger cannot open someone else's notification or mailbox messages", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/notifications/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("404")).toBeVisible();
});

test("in production there is no development mailbox, not even for an admin", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.getByRole("button", { name: /Konto|Account/ }).click();
  await expect(page.getByRole("menuitem", { name: /profil/i })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: /skrzynka|mailbox/i })).toHaveCount(0);
  await page.keyboard.press("Escape");
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("404")).toBeVisible();
  expect((await page.goto("/dev/mailbox/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
});

/** Tomorrow at 10:00 in Warsaw: the datetime-local value the foreman types, and how a Berlin reader in English reads it. */
function tomorrowAtTenInWarsaw(): { input: string; berlin: string } {
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(tomorrow);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const berlinDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", day: "numeric", month: "short", year: "numeric" }).format(tomorrow);
  return { input: `${get("year")}-${get("month")}-${get("day")}T10:00`, berlin: `${berlinDay}, 10:00` };
}

/** Asks again until the message has arrived (delivery runs after the action, in the background). */
async function pollFor<T>(find: () => Promise<T | undefined>): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await find()) !== undefined, { timeout: 15_000 }).toBe(true);
  return found!;
}
