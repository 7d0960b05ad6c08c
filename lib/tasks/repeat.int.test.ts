import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { moments, notifications, taskChecklistItems, taskReminders, taskSeries, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { withFakeFunctionRuntime } from "@/lib/testing/function-runtime";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { createTaskInstancesFn } from "@/inngest/functions/create-task-instances";
import { createTaskAction, updateTaskAction } from "./actions";
import { createTask, updateTask } from "./commands";
import { parseListParams } from "./list-params";
import { forEachTaskListBatch, taskListRows, type TaskListRow } from "./lists";
import { createDueInstancesJob } from "./repeat-instances";
import { createTaskInput, updateTaskInput } from "./schema";
import { changeStatus } from "./workflow";

withFakeFunctionRuntime();
const at = (iso: string) => new Date(iso);
// Wednesday 24 March 2027, 11:00 in Warsaw (CET); the clocks go forward on Sunday 28 March.
const T0 = at("2027-03-24T10:00:00Z");

async function instancesOf(db: Db, seriesId: string) {
  return db.select().from(tasks).where(eq(tasks.seriesId, seriesId)).orderBy(asc(tasks.seriesAt));
}

async function seriesOf(db: Db, taskId: string) {
  const [task] = await db.select({ seriesId: tasks.seriesId }).from(tasks).where(eq(tasks.id, taskId));
  const [series] = await db.select().from(taskSeries).where(eq(taskSeries.id, task!.seriesId!));
  return series!;
}

async function create(db: Db, viewer: Viewer, input: Record<string, unknown>, now = T0) {
  return perform(db, viewer, createTask, createTaskInput.parse(input), { now });
}

describe("recurring tasks", () => {
  it("creates the next weekly instance once, at its moment across the spring change, with the same fields, reminders and an unticked checklist", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: org.lead.id, clientId: client.id });
    const first = await create(db, org.lead.viewer, {
      title: "Raport tygodniowy",
      description: "Sprzedaż i serwis",
      priority: "high",
      assigneeId: org.tech.id,
      clientId: client.id,
      caseId: kase.id,
      needsAcceptance: true,
      dueAt: "2027-03-26T17:00",
      reminders: [
        { type: "before", offsetMinutes: 60 },
        { type: "at", fireAt: "2027-03-25T09:00", channel: "sms" },
      ],
      repeat: { kind: "weekly", weekdays: [1], timeOfDay: "08:00", dueDays: 2 },
    });
    await db.insert(taskChecklistItems).values([
      { taskId: first.id, text: "Zebrać dane", position: 0, done: true, doneAt: T0 },
      { taskId: first.id, text: "Wysłać", position: 1 },
    ]);
    const series = await seriesOf(db, first.id);
    // Monday 29 March 2027, 08:00 in Warsaw, now on summer time.
    expect(series).toMatchObject({
      kind: "weekly",
      weekdays: [1],
      zone: "Europe/Warsaw",
      timeOfDay: "08:00",
      dueDays: 2,
      dueTime: "17:00",
      createdById: org.lead.id,
    });
    expect(series.nextAt?.toISOString()).toBe("2027-03-29T06:00:00.000Z");
    // The lists mark it as repeating, page and export alike.
    const listed = await taskListRows(db, org.lead.viewer, "delegated", parseListParams({}), T0);
    expect(listed.find((r) => r.id === first.id)?.recurring).toBe(true);
    const exported: TaskListRow[] = [];
    await forEachTaskListBatch(db, org.lead.viewer, "delegated", parseListParams({}), T0, 100, async (rows) => void exported.push(...rows));
    expect(exported.find((r) => r.id === first.id)?.recurring).toBe(true);

    expect(await createDueInstancesJob(db, at("2027-03-29T05:59:00Z"))).toEqual({ created: 0 });
    expect(await instancesOf(db, series.id)).toHaveLength(1);

    // Two passes at once and a third later: one instance for the moment.
    const passes = await Promise.all([createDueInstancesJob(db, at("2027-03-29T06:00:00Z")), createDueInstancesJob(db, at("2027-03-29T06:00:00Z"))]);
    await createDueInstancesJob(db, at("2027-03-29T06:30:00Z"));
    expect(passes.map((p) => p.created).sort()).toEqual([0, 1]);
    const [, instance, ...more] = await instancesOf(db, series.id);
    expect(more).toEqual([]);
    expect(instance).toMatchObject({
      title: "Raport tygodniowy",
      description: "Sprzedaż i serwis",
      priority: "high",
      assigneeId: org.tech.id,
      createdById: org.lead.id,
      clientId: client.id,
      caseId: kase.id,
      needsAcceptance: true,
      status: "open",
      progress: 0,
    });
    expect(instance!.seriesAt?.toISOString()).toBe("2027-03-29T06:00:00.000Z");
    // Due two days after, at the first task's due time: Wednesday 31 March 17:00 CEST.
    expect(instance!.dueAt?.toISOString()).toBe("2027-03-31T15:00:00.000Z");
    expect((await seriesOf(db, first.id)).nextAt?.toISOString()).toBe("2027-04-05T06:00:00.000Z");

    const reminders = await db
      .select({ offset: taskReminders.offsetMinutes, fireAt: taskReminders.fireAt, channel: taskReminders.channel })
      .from(taskReminders)
      .where(eq(taskReminders.taskId, instance!.id))
      .orderBy(asc(taskReminders.offsetMinutes), asc(taskReminders.fireAt));
    // The fixed moment moves with the series: by the time from the first task's moment (its creation) to this one.
    const shift = at("2027-03-29T06:00:00Z").getTime() - T0.getTime();
    expect(reminders).toEqual([
      { offset: 60, fireAt: null, channel: null },
      { offset: null, fireAt: new Date(at("2027-03-25T08:00:00Z").getTime() + shift), channel: "sms" },
    ]);
    const own = await db
      .select({ kind: moments.kind, at: moments.at })
      .from(moments)
      .where(and(eq(moments.itemType, "task"), eq(moments.itemId, instance!.id), eq(moments.kind, "reminder")))
      .orderBy(asc(moments.at));
    expect(own.map((m) => m.at.toISOString())).toContain("2027-03-31T14:00:00.000Z");
    const steps = await db
      .select({ text: taskChecklistItems.text, done: taskChecklistItems.done, position: taskChecklistItems.position })
      .from(taskChecklistItems)
      .where(eq(taskChecklistItems.taskId, instance!.id))
      .orderBy(asc(taskChecklistItems.position));
    expect(steps).toEqual([
      { text: "Zebrać dane", done: false, position: 0 },
      { text: "Wysłać", done: false, position: 1 },
    ]);
    const told = await db
      .select({ kind: notifications.kind, recipientId: notifications.recipientId })
      .from(notifications)
      .where(eq(notifications.link, `/tasks/${instance!.id}`))
      .orderBy(asc(notifications.kind));
    expect(told).toEqual([{ kind: "task.assigned", recipientId: org.tech.id }]);

    // The unique key refuses a second instance for one moment whatever writes it.
    await expect(
      db.insert(tasks).values({ title: "x", assigneeId: org.tech.id, createdById: org.lead.id, seriesId: series.id, seriesAt: instance!.seriesAt }),
    ).rejects.toThrow();
  });

  it("after a long pause creates one instance, for the latest missed moment", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const first = await create(db, org.lead.viewer, { title: "Przegląd floty", assigneeId: org.tech.id, repeat: { kind: "weekly", weekdays: [1, 4] } });
    const series = await seriesOf(db, first.id);
    expect(await createDueInstancesJob(db, at("2027-04-21T12:00:00Z"))).toMatchObject({ created: expect.any(Number) });
    const instances = await instancesOf(db, series.id);
    expect(instances.map((t) => t.seriesAt?.toISOString())).toEqual([T0.toISOString(), "2027-04-19T06:00:00.000Z"]);
    expect((await seriesOf(db, first.id)).nextAt?.toISOString()).toBe("2027-04-22T06:00:00.000Z");
  });

  it("after completion: the next instance comes N days after the previous one is done, not before", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const first = await create(db, org.lead.viewer, {
      title: "Wymiana filtrów",
      assigneeId: org.tech2.id,
      repeat: { kind: "afterCompletion", afterDays: 2, timeOfDay: "09:00" },
    });
    const series = await seriesOf(db, first.id);
    expect(series.nextAt).toBeNull();
    await createDueInstancesJob(db, at("2027-06-01T00:00:00Z"));
    expect(await instancesOf(db, series.id)).toHaveLength(1);

    // Done on Friday 26 March 2027 at 16:00 CET: the next one on Sunday 28 March, 09:00 CEST.
    await perform(db, org.tech2.viewer, changeStatus, { taskId: first.id, status: "done" }, { now: at("2027-03-26T15:00:00Z") });
    expect((await seriesOf(db, first.id)).nextAt?.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    await createDueInstancesJob(db, at("2027-03-28T06:59:00Z"));
    expect(await instancesOf(db, series.id)).toHaveLength(1);
    await createDueInstancesJob(db, at("2027-03-28T07:00:00Z"));
    const [, second] = await instancesOf(db, series.id);
    expect(second).toMatchObject({ title: "Wymiana filtrów", assigneeId: org.tech2.id, status: "open" });
    expect(second!.seriesAt?.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    // Waiting again for this one.
    expect((await seriesOf(db, first.id)).nextAt).toBeNull();
  });

  it("stopping keeps the open instance and creates no more", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const first = await create(db, org.lead.viewer, { title: "Codzienny obchód", assigneeId: org.tech.id, repeat: { kind: "workdays" } });
    const series = await seriesOf(db, first.id);
    await createDueInstancesJob(db, at("2027-03-25T07:00:00Z"));
    const [, open] = await instancesOf(db, series.id);
    expect(open).toMatchObject({ status: "open" });

    await perform(db, org.lead.viewer, updateTask, updateTaskInput.parse({ taskId: open!.id, repeat: null }), { now: at("2027-03-25T08:00:00Z") });
    const stopped = await seriesOf(db, first.id);
    expect(stopped.stoppedAt?.toISOString()).toBe("2027-03-25T08:00:00.000Z");
    expect(stopped.nextAt).toBeNull();
    await createDueInstancesJob(db, at("2027-04-30T07:00:00Z"));
    const after = await instancesOf(db, series.id);
    expect(after.map((t) => [t.id, t.status])).toEqual([
      [first.id, "open"],
      [open!.id, "open"],
    ]);
  });

  it("lets only the delegator or an admin set or stop the repetition: the assignee and a stranger are refused and nothing changes", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const made = await createTaskAction({ title: "Porządki w magazynie", assigneeId: org.tech.id });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const taskId = made.data.id;
    const weekly = { kind: "weekly" as const, weekdays: [5] };

    for (const who of [org.tech, org.stranger]) {
      actAs(who.viewer);
      const refused = await updateTaskAction({ taskId, repeat: weekly });
      expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [untouched] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(untouched!.seriesId).toBeNull();

    actAs(org.lead.viewer);
    expect(await updateTaskAction({ taskId, repeat: weekly })).toMatchObject({ ok: true });
    const series = await seriesOf(db, taskId);
    expect(series.stoppedAt).toBeNull();

    for (const who of [org.tech, org.stranger]) {
      actAs(who.viewer);
      expect(await updateTaskAction({ taskId, repeat: null })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect((await seriesOf(db, taskId)).stoppedAt).toBeNull();

    actAs(org.admin.viewer);
    expect(await updateTaskAction({ taskId, repeat: null })).toMatchObject({ ok: true });
    expect((await seriesOf(db, taskId)).stoppedAt).not.toBeNull();
  });

  it("refuses an incomplete repetition with a field error and writes nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const [before] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(eq(tasks.createdById, org.lead.id));
    const refused = await createTaskAction({ title: "Bez dni", repeat: { kind: "weekly", weekdays: [] } });
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "repeat.weekdays": [expect.any(String)] } });
    const monthly = await createTaskAction({ title: "Bez dnia", repeat: { kind: "monthlyOnDate", monthDay: 32 } });
    expect(monthly).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "repeat.monthDay": [expect.any(String)] } });
    const [after] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(eq(tasks.createdById, org.lead.id));
    expect(after!.n).toBe(before!.n);
  });

  it("runs as an Inngest cron every minute, the same job as the in-process timer", async () => {
    expect(createTaskInstancesFn.opts.triggers).toEqual([{ cron: "* * * * *" }]);
    expect(createTaskInstancesFn.opts.concurrency).toBe(1);
    const { result } = await new InngestTestEngine({ function: createTaskInstancesFn }).execute();
    expect(result).toMatchObject({ created: expect.any(Number) });
  });
});
