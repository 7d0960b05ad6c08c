import type { Viewer } from "@/lib/auth/viewer";
import { perform } from "@/lib/testing/perform";
import { InngestTestEngine } from "@inngest/test";
import { and, eq, isNotNull, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { moments, notifications, workSchedule } from "@/db/schema";
import { deliverNotification } from "@/inngest/functions/deliver-notification";
import { itemTimelines } from "@/inngest/functions/item-timeline";
import { reconcileTimelinesFn } from "@/inngest/functions/reconcile-timelines";
import { createTask, updateTask } from "@/lib/tasks/commands";
import { createTaskInput, updateTaskInput } from "@/lib/tasks/schema";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { changeStatus } from "@/lib/tasks/workflow";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { runItemTimeline, withFakeFunctionRuntime, type PlannedMoment } from "@/lib/testing/function-runtime";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { pendingMoments } from "./fire";
import { reconcileTimelines } from "./reconcile";

const WAW = "Europe/Warsaw";
const HOUR = 3_600_000;
const providers = withFakeFunctionRuntime();

const local = (instant: Date) => instantToWallClock(instant, WAW);

/** A task the boss delegates to `assigneeId`, due at `due`, with the given reminders. */
async function delegate(db: Db, boss: { viewer: Viewer }, assigneeId: string, due: Date, reminders: unknown[], extra: Record<string, unknown> = {}) {
  const task = await perform(
    db,
    boss.viewer,
    createTask,
    createTaskInput.parse({ title: "Przegląd kotła", assigneeId, dueAt: local(due), reminders, ...extra }),
  );
  return task;
}

/** Executes the timeline run for a task version, with every sleep mocked by its moment key. */
const runTimeline = (db: Db, taskId: string, version: number, plan?: PlannedMoment[]) => runItemTimeline(db, { type: "task", id: taskId }, version, plan);

async function sentFor(db: Db, taskId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.link, `/tasks/${taskId}`))
    .orderBy(notifications.createdAt);
}
const timelineKinds = <T extends { kind: string }>(rows: T[]) =>
  rows.filter((r) => r.kind === "reminder.task" || r.kind === "task.overdue" || r.kind === "task.escalated");

describe("task-timeline (Inngest)", () => {
  it("declares cancellation by the next schedule event of the same task", () => {
    expect(itemTimelines.task.opts.id).toBe("task-timeline");
    expect(itemTimelines.task.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.taskId" })]);
    expect(itemTimelines.task.opts.cancelOn?.[0]?.event).toMatchObject({ name: "baton/task.scheduled" });
  });

  it("reminds the assignee at a lead time before the due moment, once", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = new Date(Date.now() + 3 * 24 * HOUR);
    const task = await delegate(db, org.boss, org.tech.id, due, [{ type: "before", offsetMinutes: 90, channel: "sms" }]);
    const { ctx, moments } = await runTimeline(db, task.id, 1);
    const reminderAt = new Date(wallClockToInstant(local(due), WAW)!.getTime() - 90 * 60_000);
    expect(moments[0]!.key).toBe(`reminder:task:${task.id}:${org.tech.id}:${reminderAt.toISOString()}:sms`);
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith(moments[0]!.key, reminderAt.toISOString());
    const rows = timelineKinds(await sentFor(db, task.id));
    const reminders = rows.filter((r) => r.kind === "reminder.task");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ recipientId: org.tech.id, channel: "sms", title: "Reminder: task #" + task.number });
    // A second run for the same version (an overlapping run) sends nothing more.
    await runTimeline(db, task.id, 1, moments);
    expect(timelineKinds(await sentFor(db, task.id))).toHaveLength(rows.length);
  });

  it("reminds at an absolute moment, even for a task without a due time", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const at = new Date(Math.ceil((Date.now() + 5 * 24 * HOUR) / 60_000) * 60_000);
    const task = await perform(
      db,
      org.boss.viewer,
      createTask,
      createTaskInput.parse({ title: "Oddzwonić", assigneeId: org.tech.id, reminders: [{ type: "at", fireAt: local(at) }] }),
    );
    const { moments } = await runTimeline(db, task.id, 1);
    expect(moments.map((m) => m.at)).toEqual([at.toISOString()]);
    const rows = timelineKinds(await sentFor(db, task.id));
    expect(rows.map((r) => [r.kind, r.recipientId, r.payload.momentAt])).toEqual([["reminder.task", org.tech.id, at.toISOString()]]);
  });

  it("after a reschedule the old run does nothing and the new time fires once", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = new Date(Date.now() + 2 * 24 * HOUR);
    const task = await delegate(db, org.boss, org.tech.id, due, [{ type: "before", offsetMinutes: 60 }]);
    const oldPlan = (await pendingMoments(db, task.id, 1)).map((m) => ({ key: m.key, at: m.at.toISOString() }));

    const later = new Date(due.getTime() + 24 * HOUR);
    const updated = await perform(db, org.boss.viewer, updateTask, updateTaskInput.parse({ taskId: task.id, dueAt: local(later) }));
    // The old run wakes with the plan it made before the change: it finds a newer version and stops.
    const old = await runTimeline(db, task.id, 1, oldPlan);
    expect(old.result).toMatchObject({ stopped: "changed" });
    expect(timelineKinds(await sentFor(db, task.id))).toEqual([]);

    await runTimeline(db, task.id, updated.version);
    await runTimeline(db, task.id, updated.version);
    await reconcileTimelines(db, new Date(later.getTime() + 3 * 24 * HOUR));
    const reminders = timelineKinds(await sentFor(db, task.id)).filter((r) => r.kind === "reminder.task");
    expect(reminders.map((r) => r.payload.momentAt)).toEqual([new Date(wallClockToInstant(local(later), WAW)!.getTime() - HOUR).toISOString()]);
  });

  it("sends no overdue notice and no escalation for a task completed before its due moment", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = new Date(Date.now() + 24 * HOUR);
    const task = await delegate(db, org.boss, org.tech.id, due, [], { priority: "urgent" });
    const plan = (await pendingMoments(db, task.id, 1)).map((m) => ({ key: m.key, at: m.at.toISOString() }));
    expect(plan.length).toBeGreaterThan(0);
    const finished = await perform(db, org.tech.viewer, changeStatus, { taskId: task.id, status: "done" });
    await runTimeline(db, task.id, 1, plan);
    expect(await pendingMoments(db, task.id, finished.version)).toEqual([]);
    await reconcileTimelines(db, new Date(due.getTime() + 30 * 24 * HOUR));
    expect(timelineKinds(await sentFor(db, task.id))).toEqual([]);
  });

  it("tells assignee and delegator when overdue, then the supervisor, then the supervisor's supervisor", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    await db
      .insert(workSchedule)
      .values({ id: 1, secondLevelEnabled: true, secondLevelDelay: 30, secondLevelUnit: "minutes" })
      .onConflictDoUpdate({
        target: workSchedule.id,
        set: { secondLevelEnabled: true, secondLevelDelay: 30, secondLevelUnit: "minutes" },
      });
    try {
      const due = new Date(Math.ceil((Date.now() + 24 * HOUR) / 60_000) * 60_000);
      const task = await delegate(db, org.boss, org.tech.id, due, [], { priority: "urgent" });
      const { ctx } = await runTimeline(db, task.id, 1);
      const rows = timelineKinds(await sentFor(db, task.id));
      expect(rows.map((r) => [r.kind, r.recipientId, r.payload.momentAt]).sort()).toEqual(
        [
          ["task.overdue", org.tech.id, due.toISOString()],
          ["task.overdue", org.boss.id, due.toISOString()],
          // Urgent: one hour after the due moment to the tech's supervisor (lead), 30 min later to the lead's (manager).
          ["task.escalated", org.lead.id, new Date(due.getTime() + HOUR).toISOString()],
          ["task.escalated", org.manager.id, new Date(due.getTime() + 1.5 * HOUR).toISOString()],
        ].sort(),
      );
      expect(ctx.step.sleepUntil).toHaveBeenCalledTimes(4);
      const firings = await db
        .select()
        .from(moments)
        .where(and(eq(moments.itemId, task.id), eq(moments.kind, "escalation"), isNotNull(moments.sentAt)));
      expect(firings.map((f) => f.level).sort()).toEqual([1, 2]);
      expect(rows.every((r) => r.recipientId !== org.boss.id || r.kind === "task.overdue")).toBe(true);
    } finally {
      await db.update(workSchedule).set({ secondLevelEnabled: false }).where(eq(workSchedule.id, 1));
    }
  });

  it("reminds '1 day before' at the same local time across both Warsaw DST changes, under a process zone far from UTC", async () => {
    expect(["America/New_York", "Asia/Tokyo"]).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const assignee = await makeUser(db, { timeZone: WAW, supervisorId: org.lead.id });
    for (const [sunday, saturdayUtc] of [
      ["2027-03-28T09:00", "2027-03-27T08:00:00.000Z"],
      ["2027-10-31T09:00", "2027-10-30T07:00:00.000Z"],
    ] as const) {
      const task = await perform(
        db,
        org.boss.viewer,
        createTask,
        createTaskInput.parse({ title: "Inwentaryzacja", assigneeId: assignee.id, dueAt: sunday, reminders: [{ type: "before", offsetMinutes: 1440 }] }),
      );
      const { ctx, moments } = await runTimeline(db, task.id, 1);
      expect(moments[0]!.at).toBe(saturdayUtc);
      expect(instantToWallClock(new Date(saturdayUtc), WAW)).toBe(`${sunday.slice(0, 8)}${String(Number(sunday.slice(8, 10)) - 1).padStart(2, "0")}T09:00`);
      expect(ctx.step.sleepUntil).toHaveBeenCalledWith(moments[0]!.key, saturdayUtc);
      const [reminder] = timelineKinds(await sentFor(db, task.id)).filter((r) => r.kind === "reminder.task");
      expect(reminder?.payload.momentAt).toBe(saturdayUtc);
    }
  });

  it("notifies exactly once when the run is retried after the provider was called", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const phone = "+48601777001";
    const assignee = await makeUser(db, { phone, phoneVerifiedAt: new Date(), supervisorId: org.lead.id });
    const due = new Date(Date.now() + 2 * 24 * HOUR);
    const task = await delegate(db, org.boss, assignee.id, due, [{ type: "before", offsetMinutes: 30, channel: "sms" }]);
    const plan = (await pendingMoments(db, task.id, 1)).slice(0, 1).map((m) => ({ key: m.key, at: m.at.toISOString() }));

    await runTimeline(db, task.id, 1, plan);
    const [reminder] = (await sentFor(db, task.id)).filter((r) => r.kind === "reminder.task");
    const deliver = () =>
      new InngestTestEngine({
        function: deliverNotification,
        events: [{ name: "baton/notification.created", data: { notificationId: reminder!.id } }],
      }).execute();
    await deliver();
    expect(providers.fake.sms.filter((s) => s.to === phone)).toHaveLength(1);

    // Inngest retries the whole run (the step's result was lost after the SMS went out).
    await runTimeline(db, task.id, 1, plan);
    await deliver();
    await reconcileTimelines(db, new Date(Date.parse(plan[0]!.at) + 60_000));
    expect((await sentFor(db, task.id)).filter((r) => r.kind === "reminder.task")).toHaveLength(1);
    expect(providers.fake.sms.filter((s) => s.to === phone)).toHaveLength(1);
  });
});

describe("reconcile", () => {
  it("sends a reminder and overdue notice whose run never started (a lost event), once", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = new Date(Date.now() + 2 * HOUR);
    const task = await delegate(db, org.boss, org.tech.id, due, [{ type: "before", offsetMinutes: 60 }]);
    const dueAt = wallClockToInstant(local(due), WAW)!;

    await reconcileTimelines(db, new Date(dueAt.getTime() - 61 * 60_000));
    expect(timelineKinds(await sentFor(db, task.id))).toEqual([]);
    await reconcileTimelines(db, new Date(dueAt.getTime() - 59 * 60_000));
    await reconcileTimelines(db, new Date(dueAt.getTime() + 60_000));
    await reconcileTimelines(db, new Date(dueAt.getTime() + 2 * 60_000));
    const rows = timelineKinds(await sentFor(db, task.id));
    expect(rows.map((r) => [r.kind, r.recipientId]).sort()).toEqual(
      [
        ["reminder.task", org.tech.id],
        ["task.overdue", org.boss.id],
        ["task.overdue", org.tech.id],
      ].sort(),
    );
  });

  it("runs as an Inngest cron every minute", async () => {
    expect(reconcileTimelinesFn.opts.triggers).toEqual([{ cron: "* * * * *" }]);
    const { result } = await new InngestTestEngine({ function: reconcileTimelinesFn }).execute();
    expect(result).toMatchObject({ checked: expect.any(Number) });
  });

  it("uses the assignee's default reminders on a task without its own", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { reminderDefaults } = await import("@/db/schema");
    await db.insert(reminderDefaults).values({ userId: org.tech2.id, offsetMinutes: 120 });
    const due = new Date(Date.now() + 24 * HOUR);
    const task = await delegate(db, org.boss, org.tech2.id, due, []);
    const moments = await pendingMoments(db, task.id, 1);
    expect(moments[0]).toMatchObject({ kind: "reminder", recipientId: org.tech2.id });
    expect(moments[0]!.at.getTime()).toBe(wallClockToInstant(local(due), WAW)!.getTime() - 2 * HOUR);
    const keys = await db
      .select({ k: notifications.dedupeKey })
      .from(notifications)
      .where(like(notifications.dedupeKey, `reminder:task:${task.id}:%`));
    expect(keys).toEqual([]);
  });
});

describe("saveEscalationSettingsAction", () => {
  const valid = {
    policy: {
      low: { delay: 2, unit: "working_days" },
      normal: { delay: 6, unit: "working_hours" },
      high: { delay: 2, unit: "working_hours" },
      urgent: { delay: 30, unit: "minutes" },
    },
    secondLevelEnabled: true,
    secondLevelDelay: 4,
    secondLevelUnit: "working_hours",
    timeZone: "Europe/Warsaw",
    workDays: [1, 2, 3, 4, 5, 6],
    dayStart: "07:00",
    dayEnd: "15:00",
    holidayCountry: "none",
  } as const;

  it("is for admins only, refuses a bad schedule, and changes the timeline when saved", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { actAs } = await import("@/lib/testing/acting");
    const { saveEscalationSettingsAction } = await import("./actions");
    const { escalationSettings } = await import("./settings");
    const { escalationPolicies } = await import("@/db/schema");
    const before = await escalationSettings(db);
    try {
      actAs(org.manager.viewer);
      expect(await saveEscalationSettingsAction({ ...valid, workDays: [...valid.workDays] })).toMatchObject({ ok: false, code: "forbidden" });
      actAs(org.admin.viewer);
      const bad = await saveEscalationSettingsAction({ ...valid, workDays: [], dayEnd: "06:00", timeZone: "Mars/Base" });
      expect(bad).toMatchObject({ ok: false, code: "invalid" });
      expect(Object.keys(bad.ok ? {} : (bad.fieldErrors ?? {})).sort()).toEqual(["dayEnd", "timeZone", "workDays"].sort());
      const badCountry = await saveEscalationSettingsAction({ ...valid, workDays: [...valid.workDays], holidayCountry: "XX" as "PL" });
      expect(badCountry).toMatchObject({ ok: false, code: "invalid", fieldErrors: { holidayCountry: [expect.any(String)] } });
      expect(await escalationSettings(db)).toEqual(before);

      expect(await saveEscalationSettingsAction({ ...valid, workDays: [...valid.workDays] })).toMatchObject({ ok: true });
      const saved = await escalationSettings(db);
      expect(saved.policy.byPriority.urgent).toEqual({ delay: 30, unit: "minutes" });
      expect(saved.schedule).toEqual({
        timeZone: "Europe/Warsaw",
        workDays: [1, 2, 3, 4, 5, 6],
        dayStart: "07:00",
        dayEnd: "15:00",
        holidays: { country: "none", added: [], removed: [] },
      });
      const due = new Date(Math.ceil((Date.now() + 24 * HOUR) / 60_000) * 60_000);
      const task = await delegate(db, org.boss, org.tech.id, due, [], { priority: "urgent" });
      const escalation = (await pendingMoments(db, task.id, 1)).find((m) => m.kind === "escalation" && m.level === 1);
      expect(escalation!.at.getTime() - due.getTime()).toBe(30 * 60_000);
    } finally {
      await db.delete(escalationPolicies);
      await db.delete(workSchedule);
    }
  });
});
