import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientContacts, clients } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import { addContactAction, createClientAction, removeContactAction, updateClientAction, updateContactAction } from "./actions";

const token = () => randomUUID().slice(0, 8);

async function clientsNamed(name: string) {
  const db = await testDb();
  return db.select().from(clients).where(eq(clients.name, name));
}

async function contactsOf(clientId: string) {
  const db = await testDb();
  return db.select().from(clientContacts).where(eq(clientContacts.clientId, clientId));
}

describe("createClientAction", () => {
  it("lets any user create a client, stored normalised", async () => {
    const db = await testDb();
    const member = await makeUser(db);
    const name = `Bistro ${token()}`;
    actAs(member.viewer);
    const r = await createClientAction({
      name,
      taxId: "PL 521-334-55-66",
      email: "biuro@bistro.example",
      phone: "+48 601 234 567",
      city: "Łódź",
      accountManagerId: member.id,
    });
    expect(r).toMatchObject({ ok: true });
    const [row] = await clientsNamed(name);
    expect(row).toMatchObject({ taxId: "PL5213345566", phone: "+48601234567", city: "Łódź", accountManagerId: member.id, address: null });
  });

  it("writes nothing for bad input, an unknown or inactive manager, a taken tax id or no session", async () => {
    const db = await testDb();
    const member = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const existing = await makeClient(db, { taxId: `99${Date.now()}`.slice(0, 10) });
    const name = `Nie zapisany ${token()}`;
    actAs(member.viewer);
    expect(await createClientAction({ name: "  ", email: "x" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["This field is required."], email: ["Enter a valid e-mail address."] },
    });
    expect(await createClientAction({ name, email: "not-an-email" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await createClientAction({ name, accountManagerId: randomUUID() })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { accountManagerId: [expect.any(String)] },
    });
    expect(await createClientAction({ name, accountManagerId: inactive.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await createClientAction({ name, taxId: existing.taxId })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { taxId: [expect.stringContaining("tax")] },
    });
    actAs(null);
    expect(await createClientAction({ name })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await clientsNamed(name)).toEqual([]);
  });
});

describe("updateClientAction", () => {
  it("lets the account manager, a manager and an admin edit the client", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const manager = await makeUser(db, { role: "manager" });
    const admin = await makeUser(db, { role: "admin" });
    const client = await makeClient(db, { accountManagerId: am.id });
    for (const [who, city] of [
      [am, "Kraków"],
      [manager, "Gdańsk"],
      [admin, "Opole"],
    ] as const) {
      actAs(who.viewer);
      expect(await updateClientAction({ id: client.id, name: client.name, city, accountManagerId: am.id })).toMatchObject({ ok: true });
      const [row] = await db.select().from(clients).where(eq(clients.id, client.id));
      expect(row?.city).toBe(city);
    }
  });

  it("refuses another user and bad input, leaving the row as it was", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const stranger = await makeUser(db);
    const client = await makeClient(db, { accountManagerId: am.id, city: "Poznań" });
    actAs(stranger.viewer);
    const refused = await updateClientAction({ id: client.id, name: "Przejęty", city: "Radom", accountManagerId: stranger.id });
    expect(refused).toMatchObject({ ok: false, code: "forbidden", error: expect.stringContaining("account manager") });
    actAs(am.viewer);
    expect(await updateClientAction({ id: client.id, name: "", email: "zły@" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateClientAction({ id: client.id, name: "X", accountManagerId: randomUUID() })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateClientAction({ id: randomUUID(), name: "X" })).toMatchObject({ ok: false, code: "not_found" });
    const [row] = await db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ name: client.name, city: "Poznań", accountManagerId: am.id, updatedAt: client.updatedAt });
  });

  it("keeps a manager who has since been deactivated while someone edits other fields", async () => {
    const db = await testDb();
    const gone = await makeUser(db, { active: false });
    const admin = await makeUser(db, { role: "admin" });
    const client = await makeClient(db, { accountManagerId: gone.id });
    actAs(admin.viewer);
    expect(await updateClientAction({ id: client.id, name: client.name, notes: "Nowy opiekun od maja", accountManagerId: gone.id })).toMatchObject({
      ok: true,
    });
  });
});

describe("contacts", () => {
  it("are added, edited and removed by whoever may edit the client", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const client = await makeClient(db, { accountManagerId: am.id });
    actAs(am.viewer);
    const added = await addContactAction({
      clientId: client.id,
      name: "Jolanta Bielecka",
      position: "Dyrektorka",
      email: "j.b@hotel.example",
      phone: "601 420 100",
    });
    expect(added).toMatchObject({ ok: true });
    const id = added.ok ? added.data.id : "";
    expect(await contactsOf(client.id)).toMatchObject([{ id, name: "Jolanta Bielecka", phone: "+48601420100" }]);
    expect(await updateContactAction({ id, name: "Jolanta Bielecka-Nowak", position: "Dyrektorka hotelu" })).toMatchObject({ ok: true });
    expect(await contactsOf(client.id)).toMatchObject([{ name: "Jolanta Bielecka-Nowak", email: null, phone: null }]);
    expect(await removeContactAction({ id })).toMatchObject({ ok: true });
    expect(await contactsOf(client.id)).toEqual([]);
  });

  it("refuse another user: nothing is added, changed or removed", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const stranger = await makeUser(db);
    const client = await makeClient(db, { accountManagerId: am.id });
    const [contact] = await db.insert(clientContacts).values({ clientId: client.id, name: "Rafał Sowa" }).returning();
    actAs(stranger.viewer);
    expect(await addContactAction({ clientId: client.id, name: "Intruz" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateContactAction({ id: contact!.id, name: "Zmieniony" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeContactAction({ id: contact!.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await contactsOf(client.id)).toEqual([contact]);
  });

  it("write nothing for bad input or unknown records", async () => {
    const db = await testDb();
    const am = await makeUser(db);
    const client = await makeClient(db, { accountManagerId: am.id });
    const [contact] = await db.insert(clientContacts).values({ clientId: client.id, name: "Henryk Kłosowski", email: "h@klos.example" }).returning();
    actAs(am.viewer);
    expect(await addContactAction({ clientId: client.id, name: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await addContactAction({ clientId: client.id, name: "Ktoś", email: "ktoś@" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(await addContactAction({ clientId: client.id, name: "Ktoś", phone: "12" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { phone: [expect.any(String)] },
    });
    expect(await addContactAction({ clientId: randomUUID(), name: "Ktoś" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateContactAction({ id: contact!.id, name: "Henryk", email: "bad" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateContactAction({ id: randomUUID(), name: "Henryk" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeContactAction({ id: randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
    expect(await contactsOf(client.id)).toEqual([contact]);
  });
});
