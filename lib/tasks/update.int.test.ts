import { eq, sql } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it, vi } from "vitest";
import { taskReminders, tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { createTaskAction, reassignTaskAction, updateTaskAction } from "./actions";
import { createTask } from "./commands";
import { taskHistory } from "./queries";
import { footprint, globalFootprint, historyOf, makeTaskOrg, noticesOf, TASK_INPUT } from "@/lib/testing/task-org";

const base = TASK_INPUT;

describe("editing a task", () => {
  it("records every changed field with old and new values, once, and bumps the version once", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db, { name: "Hotel Testowy" });
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    actAs(org.lead.viewer);
    const r = await updateTaskAction({
      taskId: id,
      expectedVersion: 1,
      title: "Przegląd zmywarki tunelowej",
      priority: "urgent",
      dueAt: "2026-10-25T09:00",
      clientId: client.id,
      description: null, // unchanged: no history row
      reminders: [{ type: "before", offsetMinutes: 30 }],
    });
    expect(r).toMatchObject({ ok: true, data: { version: 2 } });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ title: "Przegląd zmywarki tunelowej", priority: "urgent", clientId: client.id, version: 2 });
    expect(row!.dueAt!.toISOString()).toBe("2026-10-25T08:00:00.000Z"); // Warsaw is back on CET that morning
    const changes = (await historyOf(db, id)).filter((h) => h.kind === "changed").map((h) => [h.field, h.oldValue, h.newValue]);
    expect(changes).toEqual([
      ["title", "Przegląd zmywarki", "Przegląd zmywarki tunelowej"],
      ["priority", "normal", "urgent"],
      ["dueAt", null, "2026-10-25T08:00:00.000Z"],
      ["clientId", null, client.id],
      ["reminders", "", "30m"],
    ]);
    // The page shows names, never ids.
    const shown = await taskHistory(db, org.tech.viewer, id);
    expect(shown.find((h) => h.field === "clientId")).toMatchObject({ newValue: "Hotel Testowy", actor: "Brygadzista" });
    // Sending the same values again changes nothing.
    expect(await updateTaskAction({ taskId: id, title: "Przegląd zmywarki tunelowej", priority: "urgent" })).toMatchObject({ ok: true, data: { version: 2 } });
  });

  it("refuses an edit made on an older version", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    actAs(org.lead.viewer);
    await updateTaskAction({ taskId: id, title: "Pierwsza zmiana" });
    const before = await footprint(db, id);
    expect(await updateTaskAction({ taskId: id, expectedVersion: 1, title: "Druga zmiana" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await footprint(db, id)).toEqual(before);
  });

  it("lets the assignee set reminders but not details; refuses strangers; writes nothing when refused", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id, dueAt: "2026-06-01T12:00" });
    const before = await footprint(db, id);
    actAs(org.tech.viewer);
    expect(await updateTaskAction({ taskId: id, title: "Inny tytuł" })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "Only the delegator or an administrator can change what the task says.",
    });
    actAs(org.manager.viewer);
    expect(await updateTaskAction({ taskId: id, priority: "urgent" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateTaskAction({ taskId: id, reminders: [{ type: "before", offsetMinutes: 15 }] })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(org.stranger.viewer);
    expect(await updateTaskAction({ taskId: id, title: "Hack" })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "You do not have access to this task.",
    });
    expect(await footprint(db, id)).toEqual(before);

    actAs(org.tech.viewer);
    expect(await updateTaskAction({ taskId: id, reminders: [{ type: "before", offsetMinutes: 15 }] })).toMatchObject({ ok: true });
    expect(await db.select({ m: taskReminders.offsetMinutes }).from(taskReminders).where(eq(taskReminders.taskId, id))).toEqual([{ m: 15 }]);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const clientA = await makeClient(db);
    const clientB = await makeClient(db);
    const caseOfB = await makeCase(db, { ownerId: org.lead.id, clientId: clientB.id });
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id, clientId: clientA.id });
    const inactive = await makeUser(db, { active: false });
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ title: "" }, "title"],
      [{ dueAt: "2026-02-29T10:00" }, "dueAt"],
      [{ caseId: caseOfB.id }, "caseId"],
      [{ assigneeId: inactive.id }, "assigneeId"],
      [{ assigneeId: "7b0b6c1e-1111-4c5e-9a3f-000000000000" }, "assigneeId"],
    ];
    for (const [patch, field] of bad) {
      const r = await updateTaskAction({ taskId: id, ...patch });
      expect(r, JSON.stringify(patch)).toMatchObject({ ok: false, code: "invalid" });
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}), JSON.stringify(patch)).toEqual([field]);
    }
    expect(await footprint(db, id)).toEqual(before);
  });
});

describe("reassignment", () => {
  it("is open to the delegator, the assignee's managers and admins; each move is recorded and notified", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });

    actAs(org.manager.viewer); // two levels above the assignee
    expect(await reassignTaskAction({ taskId: id, assigneeId: org.tech2.id, comment: "Paweł jest na urlopie" })).toMatchObject({ ok: true });
    actAs(org.admin.viewer);
    expect(await reassignTaskAction({ taskId: id, assigneeId: org.tech.id })).toMatchObject({ ok: true });
    actAs(org.lead.viewer);
    expect(await updateTaskAction({ taskId: id, assigneeId: org.tech2.id })).toMatchObject({ ok: true });

    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ assigneeId: org.tech2.id, createdById: org.lead.id, version: 4 });
    const moves = (await historyOf(db, id)).filter((h) => h.kind === "reassigned");
    expect(moves.map((m) => [m.actorId, m.oldValue, m.newValue, m.comment])).toEqual([
      [org.manager.id, org.tech.id, org.tech2.id, "Paweł jest na urlopie"],
      [org.admin.id, org.tech2.id, org.tech.id, null],
      [org.lead.id, org.tech.id, org.tech2.id, null],
    ]);
    const notices = (await noticesOf(db, id)).map((n) => `${n.kind}:${n.recipientId}:v${(n.payload as { version: number }).version}`);
    expect(notices.sort()).toEqual(
      [
        `task.assigned:${org.tech.id}:v1`,
        `task.assigned:${org.tech2.id}:v2`,
        `task.unassigned:${org.tech.id}:v2`,
        `task.reassigned:${org.lead.id}:v2`,
        `task.assigned:${org.tech.id}:v3`,
        `task.unassigned:${org.tech2.id}:v3`,
        `task.reassigned:${org.lead.id}:v3`,
        `task.assigned:${org.tech2.id}:v4`,
        `task.unassigned:${org.tech.id}:v4`,
      ].sort(),
    );
  });

  it("is refused to the assignee, a colleague and a stranger, writing nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    const before = await footprint(db, id);
    for (const who of [org.tech, org.tech2, org.stranger]) {
      actAs(who.viewer);
      expect(await reassignTaskAction({ taskId: id, assigneeId: org.stranger.id }), who.name).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses the current assignee with a clear field error, writing nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    expect(await reassignTaskAction({ taskId: id, assigneeId: org.tech.id, comment: "Jeszcze raz" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { assigneeId: ["The task is already assigned to this person. Choose someone else."] },
    });
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses an inactive or unknown person and a closed task", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const inactive = await makeUser(db, { active: false });
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    expect(await reassignTaskAction({ taskId: id, assigneeId: inactive.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { assigneeId: ["Choose an active user."] },
    });
    expect(await reassignTaskAction({ taskId: id, assigneeId: "x" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { assigneeId: ["Choose an active user."] },
    });
    expect(await footprint(db, id)).toEqual(before);
    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, id));
    expect(await reassignTaskAction({ taskId: id, assigneeId: org.tech2.id })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("notices share the transaction of their change", () => {
  it("rolls the task back when its notice cannot be written", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    // A trigger refuses notices for this one recipient: the whole create must fail with it.
    const fn = `refuse_${org.tech.id.replace(/-/g, "")}`;
    await db.execute(
      sql.raw(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.recipient_id = '${org.tech.id}' THEN RAISE EXCEPTION 'outbox down'; END IF; RETURN NEW; END $$`),
    );
    await db.execute(sql.raw(`CREATE TRIGGER ${fn} BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION ${fn}()`));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = await globalFootprint(db, org.lead.id);
      actAs(org.lead.viewer);
      const r = await createTaskAction({ title: "Nie powinno powstać", assigneeId: org.tech.id });
      expect(r).toMatchObject({ ok: false, code: "internal" });
      expect(await globalFootprint(db, org.lead.id)).toEqual(before);

      const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech2.id });
      const moved = await footprint(db, id);
      expect(await reassignTaskAction({ taskId: id, assigneeId: org.tech.id })).toMatchObject({ ok: false, code: "internal" });
      expect(await footprint(db, id)).toEqual(moved);
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
      await db.execute(sql.raw(`DROP TRIGGER ${fn} ON notifications`));
      await db.execute(sql.raw(`DROP FUNCTION ${fn}()`));
    }
  });
});
