import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { login, logout } from "./support";

/**
 * The privacy matrix at the level of raw responses (HTML, RSC payloads, JSON), for the sales
 * director's private entries in the demo data:
 * - "Wizyta u lekarza": nobody invited;
 * - "Rozmowa roczna – Piotr Kamiński": the sales manager invited;
 * - "Poufne: rabat roczny dla Złotego Kłosu": with a client, a case, a place and a description.
 * Only the owner, and an attendee for the entry they are invited to, may get any of their details;
 * his assistant (who edits his calendar but may not see private entries), a colleague and an admin
 * get "Busy" at most. Whoever asks, every surface is checked, not only what a page shows.
 */
const DOCTOR = "Wizyta u lekarza";
const REVIEW = "Rozmowa roczna";
const DISCOUNT = "Poufne: rabat roczny";
const DISCOUNT_DETAILS = ["Gabinet dyrektora", "Górna granica rabatu"];

type Who = "salesdir" | "salesmgr" | "assistant" | "sales1" | "admin";
const MAY_SEE: Record<Who, string[]> = {
  salesdir: [DOCTOR, REVIEW, DISCOUNT],
  salesmgr: [REVIEW],
  assistant: [],
  sales1: [],
  admin: [],
};
const ALL_SECRETS = [DOCTOR, REVIEW, DISCOUNT, ...DISCOUNT_DETAILS];

interface Ids {
  director: string;
  /** The director among colleagues, as a team view asks for them. */
  team: string[];
  entries: Record<string, string>;
  client: string;
  case: string;
}

function weeksAround(): { from: string; to: string } {
  return { from: new Date(Date.now() - 10 * 86_400_000).toISOString(), to: new Date(Date.now() + 10 * 86_400_000).toISOString() };
}

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Every id the matrix needs, read as the owner (the only one who sees the titles). */
async function idsAsOwner(page: Page): Promise<Ids> {
  const people = await json<{ items: { id: string; label: string }[] }>(page.request, "/api/pickers/people?q=Tomasz");
  const director = people.items.find((i) => i.label === "Tomasz Nowak")!.id;
  const window = await json<{ entries: { id: string; title: string | null }[] }>(
    page.request,
    `/api/calendar/window?${new URLSearchParams({ ...weeksAround(), people: director })}`,
  );
  const entries: Record<string, string> = {};
  for (const secret of [DOCTOR, REVIEW, DISCOUNT]) {
    const entry = window.entries.find((e) => e.title?.startsWith(secret));
    expect(entry, `the owner sees "${secret}"`).toBeTruthy();
    entries[secret] = entry!.id;
  }
  const colleagues = await json<{ items: { id: string }[] }>(page.request, "/api/pickers/people?q=a");
  const team = [...new Set([...colleagues.items.map((i) => i.id), director])];
  const clients = await json<{ items: { id: string; label: string }[] }>(page.request, "/api/pickers/clients?q=K%C5%82os");
  const cases = await json<{ items: { id: string; label: string }[] }>(page.request, "/api/pickers/cases?q=dzier%C5%BCaw");
  return { director, team, entries, client: clients.items[0]!.id, case: cases.items[0]!.id };
}

/** The raw bodies of every surface where the director's entries could show, as this person's browser gets them. */
async function surfaces(page: Page, ids: Ids): Promise<Record<string, string>> {
  const { from, to } = weeksAround();
  const day = new Date().toISOString().slice(0, 10);
  const urls: Record<string, string> = {
    "window JSON": `/api/calendar/window?${new URLSearchParams({ from, to, people: ids.director })}`,
    "team window JSON": `/api/calendar/window?${new URLSearchParams({ from, to, people: ids.team.join(",") })}`,
    "my week": `/calendar?view=week&date=${day}`,
    "client page": `/clients/${ids.client}`,
    "case page": `/cases/${ids.case}`,
    notifications: "/notifications",
    bell: "/api/notifications",
    ...Object.fromEntries(Object.entries(ids.entries).map(([title, id]) => [`entry page of "${title}"`, `/calendar/entries/${id}`])),
  };
  const bodies: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    const html = await page.request.get(url, { maxRedirects: 0 });
    bodies[`${name} (${html.status()})`] = await html.text();
    if (!url.startsWith("/api/")) {
      // The flight data a client-side navigation fetches: what React components receive as props.
      const rsc = await page.request.get(url, { headers: { RSC: "1" } });
      expect(rsc.headers()["content-type"], `${url} as RSC`).toContain("text/x-component");
      bodies[`${name}, RSC payload (${rsc.status()})`] = await rsc.text();
    }
  }
  return bodies;
}

test("the director's private entries reach only him and their attendee, on every surface and in every raw response", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "salesdir");
  await expect(page).toHaveURL(/\/tasks$/);
  const ids = await idsAsOwner(page);
  await logout(page);

  for (const who of Object.keys(MAY_SEE) as Who[]) {
    await login(page, who);
    await expect(page).toHaveURL(/\/tasks$/);
    const bodies = await surfaces(page, ids);
    const window = Object.entries(bodies).find(([name]) => name.startsWith("window JSON"))![1];
    // Whoever asks, each entry is in the window: with its details, or as "Busy" with its time.
    for (const id of Object.values(ids.entries)) expect(window, `${who}: the window holds ${id}`).toContain(id);
    for (const secret of ALL_SECRETS) {
      const allowed = MAY_SEE[who].some((s) => secret === s || (s === DISCOUNT && DISCOUNT_DETAILS.includes(secret)));
      if (allowed) {
        // The owner and the attendee do get it (the description only on the entry's page): the check above can fail.
        expect(Object.values(bodies).join("\n"), `${who} gets "${secret}"`).toContain(secret);
        continue;
      }
      for (const [name, body] of Object.entries(bodies)) expect(body.includes(secret), `${who} must not get "${secret}" in ${name}`).toBe(false);
    }
    await logout(page);
  }
});
