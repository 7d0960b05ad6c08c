import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { taskChecklistItems, tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform } from "@/lib/testing/perform";
import { footprint, historyOf, makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { changeStatusAction, setProgressAction } from "./actions";
import {
  addChecklistItemAction,
  followChecklistAction,
  moveChecklistItemAction,
  removeChecklistItemAction,
  renameChecklistItemAction,
  tickChecklistItemAction,
} from "./checklist-actions";
import { addChecklistItem } from "./checklist";
import { MAX_CHECKLIST_ITEMS } from "./checklist-limits";
import { createTask } from "./commands";

const base = TASK_INPUT;

async function delegated() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
  return { db, org, id };
}

async function rows(db: Db, taskId: string) {
  return db.select().from(taskChecklistItems).where(eq(taskChecklistItems.taskId, taskId)).orderBy(asc(taskChecklistItems.position));
}

/** Everything a checklist change can write: the task's footprint and its items. */
async function everything(db: Db, taskId: string) {
  return { ...(await footprint(db, taskId)), items: await rows(db, taskId) };
}

async function addThree(taskId: string) {
  const ids: string[] = [];
  for (const text of ["Odłączyć zasilanie", "Wymienić filtr", "Spisać protokół"]) {
    const r = await addChecklistItemAction({ taskId, text });
    if (!r.ok) throw new Error(r.error);
    ids.push(r.data.items.at(-1)!.id);
  }
  return ids;
}

/** One call of every checklist action, one after another, for the refusals every one of them must give. */
async function everyChange(taskId: string, itemId: string) {
  return [
    await addChecklistItemAction({ taskId, text: "Jeszcze jeden punkt" }),
    await tickChecklistItemAction({ taskId, itemId, done: true }),
    await renameChecklistItemAction({ taskId, itemId, text: "Inaczej" }),
    await moveChecklistItemAction({ taskId, itemId, position: 2 }),
    await removeChecklistItemAction({ taskId, itemId }),
    await followChecklistAction({ taskId, follow: true }),
  ];
}

describe("a task's checklist", () => {
  it("is added to, ticked, renamed, moved and removed by the delegator and the assignee, each change in the history", async () => {
    const { db, org, id } = await delegated();
    actAs(org.lead.viewer);
    const [a, b, c] = await addThree(id);
    actAs(org.tech.viewer);
    const ticked = await tickChecklistItemAction({ taskId: id, itemId: b!, done: true });
    expect(ticked).toMatchObject({ ok: true, data: { items: [{ done: false }, { done: true, doneBy: "Serwisant" }, { done: false }], follows: false } });
    expect(await renameChecklistItemAction({ taskId: id, itemId: a!, text: "  Odłączyć zasilanie i wodę " })).toMatchObject({
      ok: true,
      data: { items: [{ text: "Odłączyć zasilanie i wodę" }, {}, {}] },
    });
    // Down by one with the keyboard's "move down", and then the last one to the top.
    expect(await moveChecklistItemAction({ taskId: id, itemId: a!, position: 1 })).toMatchObject({ ok: true });
    const moved = await moveChecklistItemAction({ taskId: id, itemId: c!, position: 0 });
    expect(moved.ok && moved.data.items.map((i) => i.id)).toEqual([c, b, a]);
    expect((await rows(db, id)).map((r) => [r.id, r.position])).toEqual([
      [c, 0],
      [b, 1],
      [a, 2],
    ]);
    actAs(org.lead.viewer);
    expect(await removeChecklistItemAction({ taskId: id, itemId: b! })).toMatchObject({ ok: true });
    expect((await rows(db, id)).map((r) => [r.id, r.position])).toEqual([
      [c, 0],
      [a, 1],
    ]);
    const [ticks] = await db.select().from(taskChecklistItems).where(eq(taskChecklistItems.id, a!));
    expect(ticks!.done).toBe(false);
    const history = (await historyOf(db, id)).filter((h) => h.field?.startsWith("checklist"));
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["checklist", null, "Odłączyć zasilanie"],
      ["checklist", null, "Wymienić filtr"],
      ["checklist", null, "Spisać protokół"],
      ["checklistDone", null, "Wymienić filtr"],
      ["checklist", "Odłączyć zasilanie", "Odłączyć zasilanie i wodę"],
      ["checklistOrder", "1. Odłączyć zasilanie i wodę", "2. Odłączyć zasilanie i wodę"],
      ["checklistOrder", "3. Spisać protokół", "1. Spisać protokół"],
      ["checklist", "Wymienić filtr", null],
    ]);
    // Manual progress stays as it was, and the version (the reminders' plan) was not bumped.
    const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect([task!.progress, task!.version]).toEqual([0, 1]);
  });

  it("keeps the positions dense when changes race: each one waits for the task's row lock", async () => {
    const { db, org, id } = await delegated();
    await Promise.all(["A", "B", "C", "D"].map((text) => perform(db, org.tech.viewer, addChecklistItem, { taskId: id, text })));
    expect((await rows(db, id)).map((r) => r.position)).toEqual([0, 1, 2, 3]);
  });

  it("moves the task's last activity", async () => {
    const { db, org, id } = await delegated();
    const [before] = await db.select().from(tasks).where(eq(tasks.id, id));
    await new Promise((r) => setTimeout(r, 5));
    actAs(org.tech.viewer);
    await addThree(id);
    const [after] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect(after!.lastActivityAt.getTime()).toBeGreaterThan(before!.lastActivityAt.getTime());
    expect(after!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
  });

  it("sets the progress from the checklist when it follows it, and leaves it manual when it does not", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    const [a, b] = await addThree(id);
    expect(await setProgressAction({ taskId: id, progress: 10 })).toMatchObject({ ok: true });
    expect(await followChecklistAction({ taskId: id, follow: true })).toMatchObject({ ok: true, data: { follows: true, progress: 0 } });
    expect(await tickChecklistItemAction({ taskId: id, itemId: a!, done: true })).toMatchObject({ ok: true, data: { progress: 33 } });
    expect(await tickChecklistItemAction({ taskId: id, itemId: b!, done: true })).toMatchObject({ ok: true, data: { progress: 67 } });
    // Removing an open item leaves two of two done.
    const third = (await rows(db, id))[2]!.id;
    expect(await removeChecklistItemAction({ taskId: id, itemId: third })).toMatchObject({ ok: true, data: { progress: 100 } });
    expect(await tickChecklistItemAction({ taskId: id, itemId: b!, done: false })).toMatchObject({ ok: true, data: { progress: 50 } });
    const history = (await historyOf(db, id)).filter((h) => h.field === "progress" || h.field === "progressFollowsChecklist");
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["progress", "0", "10"],
      ["progressFollowsChecklist", "false", "true"],
      ["progress", "10", "0"],
      ["progress", "0", "33"],
      ["progress", "33", "67"],
      ["progress", "67", "100"],
      ["progress", "100", "50"],
    ]);
    actAs(org.lead.viewer);
    expect(await followChecklistAction({ taskId: id, follow: false })).toMatchObject({ ok: true, data: { follows: false, progress: 50 } });
    actAs(org.tech.viewer);
    expect(await tickChecklistItemAction({ taskId: id, itemId: b!, done: true })).toMatchObject({ ok: true, data: { progress: 50 } });
    const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
    expect([task!.progress, task!.progressFollowsChecklist]).toEqual([50, false]);
  });

  it(`holds at most ${MAX_CHECKLIST_ITEMS} items and says so`, async () => {
    const { db, org, id } = await delegated();
    await db
      .insert(taskChecklistItems)
      .values(Array.from({ length: MAX_CHECKLIST_ITEMS }, (_, position) => ({ taskId: id, text: `Punkt ${position + 1}`, position })));
    const before = await everything(db, id);
    actAs(org.tech.viewer);
    expect(await addChecklistItemAction({ taskId: id, text: "Jeszcze jeden" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: `A checklist can have at most ${MAX_CHECKLIST_ITEMS} items.`,
    });
    expect(await everything(db, id)).toEqual(before);
  });

  it("is read-only on a closed task", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    const [a] = await addThree(id);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true });
    const before = await everything(db, id);
    for (const r of await everyChange(id, a!)) {
      expect(r).toMatchObject({ ok: false, code: "conflict", error: "The task is already closed (done or cancelled)." });
    }
    expect(await everything(db, id)).toEqual(before);
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const { db, org, id } = await delegated();
    const other = await perform(db, org.lead.viewer, createTask, { ...base, title: "Inne zadanie", assigneeId: org.tech.id });
    actAs(org.tech.viewer);
    const [a] = await addThree(id);
    const [foreign] = await addThree(other.id);
    const before = await everything(db, id);
    expect(await addChecklistItemAction({ taskId: id, text: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { text: ["This field is required."] },
    });
    expect(await addChecklistItemAction({ taskId: id, text: "x".repeat(201) })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { text: ["The text is too long."] },
    });
    expect(await renameChecklistItemAction({ taskId: id, itemId: a!, text: "" })).toMatchObject({ ok: false, code: "invalid" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const itemId of [unknown, foreign!]) {
      expect(await tickChecklistItemAction({ taskId: id, itemId, done: true })).toMatchObject({
        ok: false,
        code: "not_found",
        error: "This checklist item no longer exists. Reload the page.",
      });
      expect(await renameChecklistItemAction({ taskId: id, itemId, text: "Cudze" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await moveChecklistItemAction({ taskId: id, itemId, position: 0 })).toMatchObject({ ok: false, code: "not_found" });
      expect(await removeChecklistItemAction({ taskId: id, itemId })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await tickChecklistItemAction({ taskId: id, itemId: "nie-uuid", done: true })).toMatchObject({ ok: false, code: "invalid" });
    expect(await moveChecklistItemAction({ taskId: id, itemId: a!, position: -1 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await everything(db, id)).toEqual(before);
    expect((await rows(db, other.id)).map((r) => r.text)).toEqual(["Odłączyć zasilanie", "Wymienić filtr", "Spisać protokół"]);
  });

  it("refuses everyone but the delegator, the assignee and admins, and writes nothing", async () => {
    const { db, org, id } = await delegated();
    actAs(org.tech.viewer);
    const [a] = await addThree(id);
    const before = await everything(db, id);
    // The stranger may not even see the task; the assignee's managers see it but do not keep its checklist.
    for (const [who, code] of [
      [org.stranger, "forbidden"],
      [org.manager, "forbidden"],
      [org.tech2, "forbidden"],
    ] as const) {
      actAs(who.viewer);
      for (const r of await everyChange(id, a!)) {
        expect(r).toMatchObject({ ok: false, code });
      }
    }
    expect(await everything(db, id)).toEqual(before);
    actAs(org.admin.viewer);
    expect(await tickChecklistItemAction({ taskId: id, itemId: a!, done: true })).toMatchObject({ ok: true });
  });
});
