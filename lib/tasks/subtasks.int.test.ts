import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform } from "@/lib/testing/perform";
import { footprint, globalFootprint, historyOf, makeTaskOrg, noticesOf, TASK_INPUT } from "@/lib/testing/task-org";
import { acceptTaskAction, cancelTaskAction, changeStatusAction, updateTaskAction } from "./actions";
import { createTask } from "./commands";
import { parseListParams } from "./list-params";
import { delegatedTasksOf, myTasks } from "./lists";
import { addSubtaskAction } from "./subtask-actions";
import { parentOf, subtasksOf } from "./subtasks";

const NOW = new Date("2030-05-01T08:00:00Z");

/** The lead delegates a high-priority task due 10 May 2030, 12:00 Warsaw, to the tech. */
async function parentTask() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const { id } = await perform(db, org.lead.viewer, createTask, {
    ...TASK_INPUT,
    title: "Przegląd instalacji",
    priority: "high",
    dueAt: "2030-05-10T12:00",
    assigneeId: org.tech.id,
  });
  return { db, org, id };
}

async function add(parentId: string, fields: { title: string; assigneeId?: string; dueAt?: string; priority?: "low" | "normal" | "high" | "urgent" }) {
  const r = await addSubtaskAction({ parentId, ...fields });
  if (!r.ok) throw new Error(`${r.code}: ${r.error}`);
  return r.data;
}

async function childrenOf(db: Db, parentId: string) {
  return db.select().from(tasks).where(eq(tasks.parentTaskId, parentId)).orderBy(asc(tasks.number));
}

/** Everything a refused call could have touched: the parent, its subtasks and what the people involved sent. */
async function everything(db: Db, parentId: string, people: string[]) {
  const children = await childrenOf(db, parentId);
  return {
    parent: await footprint(db, parentId),
    children: await Promise.all(children.map((c) => footprint(db, c.id))),
    sent: await Promise.all(people.map((p) => globalFootprint(db, p))),
  };
}

describe("subtasks", () => {
  it("are real tasks made by the delegator or the assignee: notice, history, the parent's priority, client and case, one level deep", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const first = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id, dueAt: "2030-05-09T16:00" });
    actAs(org.tech.viewer);
    // The assignee hands part of the work on, with a priority of their own and the same due moment as the parent's.
    const second = await add(id, { title: "Zamówić filtr", assigneeId: org.tech2.id, dueAt: "2030-05-10T12:00", priority: "low" });

    const [a, b] = await childrenOf(db, id);
    expect(a).toMatchObject({
      id: first.id,
      title: "Sprawdzić kocioł",
      parentTaskId: id,
      createdById: org.lead.id,
      assigneeId: org.tech2.id,
      priority: "high",
    });
    expect(a!.dueAt!.toISOString()).toBe("2030-05-09T14:00:00.000Z");
    expect(b).toMatchObject({ id: second.id, parentTaskId: id, createdById: org.tech.id, priority: "low", status: "open" });
    // The same creation path as any task: the assignee is told, the history starts with "created".
    expect((await noticesOf(db, first.id)).map((n) => [n.kind, n.recipientId])).toEqual([["task.assigned", org.tech2.id]]);
    expect((await historyOf(db, first.id)).map((h) => [h.kind, h.newValue])).toEqual([["created", org.tech2.id]]);
    // The parent's history names the subtasks by number only (its readers may not see them).
    const parentHistory = await historyOf(db, id);
    expect(parentHistory.filter((h) => h.field === "subtasks").map((h) => [h.actorId, h.newValue])).toEqual([
      [org.lead.id, `#${first.number}`],
      [org.tech.id, `#${second.number}`],
    ]);

    // One level: a subtask takes no subtasks, and nothing is written.
    actAs(org.tech2.viewer);
    const before = await everything(db, id, [org.tech2.id]);
    expect(await addSubtaskAction({ parentId: first.id, title: "Głębiej" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "This task is itself a subtask: subtasks are one level deep and cannot have subtasks of their own.",
    });
    expect(await everything(db, id, [org.tech2.id])).toEqual(before);
  });

  it("refuse bad input and change nothing: unknown parent, not an id, due after the parent, unknown assignee, a closed parent", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const before = await everything(db, id, [org.lead.id]);
    expect(await addSubtaskAction({ parentId: "0b7c2b8e-3f7a-4c55-9d64-9f0e4b8f3a11", title: "X" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addSubtaskAction({ parentId: "nie-id", title: "X" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await addSubtaskAction({ parentId: id, title: "   " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: expect.any(Array) } });
    expect(await addSubtaskAction({ parentId: id, title: "Za późno", dueAt: "2030-05-10T12:01" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: ["A subtask cannot be due after the task it belongs to."] },
    });
    expect(await addSubtaskAction({ parentId: id, title: "X", assigneeId: "0b7c2b8e-3f7a-4c55-9d64-9f0e4b8f3a11" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { assigneeId: expect.any(Array) },
    });
    expect(await addSubtaskAction({ parentId: id, title: "X", priority: "critical" as "low" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await everything(db, id, [org.lead.id])).toEqual(before);

    // Editing a subtask keeps the rule.
    const sub = await add(id, { title: "Na czas", dueAt: "2030-05-09T12:00" });
    const kept = await footprint(db, sub.id);
    expect(await updateTaskAction({ taskId: sub.id, dueAt: "2030-05-11T08:00" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: ["A subtask cannot be due after the task it belongs to."] },
    });
    expect(await footprint(db, sub.id)).toEqual(kept);
    expect(await updateTaskAction({ taskId: sub.id, dueAt: "2030-05-10T11:00" })).toMatchObject({ ok: true });
    // And the parent cannot move before an open subtask's due; to that moment, or once the subtask is done, it can.
    const parentKept = await footprint(db, id);
    expect(await updateTaskAction({ taskId: id, dueAt: "2030-05-10T10:59" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: ["An open subtask is due later than that: move its due date first."] },
    });
    expect(await footprint(db, id)).toEqual(parentKept);
    expect(await updateTaskAction({ taskId: id, dueAt: "2030-05-10T11:00" })).toMatchObject({ ok: true });
    expect(await updateTaskAction({ taskId: id, dueAt: "2030-05-10T12:00" })).toMatchObject({ ok: true });

    expect(await cancelTaskAction({ taskId: id, openSubtasks: "keep" })).toMatchObject({ ok: true });
    const closed = await everything(db, id, [org.lead.id]);
    expect(await addSubtaskAction({ parentId: id, title: "Po fakcie" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await everything(db, id, [org.lead.id])).toEqual(closed);
  });

  it("are added by nobody else: a stranger, the assignee's manager and a subtask's own assignee are refused and nothing changes", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id });
    const people = [org.stranger.id, org.manager.id, org.tech2.id];
    const before = await everything(db, id, people);
    for (const [who, code] of [
      [org.stranger, "forbidden"],
      [org.manager, "forbidden"],
      [org.tech2, "forbidden"],
    ] as const) {
      actAs(who.viewer);
      expect(await addSubtaskAction({ parentId: id, title: "Cudze", assigneeId: who.id })).toMatchObject({ ok: false, code });
    }
    expect(await everything(db, id, people)).toEqual(before);
    // An admin may.
    actAs(org.admin.viewer);
    expect(await addSubtaskAction({ parentId: id, title: "Od administratora" })).toMatchObject({ ok: true });
  });

  it("show each viewer only the subtasks they may see, counting the rest, and the parent only to who may see it", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const seen = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id, dueAt: "2030-05-02T09:00" });
    // The admin hands a part to someone outside the lead's chain: the lead may not see that subtask.
    actAs(org.admin.viewer);
    const outside = await add(id, { title: "Tajne zlecenie", assigneeId: org.stranger.id });

    const forLead = await subtasksOf(db, org.lead.viewer, id, NOW);
    expect(forLead).toMatchObject({ hidden: 1, total: 2, done: 0, open: 2 });
    expect(forLead.rows.map((r) => [r.title, r.assignee.name, r.status, r.overdue])).toEqual([["Sprawdzić kocioł", "Serwisant Drugi", "open", false]]);
    expect(JSON.stringify(forLead)).not.toContain("Tajne");
    expect((await subtasksOf(db, org.admin.viewer, id, NOW)).rows.map((r) => r.title)).toEqual(["Sprawdzić kocioł", "Tajne zlecenie"]);
    // A day past its due moment, the subtask shows as overdue.
    expect((await subtasksOf(db, org.lead.viewer, id, new Date("2030-05-03T08:00:00Z"))).rows[0]!.overdue).toBe(true);

    // The stranger sees their subtask, but of its parent only that there is one.
    const [hiddenChild] = await db.select().from(tasks).where(eq(tasks.id, outside.id));
    expect(await parentOf(db, org.stranger.viewer, hiddenChild!)).toEqual({ visible: false });
    const [seenChild] = await db.select().from(tasks).where(eq(tasks.id, seen.id));
    expect(await parentOf(db, org.lead.viewer, seenChild!)).toMatchObject({ visible: true, id, title: "Przegląd instalacji" });
    // The normal task rules decide: the subtask's assignee is not one of the parent's people.
    expect(await parentOf(db, org.tech2.viewer, seenChild!)).toEqual({ visible: false });
    expect(await subtasksOf(db, org.stranger.viewer, id, NOW)).toMatchObject({ rows: [{ title: "Tajne zlecenie" }], hidden: 1 });

    // Progress counts done of all but cancelled subtasks.
    actAs(org.tech2.viewer);
    expect(await changeStatusAction({ taskId: seen.id, status: "done" })).toMatchObject({ ok: true });
    expect(await subtasksOf(db, org.lead.viewer, id, NOW)).toMatchObject({ total: 2, done: 1, open: 1 });
  });

  it("make finishing the parent ask: without confirmation the server refuses and nothing changes", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const one = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id });
    await add(id, { title: "Zamówić filtr", assigneeId: org.tech2.id });
    actAs(org.tech2.viewer);
    expect(await changeStatusAction({ taskId: one.id, status: "done" })).toMatchObject({ ok: true });

    actAs(org.tech.viewer);
    const before = await everything(db, id, [org.tech.id]);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "1 subtask is still open. Confirm to finish the task anyway.",
    });
    expect(await changeStatusAction({ taskId: id, status: "done", confirmOpenSubtasks: false })).toMatchObject({ ok: false, code: "conflict" });
    expect(await everything(db, id, [org.tech.id])).toEqual(before);
    // Someone else confirming is still not the assignee.
    actAs(org.tech2.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done", confirmOpenSubtasks: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await everything(db, id, [org.tech.id])).toEqual(before);

    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done", confirmOpenSubtasks: true })).toMatchObject({ ok: true, data: { status: "done" } });
    // The open subtask is left as it was: finishing the parent is not finishing its parts.
    expect((await childrenOf(db, id)).map((c) => c.status)).toEqual(["done", "open"]);
  });

  it("ask before a parent that needs acceptance is submitted, and ask nothing once every subtask is closed", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, assigneeId: org.tech.id, needsAcceptance: true });
    actAs(org.tech.viewer);
    const sub = await add(id, { title: "Część", assigneeId: org.tech2.id });
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: false, code: "conflict" });
    actAs(org.tech2.viewer);
    expect(await changeStatusAction({ taskId: sub.id, status: "done" })).toMatchObject({ ok: true });
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "awaiting_acceptance" } });
  });

  it("make accepting the result ask when a subtask was added after it was handed in; without confirmation nothing changes", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, assigneeId: org.tech.id, needsAcceptance: true });
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true, data: { status: "awaiting_acceptance" } });
    actAs(org.lead.viewer);
    await add(id, { title: "Jeszcze jedno", assigneeId: org.tech2.id });
    const before = await everything(db, id, [org.lead.id, org.tech.id, org.tech2.id]);
    expect(await acceptTaskAction({ taskId: id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await everything(db, id, [org.lead.id, org.tech.id, org.tech2.id])).toEqual(before);
    // Someone who may not decide is refused before anything is asked.
    actAs(org.stranger.viewer);
    expect(await acceptTaskAction({ taskId: id, confirmOpenSubtasks: true })).toMatchObject({ ok: false });
    expect(await everything(db, id, [org.lead.id, org.tech.id, org.tech2.id])).toEqual(before);
    actAs(org.lead.viewer);
    expect(await acceptTaskAction({ taskId: id, confirmOpenSubtasks: true })).toMatchObject({ ok: true, data: { status: "done" } });
    expect((await childrenOf(db, id)).map((c) => c.status)).toEqual(["open"]);
  });

  it("on cancelling the parent are cancelled too or kept, as the request says; saying neither is refused and changes nothing", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const a = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id });
    const b = await add(id, { title: "Zamówić filtr", assigneeId: org.tech.id });
    const c = await add(id, { title: "Już zrobione", assigneeId: org.tech2.id });
    actAs(org.tech2.viewer);
    await changeStatusAction({ taskId: c.id, status: "done" });

    actAs(org.lead.viewer);
    const people = [org.lead.id];
    const before = await everything(db, id, people);
    expect(await cancelTaskAction({ taskId: id })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "2 subtasks are still open: choose whether to cancel them too or keep them going.",
    });
    expect(await cancelTaskAction({ taskId: id, openSubtasks: "everything" as "cancel" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await everything(db, id, people)).toEqual(before);
    // The assignee may not cancel, choice or not.
    actAs(org.tech.viewer);
    expect(await cancelTaskAction({ taskId: id, openSubtasks: "cancel" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await everything(db, id, people)).toEqual(before);

    actAs(org.lead.viewer);
    expect(await cancelTaskAction({ taskId: id, openSubtasks: "cancel", comment: "Klient zrezygnował" })).toMatchObject({
      ok: true,
      data: { status: "cancelled" },
    });
    expect((await childrenOf(db, id)).map((s) => [s.id, s.status])).toEqual([
      [a.id, "cancelled"],
      [b.id, "cancelled"],
      [c.id, "done"],
    ]);
    for (const [sub, assignee] of [
      [a, org.tech2],
      [b, org.tech],
    ] as const) {
      const history = await historyOf(db, sub.id);
      expect(history.at(-1)).toMatchObject({ kind: "status", oldValue: "open", newValue: "cancelled", actorId: org.lead.id, comment: "Klient zrezygnował" });
      expect((await noticesOf(db, sub.id)).filter((n) => n.kind === "task.cancelled").map((n) => n.recipientId)).toEqual([assignee.id]);
    }
    expect((await historyOf(db, c.id)).filter((h) => h.kind === "status").map((h) => h.newValue)).toEqual(["done"]);
  });

  it("are marked in the lists, and a parent shows its subtasks' progress there, read with the page's one query", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const a = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id });
    await add(id, { title: "Zamówić filtr", assigneeId: org.tech2.id });
    const c = await add(id, { title: "Odwołane", assigneeId: org.tech2.id });
    expect(await cancelTaskAction({ taskId: c.id })).toMatchObject({ ok: true });
    actAs(org.tech2.viewer);
    expect(await changeStatusAction({ taskId: a.id, status: "done" })).toMatchObject({ ok: true });

    const all = parseListParams({ status: "all" });
    const delegated = await delegatedTasksOf(db, org.lead.viewer, all, NOW);
    const byTitle = new Map(delegated.rows.map((r) => [r.title, r]));
    expect(byTitle.get("Przegląd instalacji")).toMatchObject({ isSubtask: false, subtasks: { done: 1, total: 2 } });
    expect(byTitle.get("Sprawdzić kocioł")).toMatchObject({ isSubtask: true, subtasks: null });
    const mine = await myTasks(db, org.tech2.viewer, all, NOW);
    expect(mine.rows.map((r) => [r.title, r.isSubtask]).sort()).toEqual([
      ["Odwołane", true],
      ["Sprawdzić kocioł", true],
      ["Zamówić filtr", true],
    ]);
  });

  it("keep going when the parent is cancelled with 'keep'", async () => {
    const { db, org, id } = await parentTask();
    actAs(org.lead.viewer);
    const a = await add(id, { title: "Sprawdzić kocioł", assigneeId: org.tech2.id });
    const before = await footprint(db, a.id);
    expect(await cancelTaskAction({ taskId: id, openSubtasks: "keep" })).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect(await footprint(db, a.id)).toEqual(before);
    // A task without subtasks is cancelled as before, with no choice to make.
    const { id: plain } = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, assigneeId: org.tech.id });
    expect(await cancelTaskAction({ taskId: plain })).toMatchObject({ ok: true });
  });
});
