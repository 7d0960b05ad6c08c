import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { notifications, taskActivity, tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform } from "@/lib/testing/perform";
import { footprint, makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { bulkCancelAction, bulkDueAction, bulkPriorityAction, bulkReassignAction } from "./bulk-actions";
import { createTask } from "./commands";
import { watchTask } from "./watch";
import { changeStatus } from "./workflow";

/** lead delegates three tasks to tech; tech2 is tech's colleague under lead. */
async function three() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const ids: string[] = [];
  for (const title of ["Przegląd pieca", "Wymiana uszczelki", "Kalibracja wagi"]) {
    ids.push((await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, title, assigneeId: org.tech.id })).id);
  }
  return { db, org, ids };
}

async function footprints(db: Db, ids: string[]) {
  return Promise.all(ids.map((id) => footprint(db, id)));
}

/** The notices written since `before` (the ids there were): the worker's database holds other files' notices too, some dated in the future. */
async function noticesSince(db: Db, before: Set<string>) {
  const rows = await db.select().from(notifications);
  return rows.filter((n) => !before.has(n.id));
}

async function newest(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ id: notifications.id }).from(notifications)).map((r) => r.id));
}

describe("bulk reassign", () => {
  it("hands every task over in one go, with history per task and one notice per recipient listing the tasks", async () => {
    const { db, org, ids } = await three();
    const before = await newest(db);
    actAs(org.manager.viewer);
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: org.tech2.id, comment: "Urlop" })).toEqual({ ok: true, data: { changed: 3 } });

    const rows = await db.select().from(tasks).where(inArray(tasks.id, ids));
    expect(rows.map((r) => r.assigneeId)).toEqual([org.tech2.id, org.tech2.id, org.tech2.id]);
    for (const id of ids) {
      const history = await db.select().from(taskActivity).where(eq(taskActivity.taskId, id));
      expect(history.filter((h) => h.kind === "reassigned")).toMatchObject([
        { oldValue: org.tech.id, newValue: org.tech2.id, actorId: org.manager.id, comment: "Urlop" },
      ]);
    }

    // tech2 (assigned), tech (handed over) and lead (the delegator, since someone else moved their tasks): one notice each.
    const sent = await noticesSince(db, before);
    expect(sent.map((n) => [n.recipientId, n.kind]).sort()).toEqual(
      [
        [org.tech2.id, "task.batch"],
        [org.tech.id, "task.batch"],
        [org.lead.id, "task.batch"],
      ].sort(),
    );
    const toTech2 = sent.find((n) => n.recipientId === org.tech2.id)!;
    expect(toTech2.title).toBe("Kierownik zmienia 3 Twoich zadań");
    const numbers = rows.map((r) => r.number).sort((a, b) => a - b);
    expect(toTech2.body).toContain(`#${numbers[0]} Przegląd pieca: przypisane do Ciebie`);
    expect(toTech2.body).toContain(`#${numbers[2]} Kalibracja wagi`);
    // tech reads English.
    const toTech = sent.find((n) => n.recipientId === org.tech.id)!;
    expect(toTech.title).toBe("Kierownik changed 3 of your tasks");
    expect(toTech.body).toContain("handed over to Serwisant Drugi");
  });

  it("sends a recipient concerned by one task the task's own notice", async () => {
    const { db, org, ids } = await three();
    const before = await newest(db);
    actAs(org.lead.viewer);
    expect(await bulkReassignAction({ taskIds: [ids[0]!], assigneeId: org.tech2.id })).toMatchObject({ ok: true });
    const sent = await noticesSince(db, before);
    expect(sent.map((n) => [n.recipientId, n.kind]).sort()).toEqual(
      [
        [org.tech2.id, "task.assigned"],
        [org.tech.id, "task.unassigned"],
      ].sort(),
    );
    // A task already with that person is left as it is.
    expect(await bulkReassignAction({ taskIds: ids.slice(0, 2), assigneeId: org.tech2.id })).toEqual({ ok: true, data: { changed: 1 } });
    const [first] = await db.select().from(tasks).where(eq(tasks.id, ids[0]!));
    expect(first!.version).toBe(2);
  });

  it("refuses the whole lot when one task refuses, names it, and changes nothing", async () => {
    const { db, org, ids } = await three();
    // tech finishes the second task: it is closed and cannot be handed over.
    await perform(db, org.tech.viewer, changeStatus, { taskId: ids[1]!, status: "done" });
    const [closed] = await db.select().from(tasks).where(eq(tasks.id, ids[1]!));
    const before = await footprints(db, ids);
    actAs(org.lead.viewer);
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: org.tech2.id })).toEqual({
      ok: false,
      code: "conflict",
      error: `Task #${closed!.number} “Wymiana uszczelki” cannot be changed: The task is already closed (done or cancelled). Nothing was changed.`,
    });
    expect(await footprints(db, ids)).toEqual(before);
  });

  it("refuses a second user who may not see the tasks, and one who may see but not move them", async () => {
    const { db, org, ids } = await three();
    const before = await footprints(db, ids);
    actAs(org.stranger.viewer);
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: org.stranger.id })).toMatchObject({ ok: false, code: "not_found" });
    // The assignee sees the tasks but may not hand them over.
    actAs(org.tech.viewer);
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: org.tech2.id })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: expect.stringContaining("Only the delegator, the assignee's managers and administrators can hand a task over."),
    });
    actAs(null);
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: org.tech2.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await footprints(db, ids)).toEqual(before);
  });

  it("answers bad input clearly and changes nothing", async () => {
    const { db, org, ids } = await three();
    const before = await footprints(db, ids);
    actAs(org.lead.viewer);
    expect(await bulkReassignAction({ taskIds: [], assigneeId: org.tech2.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { taskIds: ["Select at least one task."] },
    });
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: "nobody" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await bulkReassignAction({ taskIds: ids, assigneeId: "6f1d1c7e-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await bulkReassignAction({ taskIds: [...ids, "6f1d1c7e-0000-4000-8000-000000000000"], assigneeId: org.tech2.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await bulkReassignAction({ taskIds: Array.from({ length: 51 }, () => ids[0]!), assigneeId: org.tech2.id })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { taskIds: ["Select at most 50 tasks at once (one page of the list)."] },
    });
    expect(await footprints(db, ids)).toEqual(before);
  });
});

describe("bulk priority, due date and cancel", () => {
  it("changes the priority of every task with a history row each, and refuses a second user", async () => {
    const { db, org, ids } = await three();
    actAs(org.tech.viewer);
    const before = await footprints(db, ids);
    expect(await bulkPriorityAction({ taskIds: ids, priority: "urgent" })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(org.stranger.viewer);
    expect(await bulkPriorityAction({ taskIds: ids, priority: "urgent" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await footprints(db, ids)).toEqual(before);

    actAs(org.lead.viewer);
    expect(await bulkPriorityAction({ taskIds: ids, priority: "urgent" })).toEqual({ ok: true, data: { changed: 3 } });
    const rows = await db.select().from(tasks).where(inArray(tasks.id, ids));
    expect(rows.every((r) => r.priority === "urgent")).toBe(true);
    const history = await db.select().from(taskActivity).where(inArray(taskActivity.taskId, ids));
    expect(history.filter((h) => h.field === "priority").map((h) => [h.oldValue, h.newValue])).toEqual([
      ["normal", "urgent"],
      ["normal", "urgent"],
      ["normal", "urgent"],
    ]);
  });

  it("sets the due date in the viewer's zone and clears it, and refuses a second user", async () => {
    const { db, org, ids } = await three();
    actAs(org.tech2.viewer);
    expect(await bulkDueAction({ taskIds: ids, dueAt: "2030-03-04T09:00" })).toMatchObject({ ok: false, code: "not_found" });
    actAs(org.lead.viewer);
    expect(await bulkDueAction({ taskIds: ids, dueAt: "yesterday" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await bulkDueAction({ taskIds: ids, dueAt: "2030-03-04T09:00" })).toMatchObject({ ok: true, data: { changed: 3 } });
    // Warsaw in March is UTC+1.
    let rows = await db.select().from(tasks).where(inArray(tasks.id, ids));
    expect(rows.map((r) => r.dueAt?.toISOString())).toEqual(Array(3).fill("2030-03-04T08:00:00.000Z"));
    expect(await bulkDueAction({ taskIds: ids, dueAt: "" })).toMatchObject({ ok: true });
    rows = await db.select().from(tasks).where(inArray(tasks.id, ids));
    expect(rows.map((r) => r.dueAt)).toEqual([null, null, null]);
  });

  it("cancels every task, tells the assignee once, and rolls back as a whole on a closed task", async () => {
    const { db, org, ids } = await three();
    await perform(db, org.tech.viewer, changeStatus, { taskId: ids[2]!, status: "done" });
    const before = await footprints(db, ids);
    actAs(org.manager.viewer);
    // The manager above the assignee may hand tasks over, but cancelling is the delegator's.
    expect(await bulkCancelAction({ taskIds: ids.slice(0, 2) })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(org.lead.viewer);
    expect(await bulkCancelAction({ taskIds: ids })).toMatchObject({ ok: false, code: "conflict", error: expect.stringContaining("Nothing was changed.") });
    expect(await footprints(db, ids)).toEqual(before);

    const since = await newest(db);
    expect(await bulkCancelAction({ taskIds: ids.slice(0, 2), comment: "Klient zrezygnował" })).toEqual({ ok: true, data: { changed: 2 } });
    const rows = await db
      .select()
      .from(tasks)
      .where(inArray(tasks.id, ids.slice(0, 2)));
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
    const sent = await noticesSince(db, since);
    expect(sent.map((n) => [n.recipientId, n.kind])).toEqual([[org.tech.id, "task.batch"]]);
    expect(sent[0]!.body).toContain("cancelled");
  });

  it("tells a watcher of several tasks once, listing each status change", async () => {
    const { db, org, ids } = await three();
    for (const id of ids.slice(0, 2)) await perform(db, org.boss.viewer, watchTask, { taskId: id });
    const since = await newest(db);
    actAs(org.lead.viewer);
    expect(await bulkCancelAction({ taskIds: ids.slice(0, 2) })).toMatchObject({ ok: true });
    const toBoss = (await noticesSince(db, since)).filter((n) => n.recipientId === org.boss.id);
    expect(toBoss.map((n) => n.kind)).toEqual(["task.batch"]);
    expect(toBoss[0]!.body.match(/teraz: Anulowane/g)).toHaveLength(2);
  });
});
