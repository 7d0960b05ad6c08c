import { eq } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { moments, tasks, users } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient } from "@/lib/testing/factories";
import { createTask, type NewTask } from "./commands";
import { parseListParams } from "./list-params";
import { delegatedTasksOf, myTasks, teamTasksOf } from "./lists";
import { relatedTasks } from "./queries";
import { makeTaskOrg } from "@/lib/testing/task-org";
import type { CreateTaskInput } from "./schema";

const base: NewTask = {
  title: "",
  description: null,
  priority: "normal",
  dueAt: null,
  assigneeId: null,
  clientId: null,
  caseId: null,
  needsAcceptance: false,
  progress: 0,
  reminders: [],
};
const titles = (list: { rows: { title: string }[] }) => list.rows.map((r) => r.title).sort();
const p = parseListParams;

// 23:30 UTC on Saturday 28 March 2026: already 01:30 on Sunday (the day clocks go forward) in
// Warsaw, still 19:30 on Saturday in New York.
const NOW = new Date("2026-03-28T23:30:00Z");

async function scene() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const make = async (title: string, who: typeof org.lead, extra: Partial<CreateTaskInput> = {}) =>
    (await perform(db, who.viewer, createTask, { ...base, title, assigneeId: org.tech.id, ...extra }, { now: new Date("2026-03-20T08:00:00Z") })).id;
  // Due times are typed by the lead, in Warsaw.
  const ids = {
    satLate: await make("A sobota 23:50", org.lead, { dueAt: "2026-03-28T23:50", priority: "low" }),
    sunEarly: await make("B niedziela 00:10", org.lead, { dueAt: "2026-03-29T00:10", priority: "urgent" }),
    sunLate: await make("C niedziela 23:30", org.lead, { dueAt: "2026-03-29T23:30", priority: "high" }),
    monEarly: await make("D poniedziałek 00:30", org.lead, { dueAt: "2026-03-30T00:30" }),
    doneMonday: await make("E zrobione w poniedziałek", org.lead, { dueAt: "2026-03-23T09:00" }),
    noDue: await make("F bez terminu", org.lead),
    forTech2: await make("G dla drugiego", org.lead, { assigneeId: org.tech2.id }),
    leadOwn: await make("H własne brygadzisty", org.lead, { assigneeId: org.lead.id }),
    fromStranger: await make("I od obcego", org.stranger, { assigneeId: org.tech.id }),
    strangerOwn: await make("J obcego", org.stranger, { assigneeId: org.stranger.id }),
  };
  await db.update(tasks).set({ status: "done", progress: 100 }).where(eq(tasks.id, ids.doneMonday));
  await db.update(tasks).set({ status: "in_progress", progress: 30 }).where(eq(tasks.id, ids.sunLate));
  await db.update(tasks).set({ status: "awaiting_acceptance", progress: 100 }).where(eq(tasks.id, ids.monEarly));
  return { db, org, ids };
}

describe("task lists", () => {
  it("My tasks: assigned to me, filterable by delegator, with counts per status", async () => {
    const { db, org } = await scene();
    const list = await myTasks(db, org.tech.viewer, p({}), NOW);
    expect(titles(list)).toEqual(["A sobota 23:50", "B niedziela 00:10", "C niedziela 23:30", "D poniedziałek 00:30", "F bez terminu", "I od obcego"]);
    expect(list.counts).toEqual({ open: 4, in_progress: 1, awaiting_acceptance: 1, done: 1, cancelled: 0 });
    expect(list.total).toBe(6);
    expect(titles(await myTasks(db, org.tech.viewer, p({ person: org.stranger.id }), NOW))).toEqual(["I od obcego"]);
    expect(titles(await myTasks(db, org.tech.viewer, p({ status: "done" }), NOW))).toEqual(["E zrobione w poniedziałek"]);
    expect((await myTasks(db, org.tech.viewer, p({ status: "all" }), NOW)).total).toBe(7);
  });

  it("Delegated: created by me for someone else, filterable by assignee and priority, with overdue flags", async () => {
    const { db, org } = await scene();
    const list = await delegatedTasksOf(db, org.lead.viewer, p({}), NOW);
    expect(titles(list)).toEqual(["A sobota 23:50", "B niedziela 00:10", "C niedziela 23:30", "D poniedziałek 00:30", "F bez terminu", "G dla drugiego"]);
    expect(
      list.rows
        .filter((r) => r.overdue)
        .map((r) => r.title)
        .sort(),
    ).toEqual(["A sobota 23:50", "B niedziela 00:10"]);
    expect(list.rows.find((r) => r.title.startsWith("C"))).toMatchObject({
      progress: 30,
      status: "in_progress",
      assignee: { id: org.tech.id, name: "Serwisant" },
    });
    expect(titles(await delegatedTasksOf(db, org.lead.viewer, p({ person: org.tech2.id }), NOW))).toEqual(["G dla drugiego"]);
    expect(titles(await delegatedTasksOf(db, org.lead.viewer, p({ priority: "urgent" }), NOW))).toEqual(["B niedziela 00:10"]);
    expect((await delegatedTasksOf(db, org.tech.viewer, p({}), NOW)).rows).toEqual([]);
  });

  it("computes overdue, today and this week in the viewer's zone near midnight on a DST day", async () => {
    const { db, org } = await scene();
    const warsaw = org.lead.viewer; // Sunday 01:30, the day is 23 hours long
    expect(titles(await delegatedTasksOf(db, warsaw, p({ due: "overdue" }), NOW))).toEqual(["A sobota 23:50", "B niedziela 00:10"]);
    expect(titles(await delegatedTasksOf(db, warsaw, p({ due: "today", status: "all" }), NOW))).toEqual(["B niedziela 00:10", "C niedziela 23:30"]);
    expect(titles(await delegatedTasksOf(db, warsaw, p({ due: "week", status: "all" }), NOW))).toEqual([
      "A sobota 23:50",
      "B niedziela 00:10",
      "C niedziela 23:30",
      "E zrobione w poniedziałek",
    ]);
    // The same delegator, read from New York: still Saturday there, so Monday 00:30 Warsaw is this week.
    await db.update(users).set({ timeZone: "America/New_York" }).where(eq(users.id, org.lead.id));
    const newYork = { ...warsaw, timeZone: "America/New_York" };
    expect(titles(await delegatedTasksOf(db, newYork, p({ due: "today", status: "all" }), NOW))).toEqual(["A sobota 23:50", "B niedziela 00:10"]);
    expect(titles(await delegatedTasksOf(db, newYork, p({ due: "week", status: "all" }), NOW))).toEqual([
      "A sobota 23:50",
      "B niedziela 00:10",
      "C niedziela 23:30",
      "D poniedziałek 00:30",
      "E zrobione w poniedziałek",
    ]);
    // Overdue is the same instant everywhere.
    expect(titles(await delegatedTasksOf(db, newYork, p({ due: "overdue" }), NOW))).toEqual(["A sobota 23:50", "B niedziela 00:10"]);
  });

  it("counts per status follow the other filters", async () => {
    const { db, org } = await scene();
    const list = await delegatedTasksOf(db, org.lead.viewer, p({ due: "week", status: "done" }), NOW);
    expect(list.counts).toEqual({ open: 2, in_progress: 1, awaiting_acceptance: 0, done: 1, cancelled: 0 });
    expect(titles(list)).toEqual(["E zrobione w poniedziałek"]);
  });

  it("sorts by due (no due date last), by priority, and pages", async () => {
    const { db, org } = await scene();
    const byDue = await delegatedTasksOf(db, org.lead.viewer, p({ person: org.tech.id }), NOW);
    expect(byDue.rows.map((r) => r.title[0])).toEqual(["A", "B", "C", "D", "F"]);
    const byDueDesc = await delegatedTasksOf(db, org.lead.viewer, p({ person: org.tech.id, dir: "desc" }), NOW);
    expect(byDueDesc.rows.map((r) => r.title[0])).toEqual(["D", "C", "B", "A", "F"]);
    const byPriority = await delegatedTasksOf(db, org.lead.viewer, p({ person: org.tech.id, sort: "priority" }), NOW);
    expect(byPriority.rows.map((r) => r.title[0])).toEqual(["B", "C", "D", "F", "A"]);
    expect((await delegatedTasksOf(db, org.lead.viewer, p({ page: "2" }), NOW)).rows).toEqual([]);
  });

  it("Team: a manager sees the tasks of everyone under them, however deep; others see none of it", async () => {
    const { db, org } = await scene();
    const manager = await teamTasksOf(db, org.manager.viewer, p({}), NOW);
    expect(titles(manager)).toEqual([
      "A sobota 23:50",
      "B niedziela 00:10",
      "C niedziela 23:30",
      "D poniedziałek 00:30",
      "F bez terminu",
      "G dla drugiego",
      "H własne brygadzisty",
      "I od obcego",
    ]);
    expect(titles(await teamTasksOf(db, org.manager.viewer, p({ person: org.tech2.id }), NOW))).toEqual(["G dla drugiego"]);
    expect((await teamTasksOf(db, org.tech.viewer, p({}), NOW)).rows).toEqual([]);
    expect((await teamTasksOf(db, org.stranger.viewer, p({}), NOW)).rows).toEqual([]);
  });

  it("filters by client and case", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: org.lead.id, clientId: client.id });
    await perform(db, org.lead.viewer, createTask, { ...base, title: "Do sprawy", caseId: kase.id, assigneeId: org.tech.id });
    await perform(db, org.lead.viewer, createTask, { ...base, title: "Do klienta", clientId: client.id, assigneeId: org.tech.id });
    await perform(db, org.lead.viewer, createTask, { ...base, title: "Luźne", assigneeId: org.tech.id });
    expect(titles(await delegatedTasksOf(db, org.lead.viewer, p({ client: client.id }), new Date()))).toEqual(["Do klienta", "Do sprawy"]);
    expect(titles(await delegatedTasksOf(db, org.lead.viewer, p({ case: kase.id }), new Date()))).toEqual(["Do sprawy"]);
    const [row] = (await delegatedTasksOf(db, org.lead.viewer, p({ case: kase.id }), new Date())).rows;
    expect(row).toMatchObject({ client: { id: client.id, name: client.name }, case: { id: kase.id, number: kase.number } });
  });
});

describe("a Delegated row", () => {
  it("names its people, client and case, and says whether it was escalated for its current due moment", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: org.lead.id, clientId: client.id });
    const make = async (title: string, dueAt: string) =>
      (
        await perform(
          db,
          org.lead.viewer,
          createTask,
          { ...base, title, dueAt, clientId: client.id, caseId: kase.id, assigneeId: org.tech.id },
          { now: new Date("2026-03-20T08:00:00Z") },
        )
      ).id;
    const escalated = await make("Eskalowane", "2026-03-23T09:00");
    await make("Spokojne", "2026-03-24T09:00");
    // The supervisor was told: an escalation about the task's due moment was sent.
    const [task] = await db.select({ dueAt: tasks.dueAt }).from(tasks).where(eq(tasks.id, escalated));
    await db.insert(moments).values({
      itemType: "task",
      itemId: escalated,
      version: 1,
      momentKey: `test-escalation-${escalated}`,
      kind: "escalation",
      level: 1,
      at: new Date("2026-03-24T09:00:00Z"),
      dueAt: task!.dueAt,
      sentAt: new Date("2026-03-24T09:00:01Z"),
    });
    const { rows } = await delegatedTasksOf(db, org.lead.viewer, p({}), NOW);
    expect(rows.map((r) => [r.title, r.escalated])).toEqual([
      ["Eskalowane", true],
      ["Spokojne", false],
    ]);
    expect(rows[0]).toMatchObject({
      assignee: { id: org.tech.id, name: org.tech.viewer.name },
      delegator: { id: org.lead.id, name: org.lead.viewer.name },
      client: { id: client.id, name: client.name },
      case: { id: kase.id, number: kase.number, title: kase.title },
    });
    // A new due moment starts afresh: the escalation sent for the old one no longer marks the row.
    await db
      .update(tasks)
      .set({ dueAt: new Date("2026-03-26T08:00:00Z") })
      .where(eq(tasks.id, escalated));
    expect((await delegatedTasksOf(db, org.lead.viewer, p({}), NOW)).rows.find((r) => r.id === escalated)?.escalated).toBe(false);
  });
});

describe("tasks on client and case pages", () => {
  it("lists open and recent tasks of a client, only those the viewer may see", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: org.lead.id, clientId: client.id });
    await perform(db, org.lead.viewer, createTask, { ...base, title: "Serwis u klienta", caseId: kase.id, assigneeId: org.tech.id });
    const strangers = await perform(db, org.stranger.viewer, createTask, { ...base, title: "Notatka obcego", clientId: client.id });
    const closed = await perform(db, org.lead.viewer, createTask, { ...base, title: "Zamknięte", clientId: client.id, assigneeId: org.tech2.id });
    await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, closed.id));

    const forLead = await relatedTasks(db, org.lead.viewer, { clientId: client.id }, new Date());
    expect(forLead.open.map((t) => t.title)).toEqual(["Serwis u klienta"]);
    expect(forLead.recent.map((t) => t.title)).toEqual(["Zamknięte"]);
    expect((await relatedTasks(db, org.tech.viewer, { clientId: client.id }, new Date())).open.map((t) => t.title)).toEqual(["Serwis u klienta"]);
    expect((await relatedTasks(db, org.tech.viewer, { clientId: client.id }, new Date())).recent).toEqual([]);
    expect((await relatedTasks(db, org.stranger.viewer, { clientId: client.id }, new Date())).open.map((t) => t.title)).toEqual(["Notatka obcego"]);
    expect((await relatedTasks(db, org.admin.viewer, { clientId: client.id }, new Date())).open.map((t) => t.title).sort()).toEqual([
      "Notatka obcego",
      "Serwis u klienta",
    ]);
    expect((await relatedTasks(db, org.manager.viewer, { caseId: kase.id }, new Date())).open.map((t) => t.title)).toEqual(["Serwis u klienta"]);
    expect(strangers.id).toBeTruthy();
  });
});
