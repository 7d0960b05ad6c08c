import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/pickers/contacts/route";
import { clientContacts } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import type { PickerItem } from "./picker-item";

async function ask(path: string): Promise<{ status: number; items: PickerItem[] }> {
  const response = await GET(new Request(`http://localhost${path}`));
  return { status: response.status, items: response.status === 200 ? ((await response.json()) as { items: PickerItem[] }).items : [] };
}

describe("GET /api/pickers/contacts (the guest picker)", () => {
  it("offers the client's contacts that have an e-mail address, by name, filtered as one types", async () => {
    const db = await testDb();
    const viewer = await makeUser(db);
    const client = await makeClient(db);
    const other = await makeClient(db);
    const tag = randomUUID().slice(0, 6);
    await db.insert(clientContacts).values([
      { clientId: client.id, name: "Zofia Recepcja", email: `zofia.${tag}@hotel.example` },
      { clientId: client.id, name: "Adam Kuchnia", email: `adam.${tag}@hotel.example` },
      { clientId: client.id, name: "Bez Adresu", email: null },
      { clientId: client.id, name: "Pusty Adres", email: " " },
      { clientId: other.id, name: "Obcy Kontakt", email: `obcy.${tag}@other.example` },
    ]);

    actAs(viewer.viewer);
    const all = await ask(`/api/pickers/contacts?client=${client.id}`);
    expect(all.status).toBe(200);
    expect(all.items.map((i) => [i.label, i.detail])).toEqual([
      ["Adam Kuchnia", `adam.${tag}@hotel.example`],
      ["Zofia Recepcja", `zofia.${tag}@hotel.example`],
    ]);
    expect((await ask(`/api/pickers/contacts?client=${client.id}&q=recep`)).items.map((i) => i.label)).toEqual(["Zofia Recepcja"]);
    expect((await ask(`/api/pickers/contacts?client=${client.id}&q=${encodeURIComponent(`adam.${tag}`)}`)).items.map((i) => i.label)).toEqual(["Adam Kuchnia"]);
    // `%` is a character like any other, not a wildcard.
    expect((await ask(`/api/pickers/contacts?client=${client.id}&q=%25`)).items).toEqual([]);
  });

  it("refuses a signed-out visitor, and a request without a client or with a malformed one", async () => {
    const db = await testDb();
    const client = await makeClient(db);
    await db.insert(clientContacts).values({ clientId: client.id, name: "Jan Recepcja", email: "jan@hotel.example" });
    actAs(null);
    expect(await ask(`/api/pickers/contacts?client=${client.id}`)).toEqual({ status: 401, items: [] });
    actAs((await makeUser(db)).viewer);
    expect((await ask("/api/pickers/contacts")).status).toBe(400);
    expect((await ask("/api/pickers/contacts?client=1%27%20OR%201=1")).status).toBe(400);
    expect((await ask(`/api/pickers/contacts?client=${client.id}&q=${"x".repeat(101)}`)).status).toBe(400);
  });
});
