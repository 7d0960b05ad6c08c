import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clientContacts } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { casesOfClient, clientFilterOptions, getCase, getClient, listCases, listClients } from "./queries";
import { caseListFilters, clientListFilters } from "./schema";

const token = () => randomUUID().slice(0, 8);
const now = new Date("2026-03-29T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("listClients", () => {
  it("finds clients by name, tax id typed with separators, city and contact name", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const t = token();
    const hotel = await makeClient(db, {
      name: `Hotel ${t} Residence`,
      taxId: `67${t.replace(/\D/g, "").padEnd(8, "1").slice(0, 8)}`,
      city: `Miasto${t}`,
      accountManagerId: am.id,
    });
    const bakery = await makeClient(db, { name: `Piekarnia ${t}` });
    await db.insert(clientContacts).values({ clientId: bakery.id, name: `Henryk ${t}-Kłosowski` });
    await makeCase(db, { ownerId: am.id, clientId: hotel.id, status: "new" });
    await makeCase(db, { ownerId: am.id, clientId: hotel.id, status: "waiting" });
    await makeCase(db, { ownerId: am.id, clientId: hotel.id, status: "resolved" });

    const search = async (q: string, extra: Record<string, string> = {}) =>
      (await listClients(db, am.viewer, clientListFilters.parse({ q, ...extra }))).rows.map((r) => r.id);
    expect(await search(`hotel ${t}`)).toEqual([hotel.id]);
    const nip = hotel.taxId!;
    expect(await search(`${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6)}`)).toEqual([hotel.id]);
    expect(await search(`miasto${t}`)).toEqual([hotel.id]);
    expect(await search(`${t}-kłos`)).toEqual([bakery.id]);
    expect(await search(t)).toEqual([hotel.id, bakery.id]);
    expect(await search(t, { manager: am.id })).toEqual([hotel.id]);
    expect(await search(t, { city: `MIASTO${t}` })).toEqual([hotel.id]);
    expect(await search("100%_")).toEqual([]);

    const { rows } = await listClients(db, am.viewer, clientListFilters.parse({ q: `hotel ${t}` }));
    expect(rows[0]).toMatchObject({ accountManagerName: am.name, openCases: 2 });
    const options = await clientFilterOptions(db, am.viewer);
    expect(options.cities).toContain(`Miasto${t}`);
    expect(options.managers).toContainEqual({ id: am.id, name: am.name });
  });

  it("pages through results with the total", async () => {
    const db = await testDb();
    const viewer = (await makeUser(db)).viewer;
    const t = token();
    for (let i = 0; i < 3; i++) await makeClient(db, { name: `Stronicowanie ${t} ${i}` });
    const first = await listClients(db, viewer, clientListFilters.parse({ q: t }));
    expect(first.total).toBe(3);
    const beyond = await listClients(db, viewer, clientListFilters.parse({ q: t, page: "2" }));
    expect(beyond.rows).toEqual([]);
  });
});

describe("getClient", () => {
  it("returns details, contacts and the viewer's edit right", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const other = await makeUser(db);
    const client = await makeClient(db, { accountManagerId: am.id, city: "Kraków" });
    await db.insert(clientContacts).values([
      { clientId: client.id, name: "Rafał Sowa" },
      { clientId: client.id, name: "Jolanta Bielecka" },
    ]);
    const seenByAm = await getClient(db, am.viewer, client.id);
    expect(seenByAm).toMatchObject({ name: client.name, accountManagerName: am.name, canEdit: true });
    expect(seenByAm?.contacts.map((c) => c.name)).toEqual(["Jolanta Bielecka", "Rafał Sowa"]);
    expect((await getClient(db, other.viewer, client.id))?.canEdit).toBe(false);
    expect(await getClient(db, other.viewer, randomUUID())).toBeNull();
  });
});

describe("cases", () => {
  it("list open cases by due date, flag overdue ones and filter by owner, kind, priority, client and number", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const other = await makeUser(db);
    const client = await makeClient(db);
    const t = token();
    const late = await makeCase(db, { ownerId: me.id, clientId: client.id, title: `${t} late`, dueAt: at("2026-03-28T10:00:00Z"), priority: "urgent" });
    const soon = await makeCase(db, {
      ownerId: other.id,
      clientId: client.id,
      title: `${t} soon`,
      dueAt: at("2026-03-30T10:00:00Z"),
      kind: "sales_opportunity",
    });
    const undated = await makeCase(db, { ownerId: me.id, clientId: client.id, title: `${t} undated` });
    const done = await makeCase(db, { ownerId: me.id, clientId: client.id, title: `${t} done`, status: "resolved", dueAt: at("2026-03-01T10:00:00Z") });

    const list = async (params: Record<string, string>) => (await listCases(db, me.viewer, caseListFilters.parse({ q: t, ...params }), now)).rows;
    const open = await list({});
    expect(open.map((r) => r.id)).toEqual([late.id, soon.id, undated.id]);
    expect(open.map((r) => r.overdue)).toEqual([true, false, false]);
    const counted = await listCases(db, me.viewer, caseListFilters.parse({ q: t, status: "all" }), now);
    expect(counted).toMatchObject({ total: 4, overdueTotal: 1 });
    expect(open[0]).toMatchObject({ clientName: client.name, ownerName: me.name });
    expect((await list({ status: "all" })).map((r) => r.id)).toEqual([done.id, late.id, soon.id, undated.id]);
    expect((await list({ status: "all" }))[0]!.overdue).toBe(false);
    expect((await list({ owner: "mine" })).map((r) => r.id)).toEqual([late.id, undated.id]);
    expect((await list({ owner: other.id })).map((r) => r.id)).toEqual([soon.id]);
    expect((await list({ kind: "sales_opportunity" })).map((r) => r.id)).toEqual([soon.id]);
    expect((await list({ priority: "urgent" })).map((r) => r.id)).toEqual([late.id]);
    expect((await list({ status: "resolved", client: client.id })).map((r) => r.id)).toEqual([done.id]);
    const byNumber = await listCases(db, me.viewer, caseListFilters.parse({ q: `#${soon.number}`, status: "all" }), now);
    expect(byNumber.rows.map((r) => r.id)).toEqual([soon.id]);

    const ofClient = await casesOfClient(db, me.viewer, client.id, now);
    expect(ofClient.rows.map((r) => r.id)).toEqual([late.id, soon.id, undated.id, done.id]);
    expect(ofClient.more).toBe(false);
    expect(ofClient.openCount).toBe(3);
  });

  it("getCase tells who may edit", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const creator = await makeUser(db);
    const stranger = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, createdById: creator.id, description: "Opis" });
    expect(await getCase(db, owner.viewer, c.id, now)).toMatchObject({
      canEdit: true,
      ownerName: owner.name,
      createdByName: creator.name,
      clientName: client.name,
      ownerActive: true,
    });
    expect((await getCase(db, creator.viewer, c.id, now))?.canEdit).toBe(true);
    expect((await getCase(db, stranger.viewer, c.id, now))?.canEdit).toBe(false);
    expect(await getCase(db, stranger.viewer, randomUUID(), now)).toBeNull();
  });
});
