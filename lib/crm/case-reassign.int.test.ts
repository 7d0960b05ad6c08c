import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseActivity, caseAssignRights, cases, notifications } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeDepartment, makeUser } from "@/lib/testing/factories";
import { grantCaseAssignRightAction, reassignCaseAction, revokeCaseAssignRightAction } from "./actions";
import { getCase } from "./queries";

async function caseRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

async function noticesAbout(caseId: string, recipientIds: string[]) {
  const db = await testDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.recipientId, recipientIds), eq(notifications.link, `/cases/${caseId}`)));
  return rows.sort((a, b) => a.kind.localeCompare(b.kind));
}

async function rightsOf(userId: string) {
  const db = await testDb();
  return db.select().from(caseAssignRights).where(eq(caseAssignRights.userId, userId));
}

describe("case assignment rights", () => {
  it("are given and taken back by an administrator only", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const manager = await makeUser(db, { role: "manager" });
    const dispatcher = await makeUser(db);
    const department = await makeDepartment(db);

    actAs(manager.viewer);
    expect(await grantCaseAssignRightAction({ userId: dispatcher.id, scope: "kind:service_request" })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(dispatcher.viewer);
    expect(await grantCaseAssignRightAction({ userId: dispatcher.id, scope: "kind:service_request" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rightsOf(dispatcher.id)).toEqual([]);

    actAs(admin.viewer);
    const byKind = await grantCaseAssignRightAction({ userId: dispatcher.id, scope: "kind:service_request" });
    const byDepartment = await grantCaseAssignRightAction({ userId: dispatcher.id, scope: `department:${department.id}` });
    expect(byKind).toMatchObject({ ok: true });
    expect(byDepartment).toMatchObject({ ok: true });
    expect(await grantCaseAssignRightAction({ userId: dispatcher.id, scope: "kind:service_request" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { scope: ["This person already has this right."] },
    });
    for (const scope of ["kind:complaint", "department:nope", `department:${randomUUID()}`, "service_request", ""]) {
      expect(await grantCaseAssignRightAction({ userId: dispatcher.id, scope }), scope).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await grantCaseAssignRightAction({ userId: randomUUID(), scope: "kind:quote_request" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await rightsOf(dispatcher.id)).map((r) => [r.kind, r.departmentId, r.grantedById]).sort()).toEqual(
      [
        ["service_request", null, admin.id],
        [null, department.id, admin.id],
      ].sort(),
    );

    if (!byKind.ok) return;
    actAs(manager.viewer);
    expect(await revokeCaseAssignRightAction({ id: byKind.data.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rightsOf(dispatcher.id)).toHaveLength(2);
    actAs(admin.viewer);
    expect(await revokeCaseAssignRightAction({ id: byKind.data.id })).toMatchObject({ ok: true });
    expect(await revokeCaseAssignRightAction({ id: byKind.data.id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await rightsOf(dispatcher.id)).map((r) => r.departmentId)).toEqual([department.id]);
  });
});

describe("reassignCaseAction", () => {
  it("lets a dispatcher with the right for service requests hand one over; both owners hear of it, she does not", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const dispatcher = await makeUser(db, { name: "Joanna Kozłowska" });
    const tech1 = await makeUser(db, { name: "Paweł Krawczyk", locale: "pl" });
    const tech2 = await makeUser(db, { name: "Oliver Schmidt", locale: "en", timeZone: "Europe/Berlin" });
    const client = await makeClient(db, { name: "Hotel Wawel Residence sp. z o.o." });
    const c = await makeCase(db, { ownerId: tech1.id, clientId: client.id, kind: "service_request", title: "Awaria pieca", priority: "high" });
    const sale = await makeCase(db, { ownerId: tech1.id, clientId: client.id, kind: "sales_opportunity" });

    actAs(dispatcher.viewer);
    expect(await reassignCaseAction({ id: c.id, ownerId: tech2.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await getCase(db, dispatcher.viewer, c.id, new Date()))?.canReassign).toBe(false);

    actAs(admin.viewer);
    expect(await grantCaseAssignRightAction({ userId: dispatcher.id, scope: "kind:service_request" })).toMatchObject({ ok: true });

    actAs(dispatcher.viewer);
    expect((await getCase(db, dispatcher.viewer, c.id, new Date()))?.canReassign).toBe(true);
    expect(await reassignCaseAction({ id: c.id, ownerId: tech2.id })).toMatchObject({
      ok: true,
      data: { assignment: { caseId: c.id, previousOwnerId: tech1.id, ownerId: tech2.id, assignedById: dispatcher.id } },
    });
    expect(await caseRow(c.id)).toMatchObject({ ownerId: tech2.id, title: "Awaria pieca", status: c.status });

    const rows = await noticesAbout(c.id, [tech1.id, tech2.id, dispatcher.id]);
    expect(rows.map((r) => [r.kind, r.recipientId, r.actorId])).toEqual([
      ["case.assigned", tech2.id, dispatcher.id],
      ["case.unassigned", tech1.id, dispatcher.id],
    ]);
    expect(rows[0]!.title).toBe(`Case #${c.number} handed over to you: Awaria pieca`);
    expect(rows[0]!.payload).toMatchObject({ previous: "Paweł Krawczyk", actor: "Joanna Kozłowska", client: "Hotel Wawel Residence sp. z o.o." });
    expect(rows[1]!.title).toBe(`Sprawę #${c.number} przejmuje Oliver Schmidt`);
    expect(rows.every((r) => !/\.\.(?!\.)/.test(`${r.title}\n${r.body}`))).toBe(true);

    const history = await db.select().from(caseActivity).where(eq(caseActivity.caseId, c.id));
    expect(history).toMatchObject([{ kind: "reassigned", field: "ownerId", oldValue: tech1.id, newValue: tech2.id, actorId: dispatcher.id }]);

    // The right covers service requests only.
    expect(await reassignCaseAction({ id: sale.id, ownerId: tech2.id })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: expect.stringContaining("a person who may assign these cases"),
    });
    expect(await caseRow(sale.id)).toEqual(sale);
  });

  it("refuses a member without the right, changing and telling nothing", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const member = await makeUser(db);
    const other = await makeUser(db);
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id, kind: "service_request" });
    actAs(member.viewer);
    expect(await reassignCaseAction({ id: c.id, ownerId: other.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await reassignCaseAction({ id: c.id, ownerId: member.id })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(null);
    expect(await reassignCaseAction({ id: c.id, ownerId: other.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await caseRow(c.id)).toEqual(c);
    expect(await noticesAbout(c.id, [owner.id, member.id, other.id])).toEqual([]);
    expect(await db.select().from(caseActivity).where(eq(caseActivity.caseId, c.id))).toEqual([]);
  });

  it("covers the cases owned by the people of a department with a department right", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const service = await makeDepartment(db);
    const sales = await makeDepartment(db);
    const head = await makeUser(db);
    const tech = await makeUser(db, { departmentId: service.id });
    const seller = await makeUser(db, { departmentId: sales.id });
    const client = await makeClient(db);
    const ownedInService = await makeCase(db, { ownerId: tech.id, clientId: client.id, kind: "quote_request" });
    const ownedInSales = await makeCase(db, { ownerId: seller.id, clientId: client.id, kind: "quote_request" });
    actAs(admin.viewer);
    expect(await grantCaseAssignRightAction({ userId: head.id, scope: `department:${service.id}` })).toMatchObject({ ok: true });
    actAs(head.viewer);
    expect(await reassignCaseAction({ id: ownedInSales.id, ownerId: tech.id })).toMatchObject({ ok: false, code: "forbidden" });
    // Handed to anyone active, even outside the department.
    expect(await reassignCaseAction({ id: ownedInService.id, ownerId: seller.id })).toMatchObject({ ok: true });
    expect((await caseRow(ownedInService.id)).ownerId).toBe(seller.id);
    // Once its owner is in Sales, the Service right no longer covers it.
    expect(await reassignCaseAction({ id: ownedInService.id, ownerId: tech.id })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("tells only the other person when an owner hands a case on, or someone takes one over themselves", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const next = await makeUser(db);
    const manager = await makeUser(db, { role: "manager" });
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: owner.id, clientId: client.id });
    actAs(owner.viewer);
    expect(await reassignCaseAction({ id: c.id, ownerId: next.id })).toMatchObject({ ok: true });
    expect((await noticesAbout(c.id, [owner.id, next.id])).map((r) => [r.kind, r.recipientId])).toEqual([["case.assigned", next.id]]);

    actAs(manager.viewer);
    expect(await reassignCaseAction({ id: c.id, ownerId: manager.id })).toMatchObject({ ok: true });
    const rows = await noticesAbout(c.id, [owner.id, next.id, manager.id]);
    expect(rows.map((r) => [r.kind, r.recipientId])).toEqual([
      ["case.assigned", next.id],
      ["case.unassigned", next.id],
    ]);
  });

  it("does not tell a deactivated previous owner, and refuses the same, an unknown or an inactive owner", async () => {
    const db = await testDb();
    const gone = await makeUser(db, { active: false });
    const manager = await makeUser(db, { role: "manager" });
    const next = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const client = await makeClient(db);
    const c = await makeCase(db, { ownerId: gone.id, clientId: client.id });
    actAs(manager.viewer);
    expect(await reassignCaseAction({ id: c.id, ownerId: gone.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: ["This person already owns the case."] },
    });
    expect(await reassignCaseAction({ id: c.id, ownerId: inactive.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await reassignCaseAction({ id: c.id, ownerId: randomUUID() })).toMatchObject({ ok: false, code: "invalid" });
    expect(await reassignCaseAction({ id: randomUUID(), ownerId: next.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await reassignCaseAction({ id: c.id, ownerId: "x" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await caseRow(c.id)).toEqual(c);
    expect(await reassignCaseAction({ id: c.id, ownerId: next.id })).toMatchObject({ ok: true });
    expect((await noticesAbout(c.id, [gone.id, next.id])).map((r) => [r.kind, r.recipientId])).toEqual([["case.assigned", next.id]]);
  });
});
