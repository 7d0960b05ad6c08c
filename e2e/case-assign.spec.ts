import { expect, test } from "@playwright/test";
import { demoEmail, login, logout, sentMessages } from "./support";

const CASE = "Nieszczelność drzwi komory chłodniczej";

test("the service dispatcher hands a service request to another technician; both hear of it and the case page shows who did it", async ({ page }) => {
  // A technician without the right sees no control on a colleague's service request.
  await login(page, "tech2");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(`/cases?q=${encodeURIComponent("komory chłodniczej")}`);
  await page.getByRole("link", { name: CASE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CASE);
  await expect(page.getByRole("form", { name: "Przekaż sprawę" })).toHaveCount(0);
  await expect(page.getByLabel("Przekaż osobie")).toHaveCount(0);
  const caseUrl = page.url();
  await logout(page);

  await login(page, "dispatcher");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto(caseUrl);
  const number = (await page.locator("h1 span").first().textContent())!.replace(/\D/g, "");
  const details = page.locator("dl");
  await expect(details).toContainText("Adam Grabowski");
  const handOver = page.getByRole("form", { name: "Przekaż sprawę" });
  await handOver.getByLabel("Przekaż osobie").selectOption({ label: "Oliver Schmidt" });
  await handOver.getByRole("button", { name: "Przekaż" }).click();
  await expect(handOver.getByRole("status")).toHaveText("Przekazano: Oliver Schmidt. Obie osoby dostały powiadomienie.");
  await expect(details).toContainText("Oliver Schmidt");

  const history = page.getByRole("heading", { name: "Historia" }).locator("xpath=ancestor::section[1]");
  const last = history.getByRole("listitem").last();
  await expect(last).toContainText("Joanna Kozłowska");
  await expect(last).toContainText("przekazał(a) sprawę");
  await expect(last).toContainText("Adam Grabowski");
  await expect(last).toContainText("Oliver Schmidt");
  await expect(history.getByRole("listitem").first()).toContainText("założył(a) sprawę dla: Adam Grabowski");

  // The new owner reads a hand-over in English, the previous one in Polish; the dispatcher gets nothing.
  let toNew = "";
  await expect
    .poll(async () => (toNew = (await sentMessages(demoEmail("tech4"))).emails.find((m) => m.subject.includes(`#${number}`))?.subject ?? ""), {
      timeout: 15_000,
    })
    .toBe(`Case #${number} handed over to you: ${CASE}`);
  let toPrevious: { subject: string; text?: string } | undefined;
  await expect
    .poll(async () => (toPrevious = (await sentMessages(demoEmail("tech3"))).emails.find((m) => m.subject.includes(`#${number}`)))?.subject ?? "", {
      timeout: 15_000,
    })
    .toBe(`Sprawę #${number} przejmuje Oliver Schmidt`);
  expect(toPrevious?.text).toContain("Klient: Logistyka Bałtyk S.A.\n");
  expect(toPrevious?.text ?? "").not.toMatch(/(?<!\.)\.\.(?!\.)/);
  expect(toNew).not.toMatch(/New case/);
  expect((await sentMessages(demoEmail("dispatcher"))).emails.filter((m) => m.subject.includes(`#${number}`))).toEqual([]);
});

test("an administrator gives and takes back a case assignment right on a person's page", async ({ page }) => {
  await login(page, "admin");
  await expect(page).toHaveURL(/\/tasks$/);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Joanna Kozłowska" }).click();
  const rights = page.getByRole("list", { name: "Uprawnienia do przydzielania spraw" });
  await expect(rights).toContainText("Wszystkie sprawy: Zgłoszenie serwisowe");

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Grzegorz Jankowski" }).click();
  await expect(page.getByText("Brak uprawnień do przydzielania spraw.")).toBeVisible();
  const grant = page.getByRole("form", { name: "Nadaj uprawnienie do przydzielania spraw" });
  await grant.getByLabel("Sprawy").selectOption({ label: "Serwis" });
  await grant.getByRole("button", { name: "Nadaj uprawnienie" }).click();
  await expect(rights).toContainText("Sprawy osób z działu: Serwis");
  // The same right twice is refused with a clear message.
  await grant.getByLabel("Sprawy").selectOption({ label: "Serwis" });
  await grant.getByRole("button", { name: "Nadaj uprawnienie" }).click();
  await expect(grant.getByRole("alert")).toHaveText("Ta osoba ma już to uprawnienie.");

  await rights.getByRole("button", { name: "Odbierz uprawnienie Sprawy osób z działu: Serwis" }).click();
  await expect(page.getByText("Brak uprawnień do przydzielania spraw.")).toBeVisible();
});
