import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as casesGET } from "@/app/api/pickers/cases/route";
import { GET as clientsGET } from "@/app/api/pickers/clients/route";
import { GET as peopleGET } from "@/app/api/pickers/people/route";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import type { PickerItem } from "./picker-item";

type Handler = (request: Request) => Promise<Response>;

async function ask(handler: Handler, path: string): Promise<{ status: number; items: PickerItem[]; raw: string }> {
  const response = await handler(new Request(`http://localhost${path}`));
  const raw = await response.text();
  const body = response.status === 200 ? (JSON.parse(raw) as { items: PickerItem[] }) : { items: [] };
  return { status: response.status, items: body.items, raw };
}

const labels = (items: PickerItem[]) => items.map((i) => i.label).sort();

describe("GET /api/pickers/* (search as you type)", () => {
  it("refuses a signed-out visitor on every picker", async () => {
    actAs(null);
    expect((await ask(peopleGET, "/api/pickers/people?q=a")).status).toBe(401);
    expect((await ask(clientsGET, "/api/pickers/clients?q=a")).status).toBe(401);
    expect((await ask(casesGET, "/api/pickers/cases?q=a")).status).toBe(401);
  });

  it("finds active people by name or title, at most 20, and sends nothing but id, name and title", async () => {
    const db = await testDb();
    const tag = randomUUID().slice(0, 6);
    const viewer = await makeUser(db);
    const ada = await makeUser(db, { name: `Ada ${tag} Nowak`, title: "Serwisant" });
    await makeUser(db, { name: `Ewa ${tag} Gone`, active: false });
    const byTitle = await makeUser(db, { name: "Zenon Kowal", title: `Kierownik ${tag}` });
    for (let i = 0; i < 22; i++) await makeUser(db, { name: `Many ${tag} ${String(i).padStart(2, "0")}` });

    actAs(viewer.viewer);
    const found = await ask(peopleGET, `/api/pickers/people?q=${tag}`);
    expect(found.status).toBe(200);
    expect(found.items).toHaveLength(20);
    expect(found.items.map((i) => i.id)).toContain(ada.id);
    expect(found.raw).not.toContain("Gone");
    expect(found.raw).not.toContain("@test.example");
    expect(Object.keys(found.items[0]!).sort()).toEqual(["detail", "id", "label"]);

    const titled = await ask(peopleGET, `/api/pickers/people?q=${encodeURIComponent(`kierownik ${tag}`)}`);
    expect(titled.items).toEqual([{ id: byTitle.id, label: "Zenon Kowal", detail: `Kierownik ${tag}` }]);

    // A name starting with the text comes first.
    const first = await ask(peopleGET, `/api/pickers/people?q=${encodeURIComponent(`Ada ${tag}`)}`);
    expect(first.items[0]).toEqual({ id: ada.id, label: `Ada ${tag} Nowak`, detail: "Serwisant" });

    // Hand-over leaves out the current assignee.
    const without = await ask(peopleGET, `/api/pickers/people?q=${encodeURIComponent(`Ada ${tag}`)}&exclude=${ada.id}`);
    expect(without.items.map((i) => i.id)).not.toContain(ada.id);

    // Opening a picker before typing lists the first 20.
    const opened = await ask(peopleGET, "/api/pickers/people");
    expect(opened.status).toBe(200);
    expect(opened.items).toHaveLength(20);

    // `%` is a character like any other, not a wildcard.
    expect((await ask(peopleGET, `/api/pickers/people?q=${encodeURIComponent(`${tag}%`)}`)).items).toEqual([]);
  });

  it("offers a manager's team filter only the people under them, and a stranger none of them", async () => {
    const db = await testDb();
    const tag = randomUUID().slice(0, 6);
    const boss = await makeUser(db, { role: "manager", name: `Boss ${tag}` });
    const lead = await makeUser(db, { role: "manager", name: `Lead ${tag}`, supervisorId: boss.id });
    const worker = await makeUser(db, { name: `Worker ${tag}`, supervisorId: lead.id });
    const outsider = await makeUser(db, { name: `Outsider ${tag}` });

    actAs(boss.viewer);
    expect(labels((await ask(peopleGET, `/api/pickers/people?scope=team&q=${tag}`)).items)).toEqual([`Lead ${tag}`, `Worker ${tag}`]);

    actAs(lead.viewer);
    expect(labels((await ask(peopleGET, `/api/pickers/people?scope=team&q=${tag}`)).items)).toEqual([`Worker ${tag}`]);

    actAs(outsider.viewer);
    const none = await ask(peopleGET, `/api/pickers/people?scope=team&q=${tag}`);
    expect(none.status).toBe(200);
    expect(none.items).toEqual([]);
    expect(none.raw).not.toContain(worker.id);
  });

  it("lets only an administrator search people for a supervisor", async () => {
    const db = await testDb();
    const tag = randomUUID().slice(0, 6);
    const admin = await makeUser(db, { role: "admin" });
    const manager = await makeUser(db, { role: "manager" });
    await makeUser(db, { name: `Chief ${tag}` });

    actAs(manager.viewer);
    const refused = await ask(peopleGET, `/api/pickers/people?scope=supervisor&q=${tag}`);
    expect(refused.status).toBe(403);
    expect(refused.raw).not.toContain("Chief");

    actAs(admin.viewer);
    expect(labels((await ask(peopleGET, `/api/pickers/people?scope=supervisor&q=${tag}`)).items)).toEqual([`Chief ${tag}`]);
  });

  it("answers 400 to malformed parameters", async () => {
    const db = await testDb();
    actAs((await makeUser(db)).viewer);
    expect((await ask(peopleGET, "/api/pickers/people?scope=everyone")).status).toBe(400);
    expect((await ask(peopleGET, "/api/pickers/people?exclude=not-an-id")).status).toBe(400);
    expect((await ask(peopleGET, `/api/pickers/people?q=${"x".repeat(101)}`)).status).toBe(400);
    expect((await ask(casesGET, "/api/pickers/cases?client=nope")).status).toBe(400);
  });

  it("finds clients by name, city or tax id, at most 20", async () => {
    const db = await testDb();
    const tag = randomUUID().slice(0, 6);
    const viewer = await makeUser(db);
    const mill = await makeClient(db, { name: `Młyn ${tag}`, city: "Kalisz" });
    await makeClient(db, { name: "Piekarnia Bez Nazwy", city: `Miasto ${tag}` });
    for (let i = 0; i < 21; i++) await makeClient(db, { name: `Hurt ${tag} ${i}` });

    actAs(viewer.viewer);
    expect((await ask(clientsGET, "/api/pickers/clients")).items).toHaveLength(20);
    const all = await ask(clientsGET, `/api/pickers/clients?q=${tag}`);
    expect(all.items).toHaveLength(20);
    const mills = await ask(clientsGET, `/api/pickers/clients?q=${encodeURIComponent(`młyn ${tag}`)}`);
    expect(mills.items).toEqual([{ id: mill.id, label: `Młyn ${tag}`, detail: "Kalisz" }]);
    expect(labels((await ask(clientsGET, `/api/pickers/clients?q=${encodeURIComponent(`Miasto ${tag}`)}`)).items)).toEqual(["Piekarnia Bez Nazwy"]);
  });

  it("finds open cases by title or number, of one client when asked, with that client", async () => {
    const db = await testDb();
    // No digits: "#7" finds case 7 and titles containing "7", and the titles carry the tag.
    const tag = randomUUID()
      .replace(/[^a-f]/g, "x")
      .slice(0, 6);
    const viewer = await makeUser(db);
    const one = await makeClient(db, { name: `Jeden ${tag}` });
    const two = await makeClient(db, { name: `Dwa ${tag}` });
    const open = await makeCase(db, { ownerId: viewer.id, clientId: one.id, title: `Piec ${tag}` });
    await makeCase(db, { ownerId: viewer.id, clientId: one.id, title: `Zamknięta ${tag}`, status: "closed" });
    const other = await makeCase(db, { ownerId: viewer.id, clientId: two.id, title: `Zmywarka ${tag}` });

    actAs(viewer.viewer);
    const found = await ask(casesGET, `/api/pickers/cases?q=${tag}`);
    expect(labels(found.items)).toEqual([`#${open.number} Piec ${tag}`, `#${other.number} Zmywarka ${tag}`]);
    expect(found.items.find((i) => i.id === open.id)?.client).toEqual({ id: one.id, label: `Jeden ${tag}` });
    expect((await ask(casesGET, `/api/pickers/cases?q=${tag}&client=${two.id}`)).items.map((i) => i.id)).toEqual([other.id]);
    expect((await ask(casesGET, `/api/pickers/cases?q=%23${other.number}&client=${two.id}`)).items.map((i) => i.id)).toEqual([other.id]);
    expect((await ask(casesGET, `/api/pickers/cases?q=%23${other.number}&client=${one.id}`)).items).toEqual([]);
  });
});
