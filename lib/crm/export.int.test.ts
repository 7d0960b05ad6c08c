import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getCases } from "@/app/api/export/cases/route";
import { GET as getClients } from "@/app/api/export/clients/route";
import { users } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { forEachCaseListBatch, forEachClientListBatch, listCases, listClients, type CaseExportRow } from "./queries";
import { caseListFilters, clientListFilters } from "./schema";

const NOW = new Date("2026-10-20T12:00:00Z");

async function scene() {
  const db = await testDb();
  const tag = randomUUID().slice(0, 8);
  const taxId = String(Math.floor(Math.random() * 9e9) + 1e9);
  const owner = await makeUser(db, { name: `Olga Serwis ${tag}`, timeZone: "Europe/Warsaw", locale: "pl" });
  const reader = await makeUser(db, { timeZone: "America/New_York", locale: "en" });
  const hotel = await makeClient(db, {
    name: `Hotel ${tag}`,
    city: "Sopot",
    taxId,
    email: "recepcja@hotel.example",
    phone: "+48 58 000 00 00",
    address: "ul. Morska 1",
    accountManagerId: owner.id,
  });
  const formula = await makeClient(db, { name: `=cmd|' /C calc'!A0 ${tag}`, city: "Gdańsk" });
  // Due on the autumn change day in Warsaw (02:30 happens twice there): the export writes each reader's wall clock.
  const dues = ["2026-10-25T01:30:00Z", "2026-10-19T08:00:00Z", null, "2026-11-02T09:00:00Z"];
  const made = [];
  for (const [i, due] of dues.entries()) {
    made.push(
      await makeCase(db, {
        ownerId: owner.id,
        clientId: hotel.id,
        title: `Przegląd ${i + 1}`,
        priority: i % 2 ? "high" : "normal",
        dueAt: due ? new Date(due) : null,
        createdAt: new Date("2026-10-01T06:00:00Z"),
      }),
    );
  }
  await makeCase(db, { ownerId: owner.id, clientId: hotel.id, title: "Zamknięta", status: "closed" });
  return { db, tag, taxId, owner, reader, hotel, formula, made };
}

async function download(get: (request: Request) => Promise<Response>, path: string) {
  const response = await get(new Request(`http://localhost${path}`));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe("case and client list export", () => {
  it("reads every case and client the list's filters select, in the list's order, in batches", async () => {
    const { db, tag, reader, hotel } = await scene();
    for (const query of [{ client: hotel.id }, { client: hotel.id, status: "all" }, { client: hotel.id, priority: "high" }]) {
      const filters = caseListFilters.parse(query);
      const batches: CaseExportRow[][] = [];
      await forEachCaseListBatch(db, reader.viewer, filters, NOW, 2, async (rows) => void batches.push(rows));
      const page = await listCases(db, reader.viewer, filters, NOW);
      expect(batches.flat().map((r) => r.number)).toEqual(page.rows.map((r) => r.number));
      expect(batches.flat().map((r) => r.overdue)).toEqual(page.rows.map((r) => r.overdue));
      expect(batches.every((b) => b.length <= 2)).toBe(true);
    }
    const filters = clientListFilters.parse({ q: tag });
    const names: string[] = [];
    await forEachClientListBatch(db, reader.viewer, filters, 1, async (rows) => void names.push(...rows.map((r) => r.name)));
    expect(names).toEqual((await listClients(db, reader.viewer, filters)).rows.map((r) => r.name));
    expect(names).toHaveLength(2);
  });

  it("refuses a signed-out visitor and an unknown format; a closed account reads nothing", async () => {
    const { db, hotel, reader } = await scene();
    actAs(null);
    expect((await download(getCases, "/api/export/cases?format=csv")).status).toBe(401);
    expect((await download(getClients, "/api/export/clients?format=csv")).status).toBe(401);
    actAs(reader.viewer);
    expect((await download(getCases, "/api/export/cases?format=pdf")).status).toBe(400);
    expect((await download(getClients, "/api/export/clients")).status).toBe(400);
    await db.update(users).set({ active: false }).where(eq(users.id, reader.id));
    const seen: unknown[] = [];
    await forEachCaseListBatch(db, reader.viewer, caseListFilters.parse({ client: hotel.id, status: "all" }), NOW, 10, async (r) => void seen.push(...r));
    await forEachClientListBatch(db, reader.viewer, clientListFilters.parse({}), 10, async (r) => void seen.push(...r));
    expect(seen).toEqual([]);
  });

  it("writes the case list as CSV in the reader's language and zone, and XLSX with real dates", async () => {
    const { reader, hotel } = await scene();
    actAs(reader.viewer);
    const csv = await download(getCases, `/api/export/cases?format=csv&client=${hotel.id}&status=all`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="baton-cases-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = csv.body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("No.,Title,Client,Kind,Status,Priority,Owner,Due (America/New_York),Overdue,Opened (America/New_York)");
    expect(lines.filter((l) => l.includes("Przegląd"))).toHaveLength(4);
    // 01:30Z on 25 October 2026 is 21:30 the evening before in New York.
    expect(lines.find((l) => l.includes("Przegląd 1"))).toContain("2026-10-24 21:30");
    expect(lines.find((l) => l.includes("Zamknięta"))).toContain("Closed");

    const xlsx = await download(getCases, `/api/export/cases?format=xlsx&client=${hotel.id}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("Cases");
    const titles: string[] = [];
    sheet.eachRow((row, i) => void (i > 1 && titles.push(String(row.getCell(2).value))));
    // Soonest due first, the case without a due date last, the closed one left out (the list shows open cases).
    expect(titles).toEqual(["Przegląd 2", "Przegląd 1", "Przegląd 4", "Przegląd 3"]);
    expect(sheet.getRow(3).getCell(8).value).toEqual(new Date("2026-10-24T21:30:00Z"));
  });

  it("writes the client list with contact details, formulas kept as text, in Polish for a Polish reader", async () => {
    const { tag, taxId, owner } = await scene();
    actAs(owner.viewer);
    const csv = await download(getClients, `/api/export/clients?format=csv&q=${tag}`);
    const lines = csv.body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("Nazwa,NIP,Miasto,Adres,E-mail,Telefon,Opiekun,Otwarte sprawy");
    expect(lines[1]).toBe(`'=cmd|' /C calc'!A0 ${tag},,Gdańsk,,,,,0`);
    // A phone in international form starts with "+": a spreadsheet would read it as a formula (#NULL!), so it is text too.
    expect(lines[2]).toBe(`Hotel ${tag},${taxId},Sopot,ul. Morska 1,recepcja@hotel.example,'+48 58 000 00 00,Olga Serwis ${tag},4`);
    expect(lines).toHaveLength(4);
  });
});
