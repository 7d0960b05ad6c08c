import { perform } from "@/lib/testing/perform";
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { POST as snoozeRoute } from "@/app/api/notifications/snooze/route";
import type { Db } from "@/db";
import { notificationDeliveries, notifications } from "@/db/schema";
import { env } from "@/lib/config/env";
import { inProcessDispatcher } from "@/lib/jobs/in-process";
import { fireDueMoments, pendingMoments } from "@/lib/reminders/fire";
import { createTaskAction, reassignTaskAction } from "@/lib/tasks/actions";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { instantToWallClock } from "@/lib/time/zoned";
import { dispatcher, setDispatcher, type Dispatcher, type Effect } from ".";

const HOUR = 3_600_000;

/** Stands in for the engine: records each dispatch and what the database held at that moment. */
function observingDispatcher(db: Db) {
  const seen: { effects: Effect[]; committed: number }[] = [];
  const observer: Dispatcher = {
    name: "observer",
    async dispatch(effects) {
      const ids = effects.flatMap((e) => (e.kind === "notify" ? e.ids : []));
      // A separate read: it sees the notifications only if their transaction has committed.
      const rows = ids.length ? await db.select({ id: notifications.id }).from(notifications).where(inArray(notifications.id, ids)) : [];
      seen.push({ effects: [...effects], committed: rows.length });
    },
  };
  return { observer, seen };
}

const original = dispatcher();
afterEach(() => setDispatcher(original));

async function people(db: Db) {
  const boss = await makeUser(db, { role: "manager" });
  const tech = await makeUser(db, { supervisorId: boss.id });
  return { boss, tech };
}

describe("after a command commits", () => {
  it("hands exactly one notify effect with the outbox ids and one schedule effect to the dispatcher", async () => {
    const db = await testDb();
    const { boss, tech } = await people(db);
    const { observer, seen } = observingDispatcher(db);
    setDispatcher(observer);
    actAs(boss.viewer);
    const created = await createTaskAction({ title: "Przegląd kotła", assigneeId: tech.id });
    if (!created.ok) throw new Error(created.error);
    await expect.poll(() => seen.length).toBe(1);

    const written = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.recipientId, tech.id));
    expect(written).toHaveLength(1);
    expect(seen[0]!.effects).toEqual([
      { kind: "notify", ids: [written[0]!.id] },
      { kind: "schedule", item: { type: "task", id: created.data.id, version: 1 } },
    ]);
    expect(seen[0]!.committed).toBe(1);
  });

  it("dispatches nothing for a command that fails", async () => {
    const db = await testDb();
    const { boss, tech } = await people(db);
    actAs(boss.viewer);
    const created = await createTaskAction({ title: "Przegląd kotła", assigneeId: tech.id });
    if (!created.ok) throw new Error(created.error);
    const { observer, seen } = observingDispatcher(db);
    setDispatcher(observer);
    // The assignee may not hand the task on: refused inside the transaction, after nothing is written.
    actAs(tech.viewer);
    const refused = await reassignTaskAction({ taskId: created.data.id, assigneeId: boss.id });
    expect(refused.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
  });

  it("the snooze route hands its schedule effect to the same dispatcher", async () => {
    const db = await testDb();
    const { boss, tech } = await people(db);
    actAs(boss.viewer);
    const due = new Date(Date.now() + 2 * HOUR);
    const created = await createTaskAction({
      title: "Wymiana filtra",
      assigneeId: tech.id,
      dueAt: instantToWallClock(due, boss.timeZone),
      reminders: [{ type: "before", offsetMinutes: 60 }],
    });
    if (!created.ok) throw new Error(created.error);
    const [moment] = await pendingMoments(db, created.data.id, 1);
    await perform(db, null, (work, upTo: Date) => fireDueMoments(work, created.data.id, { upTo }), moment!.at, { now: moment!.at });
    const [reminder] = await db.select().from(notifications).where(eq(notifications.dedupeKey, moment!.key));

    const { observer, seen } = observingDispatcher(db);
    setDispatcher(observer);
    actAs(tech.viewer);
    const origin = new URL(env().APP_URL).origin;
    const res = await snoozeRoute(
      new Request(`${origin}/api/notifications/snooze`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ notificationId: reminder!.id, snooze: "10m" }),
      }),
    );
    expect(res.status).toBe(200);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.effects).toEqual([
      { kind: "schedule", item: { type: "task", id: created.data.id, version: 1, reason: expect.stringMatching(/^snooze-/) as unknown as string } },
    ]);
  });

  it("the in-process engine delivers the notification in this process once the change has committed", async () => {
    const db = await testDb();
    const { boss, tech } = await people(db);
    setDispatcher(inProcessDispatcher);
    actAs(boss.viewer);
    const created = await createTaskAction({ title: "Przegląd kotła", assigneeId: tech.id });
    if (!created.ok) throw new Error(created.error);
    const [notice] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.recipientId, tech.id));
    const email = () =>
      db
        .select({ status: notificationDeliveries.status })
        .from(notificationDeliveries)
        .where(and(eq(notificationDeliveries.notificationId, notice!.id), eq(notificationDeliveries.channel, "email")));
    await expect.poll(async () => (await email())[0]?.status, { timeout: 5000 }).toBe("sent");
  });
});
