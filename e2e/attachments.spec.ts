import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { expectNoAxeViolations } from "./axe";
import { createTaskInUi, hydrated, logout, signInAs } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a technician on a phone attaches a photo to a task and ticks its checklist; the delegator sees both; a stranger gets neither", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Wymiana pompy ${Date.now().toString(36)}`;
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#4477aa" } })
    .jpeg()
    .toBuffer();

  // The foreman delegates a task with one checklist step to a technician.
  await signInAs(page, "foreman");
  const taskUrl = await createTaskInUi(page, { title, assignee: ["Krawczyk", "Paweł Krawczyk"] });
  const field = await hydrated(page.getByLabel("Nowy punkt"));
  await field.fill("Zdjęcie tabliczki znamionowej");
  await field.press("Enter");
  await expect(page.getByRole("checkbox", { name: "Zdjęcie tabliczki znamionowej" })).toBeEnabled();
  await logout(page);

  // The technician, on a phone-width page, takes the photo (the input offers the camera: it accepts image/*) and ticks the step.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "tech1");
  await page.goto(taskUrl);
  const input = await hydrated(page.getByLabel("Dołącz pliki lub zdjęcia", { exact: true }));
  expect(await input.getAttribute("accept")).toMatch(/^image\/\*,/);
  await expect(page.getByText(/Do 25 MB na plik\. Dozwolone: JPG, PNG/).first()).toBeVisible();
  await input.setInputFiles({ name: "tabliczka.jpg", mimeType: "image/jpeg", buffer: photo });
  const files = page.getByRole("list", { name: "Dołączone pliki" });
  await expect(files.getByText("tabliczka.jpg")).toBeVisible();
  await expect(files.getByRole("img", { name: "Podgląd tabliczka.jpg" })).toHaveJSProperty("complete", true);
  expect(await files.getByRole("img", { name: "Podgląd tabliczka.jpg" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await page.getByRole("checkbox", { name: "Zdjęcie tabliczki znamionowej" }).check();
  await expect(page.getByTestId("checklist-count")).toHaveText("1 z 1");
  // A file that is not what its name says is refused with a reason, and nothing is listed.
  await input.setInputFiles({ name: "faktura.jpg", mimeType: "image/jpeg", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(page.getByRole("alert").filter({ hasText: "faktura.jpg: Zawartość pliku nie zgadza się z jego nazwą" })).toBeVisible();
  await expect(files.getByRole("listitem")).toHaveCount(1);
  // A comment carries its own file: the protocol as a PDF.
  await page.getByLabel("Komentarz", { exact: true }).fill("Pompa wymieniona, protokół w załączniku.");
  await page.getByLabel("Dołącz pliki lub zdjęcia do komentarza").setInputFiles({ name: "protokół.pdf", mimeType: "application/pdf", buffer: PDF });
  // Said in the page's language, not in the browser's own words for a file input.
  await expect(page.getByTestId("comment-files-chosen")).toHaveText("Wybrane: protokół.pdf");
  await page.getByRole("button", { name: "Dodaj komentarz" }).click();
  await expect(page.getByRole("link", { name: /protokół\.pdf/ })).toBeVisible();
  await expectNoAxeViolations(page, "task page with an attached photo on a phone");
  await logout(page);

  // The delegator sees the photo (with its thumbnail, who and when) and the ticked step.
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "foreman");
  await page.goto(taskUrl);
  await expect(files.getByText("tabliczka.jpg")).toBeVisible();
  await expect(files.getByText(/Paweł Krawczyk/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Zdjęcie tabliczki znamionowej" })).toBeChecked();
  await expect(page.getByText("Pompa wymieniona, protokół w załączniku.")).toBeVisible();
  const protocol = await page.request.get((await page.getByRole("link", { name: /protokół\.pdf/ }).getAttribute("href"))!);
  expect(protocol.headers()["content-disposition"]).toMatch(/^attachment;/);
  const href = await files.getByRole("link", { name: /tabliczka\.jpg/ }).getAttribute("href");
  expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("image/jpeg");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await download.body()).equals(photo)).toBe(true);
  await logout(page);

  // Someone outside the task gets neither the page nor the file, even with its address.
  await signInAs(page, "accounting");
  expect((await page.goto(taskUrl))?.status()).toBe(403);
  expect((await page.request.get(href!)).status()).toBe(403);
  expect((await page.request.get(`${href}/thumbnail`)).status()).toBe(403);
});
