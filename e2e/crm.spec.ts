import { expect, test } from "@playwright/test";
import { login, pick } from "./support";

test("a salesperson finds a client, sees its page and opens a case with a due time in Warsaw time", async ({ page }) => {
  await login(page, "sales1");
  await expect(page).toHaveURL(/\/tasks$/);

  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "Klienci", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Klienci", exact: true });
  await expect(table.getByRole("row")).toHaveCount(9);

  await page.getByRole("searchbox", { name: "Szukaj klientów" }).fill("wawel");
  await page.getByRole("searchbox", { name: "Szukaj klientów" }).press("Enter");
  await expect(page).toHaveURL(/\/clients\?q=wawel/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).not.toContainText("Piekarnia Złoty Kłos");
  // A contact's name finds the company too.
  await page.getByRole("searchbox", { name: "Szukaj klientów" }).fill("Kaczmarek");
  await page.getByRole("searchbox", { name: "Szukaj klientów" }).press("Enter");
  await expect(table.getByRole("row").nth(1)).toContainText("Szpital Powiatowy w Tarnowie");
  await page.getByRole("searchbox", { name: "Szukaj klientów" }).fill("wawel");
  await page.getByRole("searchbox", { name: "Szukaj klientów" }).press("Enter");
  await table.getByRole("link", { name: "Hotel Wawel Residence sp. z o.o." }).click();

  await expect(page.getByRole("heading", { name: "Hotel Wawel Residence sp. z o.o.", level: 1 })).toBeVisible();
  const contacts = page.getByRole("table", { name: "Osoby kontaktowe" });
  await expect(contacts).toContainText("Jolanta Bielecka");
  await expect(contacts).toContainText("+48 601 420 100");
  const cases = page.getByRole("table", { name: "Sprawy", exact: true });
  await expect(cases).toContainText("Wymiana linii piekarniczej w kuchni hotelowej");
  await expect(cases).toContainText("Piec konwekcyjny Rational");
  await expect(page.getByRole("heading", { name: "Zadania", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wpisy w kalendarzu", exact: true })).toBeVisible();

  // She manages this client, so she keeps its contacts up to date.
  await page.getByRole("button", { name: "Dodaj osobę" }).click();
  const newContact = page.getByRole("form", { name: "Nowa osoba kontaktowa" });
  await newContact.getByLabel("Imię i nazwisko").fill("Anna Kowal");
  await newContact.getByLabel("E-mail").fill("zła-adres");
  await newContact.getByRole("button", { name: "Zapisz" }).click();
  await expect(newContact.getByText("Podaj poprawny adres e-mail.")).toBeVisible();
  await newContact.getByLabel("E-mail").fill("a.kowal@wawelresidence.example");
  await newContact.getByLabel("Stanowisko").fill("Zastępczyni szefa kuchni");
  await newContact.getByRole("button", { name: "Zapisz" }).click();
  await expect(contacts).toContainText("a.kowal@wawelresidence.example");

  await page.getByRole("link", { name: "Nowa sprawa" }).click();
  await expect(page).toHaveURL(/\/cases\/new\?clientId=/);
  await expect(page.getByRole("combobox", { name: "Klient" })).toHaveValue("Hotel Wawel Residence sp. z o.o.");
  await page.getByLabel("Tytuł").fill("Zmywarka kapturowa: wyciek wody");
  await page.getByLabel("Rodzaj").selectOption("service_request");
  await page.getByLabel("Priorytet").selectOption("high");
  await pick(page, "Odpowiedzialny", "Krawczyk", "Paweł Krawczyk");
  // The morning after the spring clock change: 09:30 in Warsaw is 07:30 UTC.
  await page.getByLabel("Termin").fill("2030-03-31T09:30");
  await page.getByRole("button", { name: "Utwórz sprawę" }).click();

  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Zmywarka kapturowa: wyciek wody");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/#\d+/);
  const due = page.locator("dd time").first();
  await expect(due).toHaveText("31.03.2030, 09:30");
  await expect(due).toHaveAttribute("datetime", "2030-03-31T07:30:00.000Z");
  await expect(page.getByRole("link", { name: "Hotel Wawel Residence sp. z o.o." }).first()).toBeVisible();
  await expect(page.locator("dl")).toContainText("Paweł Krawczyk");
  await expect(page.getByRole("heading", { name: "Zadania", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wpisy w kalendarzu", exact: true })).toBeVisible();

  // The creator may edit: the form shows the due time back in Warsaw time.
  await page.getByRole("link", { name: "Edytuj sprawę" }).click();
  await expect(page.getByLabel("Termin")).toHaveValue("2030-03-31T09:30");

  await page.goto("/cases?owner=mine&status=all");
  await expect(page.getByRole("table", { name: "Sprawy", exact: true })).toContainText("Wymiana linii piekarniczej");
});

test("a technician cannot edit someone else's case but can move his own", async ({ page }) => {
  await login(page, "tech2");
  await expect(page).toHaveURL(/\/tasks$/);

  await page.goto("/cases?q=Rational");
  await page.getByRole("link", { name: "Piec konwekcyjny Rational: błąd czujnika temperatury" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Piec konwekcyjny Rational");
  await expect(page.getByText("Sprawę może zmieniać osoba odpowiedzialna, jej autor, kierownik lub administrator.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edytuj sprawę" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Zmień status" })).toHaveCount(0);

  const url = page.url();
  const response = await page.goto(`${url}/edit`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Nie masz uprawnień do tej operacji." })).toBeVisible();

  // His own service request he can move along.
  await page.goto("/cases?owner=mine");
  await page.getByRole("link", { name: "Przegląd okresowy zmywarki tunelowej" }).click();
  await page.getByRole("combobox", { name: "Zmień status" }).selectOption("in_progress");
  await expect(page.locator("h1 + div")).toContainText("W toku");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Zmień status" })).toHaveValue("in_progress");
});
