import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseActivity, cases, users } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { changeCaseStatusAction, createCaseAction, updateCaseAction } from "./actions";
import { caseHistory, getCase } from "./queries";

async function historyRows(caseId: string) {
  const db = await testDb();
  return db.select().from(caseActivity).where(eq(caseActivity.caseId, caseId)).orderBy(asc(caseActivity.id));
}

describe("case history", () => {
  it("records the opening, every changed field and every status change, each with who and when, in the change's transaction", async () => {
    const db = await testDb();
    const creator = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw" });
    const owner = await makeUser(db, { name: "Paweł Krawczyk" });
    const next = await makeUser(db, { name: "Łukasz Piotrowski" });
    const client = await makeClient(db, { name: "Hotel Wawel Residence sp. z o.o." });
    const other = await makeClient(db, { name: "Piekarnia Złoty Kłos" });
    actAs(creator.viewer);
    const created = await createCaseAction({ kind: "service_request", title: "Awaria", ownerId: owner.id, clientId: client.id, priority: "normal" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.data.id;
    const [row] = await db.select().from(cases).where(eq(cases.id, id));
    expect(await historyRows(id)).toMatchObject([
      { kind: "created", field: "ownerId", oldValue: null, newValue: owner.id, actorId: creator.id, createdAt: row!.createdAt },
    ]);

    const edit = {
      id,
      kind: "service_request" as const,
      title: "Awaria pieca",
      description: "Błąd czujnika",
      status: "in_progress" as const,
      priority: "urgent" as const,
      ownerId: next.id,
      clientId: other.id,
      dueAt: "2026-10-25T02:30",
    };
    expect(await updateCaseAction(edit)).toMatchObject({ ok: true });
    const [updated] = await db.select().from(cases).where(eq(cases.id, id));
    const afterEdit = await historyRows(id);
    expect(afterEdit.slice(1).map((r) => [r.kind, r.field, r.oldValue, r.newValue, r.actorId])).toEqual([
      ["changed", "title", "Awaria", "Awaria pieca", creator.id],
      ["changed", "clientId", client.id, other.id, creator.id],
      ["status", "status", "new", "in_progress", creator.id],
      ["changed", "priority", "normal", "urgent", creator.id],
      ["reassigned", "ownerId", owner.id, next.id, creator.id],
      // 02:30 on the night clocks go back in Warsaw: the first 02:30, 00:30Z.
      ["changed", "dueAt", null, "2026-10-25T00:30:00.000Z", creator.id],
      ["changed", "description", null, "Błąd czujnika", creator.id],
    ]);
    expect(afterEdit.slice(1).every((r) => r.createdAt.getTime() === updated!.updatedAt.getTime())).toBe(true);

    // Saving the form unchanged records nothing; a status move records just that.
    expect(await updateCaseAction(edit)).toMatchObject({ ok: true });
    expect(await historyRows(id)).toHaveLength(8);
    actAs(next.viewer);
    expect(await changeCaseStatusAction({ id, status: "resolved" })).toMatchObject({ ok: true });
    expect(await changeCaseStatusAction({ id, status: "resolved" })).toMatchObject({ ok: true });
    const all = await historyRows(id);
    expect(all).toHaveLength(9);
    expect(all[8]).toMatchObject({ kind: "status", field: "status", oldValue: "in_progress", newValue: "resolved", actorId: next.id });

    // The page reads it with names instead of ids.
    const entries = await caseHistory(db, owner.viewer, id);
    expect(entries?.map((e) => [e.kind, e.actor, e.oldValue, e.newValue])).toEqual([
      ["created", "Tomasz Nowak", null, "Paweł Krawczyk"],
      ["changed", "Tomasz Nowak", "Awaria", "Awaria pieca"],
      ["changed", "Tomasz Nowak", "Hotel Wawel Residence sp. z o.o.", "Piekarnia Złoty Kłos"],
      ["status", "Tomasz Nowak", "new", "in_progress"],
      ["changed", "Tomasz Nowak", "normal", "urgent"],
      ["reassigned", "Tomasz Nowak", "Paweł Krawczyk", "Łukasz Piotrowski"],
      ["changed", "Tomasz Nowak", null, "2026-10-25T00:30:00.000Z"],
      ["changed", "Tomasz Nowak", null, "Błąd czujnika"],
      ["status", "Łukasz Piotrowski", "in_progress", "resolved"],
    ]);
  });

  it("records nothing for a refused change", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, createdById: owner.id });
    actAs(stranger.viewer);
    const edit = {
      id: c.id,
      kind: c.kind,
      title: "Przejęte",
      description: null,
      status: c.status,
      priority: c.priority,
      ownerId: stranger.id,
      clientId: c.clientId,
      dueAt: "",
    };
    expect(await updateCaseAction(edit)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeCaseStatusAction({ id: c.id, status: "closed" })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(owner.viewer);
    expect(await updateCaseAction({ ...edit, ownerId: owner.id, dueAt: "2026-02-30T10:00" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await historyRows(c.id)).toEqual([]);
  });

  it("is shown to nobody who may not see the case: a viewer whose account was closed reads neither the case nor its history", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const leaver = await makeUser(db);
    const colleague = await makeUser(db);
    const client = await makeClient(db);
    actAs(owner.viewer);
    const created = await createCaseAction({ kind: "quote_request", title: "Oferta", ownerId: colleague.id, clientId: client.id });
    if (!created.ok) throw new Error("not created");
    // Every active person reads every case, and its history with it.
    expect(await caseHistory(db, colleague.viewer, created.data.id)).toHaveLength(1);
    expect(await caseHistory(db, leaver.viewer, created.data.id)).toHaveLength(1);
    await db.update(users).set({ active: false }).where(eq(users.id, leaver.id));
    expect(await caseHistory(db, leaver.viewer, created.data.id)).toBeNull();
    expect(await getCase(db, leaver.viewer, created.data.id, new Date())).toBeNull();
  });
});
