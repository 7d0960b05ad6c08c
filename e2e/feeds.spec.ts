import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { expectNoAxeViolations } from "./axe";
import { hydrated, signInAs } from "./support";

/**
 * A person makes a feed of their own calendar in Settings, a calendar app (here: a plain HTTP
 * client with no session) reads it and ical.js parses it, and once revoked its URL answers 404.
 * The demo's sales director has a private "Wizyta u lekarza" this week: his own feed shows it.
 */
test("create a feed, read it over HTTP as a calendar app does, revoke it and get 404", async ({ page }) => {
  await signInAs(page, "salesdir");
  await page.goto("/settings/feeds");
  await expect(page.getByRole("heading", { name: "Subskrypcje kalendarza", level: 1 })).toBeVisible();
  await expect(page.getByText("Nie masz jeszcze subskrypcji.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "/settings/feeds, empty");

  await (await hydrated(page.getByLabel("Nazwa subskrypcji"))).fill("Mój Baton");
  await page.getByLabel("Dołącz moje zadania z terminem").check();
  await page.getByRole("button", { name: "Utwórz subskrypcję" }).click();
  await expect(page.getByText("Subskrypcja gotowa.", { exact: false })).toBeVisible();
  const url = await page.getByRole("textbox", { name: "Adres subskrypcji", exact: true }).inputValue();
  expect(url).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole("link", { name: "Kalendarz Google" })).toHaveAttribute(
    "href",
    /^https:\/\/calendar\.google\.com\/calendar\/r\?cid=webcal%3A%2F%2F/,
  );
  await expect(page.getByRole("link", { name: "Outlook na komputerze, Kalendarz Apple" })).toHaveAttribute("href", /^webcal:\/\//);
  await expect(page).toHaveTitle(/Subskrypcje kalendarza/);
  await expectNoAxeViolations(page, "/settings/feeds, with a new feed's address");

  // A calendar app: no cookies, its own user agent.
  const answer = await fetch(url, { headers: { "User-Agent": "Google-Calendar-Importer" } });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await answer.text();
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Mój Baton");
  const summaries = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
  expect(summaries).toContain("Wizyta u lekarza");

  const etag = answer.headers.get("etag")!;
  expect((await fetch(url, { headers: { "If-None-Match": etag, "User-Agent": "Google-Calendar-Importer" } })).status).toBe(304);

  // Settings shows who read it last.
  await page.reload();
  await expect(page.getByRole("cell", { name: /^Google, / })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Unieważnij subskrypcję Mój Baton" }).click();
  await expect(page.getByText("Nie masz jeszcze subskrypcji.", { exact: false })).toBeVisible();
  const gone = await fetch(url);
  expect(gone.status).toBe(404);
  expect(await gone.text()).toBe("Not found\n");
});
