import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { changeCaseStatusAction, createCaseAction, updateCaseAction } from "./actions";

async function casesOfClient(clientId: string) {
  const db = await testDb();
  return db.select().from(cases).where(eq(cases.clientId, clientId));
}

async function caseRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

describe("createCaseAction", () => {
  it("stores the due time typed in the viewer's zone as the right instant, across DST", async () => {
    const db = await testDb();
    const warsaw = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const london = await makeUser(db, { timeZone: "Europe/London" });
    const client = await makeClient(db);
    actAs(warsaw.viewer);
    const winter = await createCaseAction({
      kind: "service_request",
      title: "Przed zmianą czasu",
      ownerId: warsaw.id,
      clientId: client.id,
      dueAt: "2026-03-28T09:30",
    });
    const summer = await createCaseAction({
      kind: "service_request",
      title: "Po zmianie czasu",
      ownerId: warsaw.id,
      clientId: client.id,
      dueAt: "2026-03-30T09:30",
    });
    actAs(london.viewer);
    const uk = await createCaseAction({ kind: "quote_request", title: "Quote", ownerId: london.id, clientId: client.id, dueAt: "2026-03-30T09:30" });
    expect([winter, summer, uk].every((r) => r.ok)).toBe(true);
    const byTitle = Object.fromEntries((await casesOfClient(client.id)).map((c) => [c.title, c]));
    expect(byTitle["Przed zmianą czasu"]!.dueAt?.toISOString()).toBe("2026-03-28T08:30:00.000Z");
    expect(byTitle["Po zmianie czasu"]!.dueAt?.toISOString()).toBe("2026-03-30T07:30:00.000Z");
    expect(byTitle["Quote"]!.dueAt?.toISOString()).toBe("2026-03-30T08:30:00.000Z");
    expect(byTitle["Quote"]).toMatchObject({ createdById: london.id, status: "new", priority: "normal", kind: "quote_request" });
  });

  it("returns the assignment when the case goes to someone else, and none for oneself", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const tech = await makeUser(db);
    const client = await makeClient(db);
    actAs(me.viewer);
    const mine = await createCaseAction({ kind: "sales_opportunity", title: "Moja szansa", ownerId: me.id, clientId: client.id, priority: "high" });
    const theirs = await createCaseAction({ kind: "service_request", title: "Awaria pieca", ownerId: tech.id, clientId: client.id, priority: "urgent" });
    expect(mine).toMatchObject({ ok: true, data: { assignment: null } });
    expect(theirs).toMatchObject({ ok: true, data: { assignment: { previousOwnerId: null, ownerId: tech.id, assignedById: me.id } } });
    if (theirs.ok) {
      expect((await caseRow(theirs.data.id)).number).toBe(theirs.data.number);
      expect(theirs.data.assignment?.caseId).toBe(theirs.data.id);
    }
  });

  it("writes nothing for a missing title, unknown client or owner, an inactive owner, an impossible date or no session", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const client = await makeClient(db);
    const valid = { kind: "service_request" as const, title: "Serwis", ownerId: me.id, clientId: client.id };
    actAs(me.viewer);
    expect(await createCaseAction({ ...valid, title: "  " })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: ["This field is required."] },
    });
    expect(await createCaseAction({ ...valid, clientId: randomUUID() })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { clientId: ["The chosen client does not exist."] },
    });
    expect(await createCaseAction({ ...valid, ownerId: randomUUID() })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await createCaseAction({ ...valid, ownerId: inactive.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await createCaseAction({ ...valid, dueAt: "2026-02-30T10:00" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: ["Enter a valid date."] },
    });
    expect(await createCaseAction({ ...valid, status: "won" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { status: [expect.any(String)] } });
    expect(await createCaseAction({ ...valid, kind: "complaint" as never })).toMatchObject({ ok: false, code: "invalid" });
    actAs(null);
    expect(await createCaseAction(valid)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await casesOfClient(client.id)).toEqual([]);
  });

  it("accepts a form submission", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const client = await makeClient(db);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      kind: "quote_request",
      title: "Z formularza",
      description: "",
      status: "new",
      priority: "low",
      ownerId: me.id,
      clientId: client.id,
      dueAt: "",
    }))
      form.set(k, v);
    actAs(me.viewer);
    expect(await createCaseAction(form)).toMatchObject({ ok: true });
    expect(await casesOfClient(client.id)).toMatchObject([{ title: "Z formularza", dueAt: null, description: null, priority: "low" }]);
  });
});

describe("updateCaseAction", () => {
  const fields = (c: typeof cases.$inferSelect) => ({
    id: c.id,
    kind: c.kind,
    title: c.title,
    description: c.description,
    status: c.status,
    priority: c.priority,
    ownerId: c.ownerId,
    clientId: c.clientId,
    dueAt: "",
  });

  it("lets the owner, the creator, a manager and an admin edit", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const creator = await makeUser(db);
    const manager = await makeUser(db, { role: "manager" });
    const admin = await makeUser(db, { role: "admin" });
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, createdById: creator.id });
    for (const who of [owner, creator, manager, admin]) {
      actAs(who.viewer);
      const title = `Zmienione przez ${who.name}`;
      expect(await updateCaseAction({ ...fields(c), title, status: "in_progress" })).toMatchObject({ ok: true, data: { assignment: null } });
      expect((await caseRow(c.id)).title).toBe(title);
    }
  });

  it("refuses a user who is neither owner, creator, manager nor admin, changing nothing", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, createdById: owner.id });
    actAs(stranger.viewer);
    expect(await updateCaseAction({ ...fields(c), title: "Przejęte", ownerId: stranger.id })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "Only the case owner, its creator, a manager or an administrator can change this case.",
    });
    expect(await changeCaseStatusAction({ id: c.id, status: "closed" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await caseRow(c.id)).toEqual(c);
  });

  it("hands the case over: the result names the previous and the new owner", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const next = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id });
    actAs(owner.viewer);
    expect(await updateCaseAction({ ...fields(c), ownerId: next.id, dueAt: "2026-10-25T02:30" })).toMatchObject({
      ok: true,
      data: { assignment: { caseId: c.id, previousOwnerId: owner.id, ownerId: next.id, assignedById: owner.id } },
    });
    expect(await caseRow(c.id)).toMatchObject({ ownerId: next.id, dueAt: new Date("2026-10-25T00:30:00Z") });
  });

  it("writes nothing for bad input, an unknown or inactive new owner, an unknown client or case", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, createdById: owner.id });
    actAs(owner.viewer);
    expect(await updateCaseAction({ ...fields(c), title: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateCaseAction({ ...fields(c), dueAt: "2026-04-31T12:00" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: [expect.any(String)] },
    });
    expect(await updateCaseAction({ ...fields(c), ownerId: inactive.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await updateCaseAction({ ...fields(c), ownerId: randomUUID() })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateCaseAction({ ...fields(c), clientId: randomUUID() })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { clientId: [expect.any(String)] },
    });
    expect(await updateCaseAction({ ...fields(c), id: randomUUID() })).toMatchObject({ ok: false, code: "not_found", error: "Case not found." });
    expect(await changeCaseStatusAction({ id: c.id, status: "won" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await changeCaseStatusAction({ id: c.id, status: "bogus" as never })).toMatchObject({ ok: false, code: "invalid" });
    expect(await caseRow(c.id)).toEqual(c);
  });

  it("keeps an owner who has since been deactivated when other fields change", async () => {
    const db = await testDb();
    const gone = await makeUser(db, { active: false });
    const manager = await makeUser(db, { role: "manager" });
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: gone.id, clientId: client.id });
    actAs(manager.viewer);
    expect(await updateCaseAction({ ...fields(c), priority: "urgent" })).toMatchObject({ ok: true });
    expect((await caseRow(c.id)).priority).toBe("urgent");
  });
});

describe("changeCaseStatusAction", () => {
  it("lets the owner move the case to an outcome that fits its kind", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, kind: "service_request" });
    actAs(owner.viewer);
    expect(await changeCaseStatusAction({ id: c.id, status: "resolved" })).toMatchObject({ ok: true });
    expect((await caseRow(c.id)).status).toBe("resolved");
  });
});
