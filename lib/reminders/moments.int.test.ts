import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { escalationPolicies, moments, notifications, tasks, users, workSchedule } from "@/db/schema";
import { runUnit } from "@/lib/effects/unit";
import { perform, performedEffects } from "@/lib/testing/perform";
import { createTask, updateTask } from "@/lib/tasks/commands";
import { createTaskInput, updateTaskInput } from "@/lib/tasks/schema";
import { testDb } from "@/lib/testing/db";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { dueUnsentMoments } from "@/lib/timelines/reconcile";
import { instantToWallClock } from "@/lib/time/zoned";
import { saveEscalationSettings } from "./commands";
import { fireDueMoments, pendingMoments, type FireOptions } from "./fire";
import { timelineOfTask } from "./queries";
import { reconcileTimelines } from "./reconcile";
import { escalationSettingsInput } from "./schema";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A whole minute at least `ms` from now: due times are entered to the minute. */
const minuteFromNow = (ms: number) => new Date(Math.ceil((Date.now() + ms) / MINUTE) * MINUTE);

type Org = Awaited<ReturnType<typeof makeTaskOrg>>;

async function momentsOf(db: Db, taskId: string) {
  return db.select().from(moments).where(eq(moments.itemId, taskId)).orderBy(moments.at, moments.momentKey);
}

async function timelineNotices(db: Db, taskId: string) {
  const rows = await db
    .select({ kind: notifications.kind, recipientId: notifications.recipientId, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.link, `/tasks/${taskId}`), inArray(notifications.kind, ["reminder.task", "task.overdue", "task.escalated"])));
  return rows.map((r) => [r.kind, r.recipientId] as const).sort();
}

/** A run waking at `upTo`: one unit whose clock is that instant, as before the unit of work. */
function fire(db: Db, taskId: string, options: FireOptions) {
  return runUnit(db, null, (work) => fireDueMoments(work, taskId, options), { now: options.upTo });
}

function create(db: Db, org: Org, due: Date, extra: Record<string, unknown> = {}, now?: Date) {
  const dueAt = instantToWallClock(due, org.boss.viewer.timeZone);
  return perform(db, org.boss.viewer, createTask, createTaskInput.parse({ title: "Przegląd kotła", assigneeId: org.tech.id, dueAt, ...extra }), { now });
}

function moveDue(db: Db, org: Org, taskId: string, due: Date, now?: Date) {
  return perform(db, org.boss.viewer, updateTask, updateTaskInput.parse({ taskId, dueAt: instantToWallClock(due, org.boss.viewer.timeZone) }), { now });
}

describe("moments are written with the change", () => {
  it("stores a task's moments in the transaction that creates it, and replaces the pending ones of the old version on a change", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = minuteFromNow(2 * DAY);
    const task = await create(db, org, due, { priority: "urgent", reminders: [{ type: "before", offsetMinutes: 60 }] });

    // Read back right after the command, with no run or job having started.
    const written = await momentsOf(db, task.id);
    expect(written.map((m) => [m.kind, m.recipientId, m.at.toISOString(), m.version, m.sentAt, m.outcome]).sort()).toEqual(
      [
        ["reminder", org.tech.id, new Date(due.getTime() - HOUR).toISOString(), 1, null, null],
        ["overdue", org.tech.id, due.toISOString(), 1, null, null],
        ["overdue", org.boss.id, due.toISOString(), 1, null, null],
        ["escalation", org.lead.id, new Date(due.getTime() + HOUR).toISOString(), 1, null, null],
      ].sort(),
    );

    const later = new Date(due.getTime() + DAY);
    const updated = await moveDue(db, org, task.id, later);
    const rewritten = await momentsOf(db, task.id);
    // The old version's pending moments are gone; the new due moment's are there, for version 2.
    expect(rewritten.every((m) => m.version === updated.version && m.dueAt?.getTime() === later.getTime())).toBe(true);
    expect(rewritten.map((m) => m.at.toISOString()).sort()).toEqual(
      [new Date(later.getTime() - HOUR), later, later, new Date(later.getTime() + HOUR)].map((d) => d.toISOString()).sort(),
    );
    expect(await pendingMoments(db, task.id, 1)).toEqual([]);
    expect(await pendingMoments(db, task.id, updated.version)).toHaveLength(4);
  });

  it("writes nothing when the change is refused", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = minuteFromNow(DAY);
    const task = await create(db, org, due);
    const before = await momentsOf(db, task.id);
    // The assignee may not move the delegator's due time.
    await expect(
      perform(
        db,
        org.tech.viewer,
        updateTask,
        updateTaskInput.parse({ taskId: task.id, dueAt: instantToWallClock(new Date(due.getTime() + DAY), org.tech.viewer.timeZone) }),
      ),
    ).rejects.toThrow();
    expect(await momentsOf(db, task.id)).toEqual(before);
  });
});

describe("a moment already past when it is set", () => {
  it("is not sent: a task created due four days ago, then corrected to another past time, tells nobody; moved ahead, it fires when due", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const task = await create(db, org, minuteFromNow(-4 * DAY), { priority: "urgent" });
    const skipped = await momentsOf(db, task.id);
    expect(skipped.map((m) => m.kind).sort()).toEqual(["escalation", "overdue", "overdue"]);
    expect(skipped.every((m) => m.outcome === "skipped_past" && m.sentAt === null)).toBe(true);
    await reconcileTimelines(db, new Date());
    expect(await timelineNotices(db, task.id)).toEqual([]);

    // The task still shows overdue: that is read from the task, not from moments.
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect((await timelineOfTask(db, row!)).escalation.overdueSince).toEqual(row!.dueAt);

    const corrected = await moveDue(db, org, task.id, minuteFromNow(-2 * DAY));
    await reconcileTimelines(db, new Date());
    await fire(db, task.id, { upTo: new Date(), version: corrected.version });
    expect(await timelineNotices(db, task.id)).toEqual([]);

    const due = minuteFromNow(2 * MINUTE);
    const ahead = await moveDue(db, org, task.id, due);
    expect((await pendingMoments(db, task.id, ahead.version)).map((m) => m.kind).sort()).toEqual(["escalation", "overdue", "overdue"]);
    await reconcileTimelines(db, new Date(due.getTime() + MINUTE));
    expect(await timelineNotices(db, task.id)).toEqual(
      [
        ["task.overdue", org.boss.id],
        ["task.overdue", org.tech.id],
      ].sort(),
    );
    await fire(db, task.id, { upTo: new Date(due.getTime() + HOUR + MINUTE) });
    expect(await timelineNotices(db, task.id)).toEqual(
      [
        ["task.escalated", org.lead.id],
        ["task.overdue", org.boss.id],
        ["task.overdue", org.tech.id],
      ].sort(),
    );
  });

  it("is not a moment that came due later: one set ahead still fires after an edit made once it had passed, and never twice", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = minuteFromNow(5 * MINUTE);
    const task = await create(db, org, due);
    // The run's event was lost; the title changes ten minutes after the due moment.
    const edited = await perform(db, org.boss.viewer, updateTask, updateTaskInput.parse({ taskId: task.id, title: "Przegląd kotła (pilne)" }), {
      now: new Date(due.getTime() + 10 * MINUTE),
    });
    const overdue = (await pendingMoments(db, task.id, edited.version)).filter((m) => m.kind === "overdue");
    expect(overdue.map((m) => m.recipientId).sort()).toEqual([org.boss.id, org.tech.id].sort());

    await fire(db, task.id, { upTo: new Date(due.getTime() + 11 * MINUTE) });
    const sent = await timelineNotices(db, task.id);
    expect(sent).toEqual(
      [
        ["task.overdue", org.boss.id],
        ["task.overdue", org.tech.id],
      ].sort(),
    );
    // A newer version with the same due moment keeps the sent moments sent.
    const again = await perform(db, org.boss.viewer, updateTask, updateTaskInput.parse({ taskId: task.id, title: "Przegląd kotła" }), {
      now: new Date(due.getTime() + 20 * MINUTE),
    });
    await fire(db, task.id, { upTo: new Date(due.getTime() + 21 * MINUTE), version: again.version });
    expect(await timelineNotices(db, task.id)).toEqual(sent);
  });
});

describe("reconcile", () => {
  it("sends an escalation that falls more than 60 days after the due moment", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    // Low priority escalates 61 days and 5 minutes after the due moment, 61 days ago: the
    // escalation is a few minutes ahead, the overdue notice long past (skipped).
    const delayMinutes = 61 * 24 * 60 + 5;
    await db
      .insert(escalationPolicies)
      .values({ priority: "low", delay: delayMinutes, unit: "minutes" })
      .onConflictDoUpdate({ target: escalationPolicies.priority, set: { delay: delayMinutes, unit: "minutes" } });
    try {
      const due = minuteFromNow(-61 * DAY);
      const task = await create(db, org, due, { priority: "low" });
      const escalationAt = new Date(due.getTime() + delayMinutes * MINUTE);
      const [escalation] = await pendingMoments(db, task.id, 1);
      expect(escalation).toMatchObject({ kind: "escalation", recipientId: org.lead.id, at: escalationAt });

      const now = new Date(escalationAt.getTime() + MINUTE);
      // The reconcile's own query finds it, whatever the distance from the due moment.
      expect((await dueUnsentMoments(db, now, 100_000)).some((m) => m.itemId === task.id)).toBe(true);
      await reconcileTimelines(db, now);
      expect(await timelineNotices(db, task.id)).toEqual([["task.escalated", org.lead.id]]);
    } finally {
      await db.delete(escalationPolicies).where(eq(escalationPolicies.priority, "low"));
    }
  });
});

describe("firing", () => {
  it("escalates to the supervisor the assignee has when the escalation falls due, not the one they had when it was written", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = minuteFromNow(2 * MINUTE);
    const task = await create(db, org, due, { priority: "urgent" });
    expect((await momentsOf(db, task.id)).find((m) => m.kind === "escalation")?.recipientId).toBe(org.lead.id);
    await db.update(users).set({ supervisorId: org.manager.id }).where(eq(users.id, org.tech.id));

    await fire(db, task.id, { upTo: new Date(due.getTime() + HOUR + MINUTE) });
    expect((await timelineNotices(db, task.id)).filter(([kind]) => kind === "task.escalated")).toEqual([["task.escalated", org.manager.id]]);
    const escalations = (await momentsOf(db, task.id)).filter((m) => m.kind === "escalation");
    expect(escalations.map((m) => [m.recipientId, m.sentAt !== null])).toEqual([[org.manager.id, true]]);
    // Sent once: another pass finds nothing more.
    await fire(db, task.id, { upTo: new Date(due.getTime() + 2 * HOUR) });
    expect((await timelineNotices(db, task.id)).filter(([kind]) => kind === "task.escalated")).toHaveLength(1);
  });
});

describe("escalation and the delegator", () => {
  it("tells nobody twice about one due moment, and escalates to no one about a task they delegated", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    await db.insert(workSchedule).values({ id: 1, secondLevelEnabled: true, secondLevelDelay: 30, secondLevelUnit: "minutes" });
    try {
      const delegate = async (delegator: Org["manager"]) => {
        const due = minuteFromNow(2 * MINUTE);
        const task = await perform(
          db,
          delegator.viewer,
          createTask,
          createTaskInput.parse({
            title: "Przegląd kotła",
            assigneeId: org.tech.id,
            dueAt: instantToWallClock(due, delegator.viewer.timeZone),
            priority: "urgent",
          }),
        );
        await fire(db, task.id, { upTo: new Date(due.getTime() + 2 * HOUR) });
        return timelineNotices(db, task.id);
      };
      // The supervisor's supervisor delegated it: the overdue notice is theirs, the supervisor gets the escalation.
      expect(await delegate(org.manager)).toEqual(
        [
          ["task.escalated", org.lead.id],
          ["task.overdue", org.manager.id],
          ["task.overdue", org.tech.id],
        ].sort(),
      );
      // The supervisor delegated it: the second level is told at its own time, the supervisor only as delegator.
      expect(await delegate(org.lead)).toEqual(
        [
          ["task.escalated", org.manager.id],
          ["task.overdue", org.lead.id],
          ["task.overdue", org.tech.id],
        ].sort(),
      );
    } finally {
      await db.delete(workSchedule);
    }
  });
});

describe("saveEscalationSettings", () => {
  const settings = (urgentMinutes: number) =>
    escalationSettingsInput.parse({
      policy: {
        low: { delay: 3, unit: "working_days" },
        normal: { delay: 1, unit: "working_days" },
        high: { delay: 4, unit: "working_hours" },
        urgent: { delay: urgentMinutes, unit: "minutes" },
      },
      secondLevelEnabled: false,
      secondLevelDelay: 1,
      secondLevelUnit: "working_days",
      timeZone: "Europe/Warsaw",
      workDays: [1, 2, 3, 4, 5],
      dayStart: "08:00",
      dayEnd: "16:00",
    });

  it("moves a pending escalation with the new policy and does not resend one already sent", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    try {
      const pendingDue = minuteFromNow(DAY);
      const pending = await create(db, org, pendingDue, { priority: "urgent" });
      const sentDue = minuteFromNow(2 * MINUTE);
      const sent = await create(db, org, sentDue, { priority: "urgent" });
      await fire(db, sent.id, { upTo: new Date(sentDue.getTime() + HOUR) });
      const sentBefore = (await momentsOf(db, sent.id)).find((m) => m.kind === "escalation")!;
      expect(sentBefore.sentAt).not.toBeNull();

      await perform(db, org.admin.viewer, saveEscalationSettings, settings(30));
      const effects = performedEffects().at(-1)!;

      const moved = (await momentsOf(db, pending.id)).find((m) => m.kind === "escalation")!;
      expect(moved.at.getTime()).toBe(pendingDue.getTime() + 30 * MINUTE);
      expect(moved.sentAt).toBeNull();
      expect(await pendingMoments(db, pending.id, 1)).toContainEqual(expect.objectContaining({ kind: "escalation", at: moved.at }));
      // The pending task gets a fresh run; the one already escalated is left as it was.
      expect(effects).toContainEqual({ kind: "schedule", item: expect.objectContaining({ type: "task", id: pending.id, version: 1 }) });
      expect((await momentsOf(db, sent.id)).find((m) => m.kind === "escalation")).toEqual(sentBefore);
      await fire(db, sent.id, { upTo: new Date(sentDue.getTime() + 2 * HOUR) });
      expect((await timelineNotices(db, sent.id)).filter(([kind]) => kind === "task.escalated")).toHaveLength(1);
    } finally {
      await db.delete(escalationPolicies);
      await db.delete(workSchedule);
    }
  });
});
