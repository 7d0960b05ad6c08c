import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { POST as snoozeRoute } from "@/app/api/notifications/snooze/route";
import type { Db } from "@/db";
import { notifications, reminderDefaults, reminderSnoozes } from "@/db/schema";
import { env } from "@/lib/config/env";
import { createTaskAction } from "@/lib/tasks/actions";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { actAs, recordedEvents } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { instantToWallClock } from "@/lib/time/zoned";
import { saveReminderDefaultsAction, snoozeReminderAction } from "./actions";
import { fireDueMoments, pendingMoments } from "./fire";

const HOUR = 3_600_000;

async function eventually<T>(read: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A task for org.tech with a reminder that has fired: the notification a snooze starts from. */
async function firedReminder(db: Db) {
  const org = await makeTaskOrg(db);
  const due = new Date(Date.now() + 2 * HOUR);
  actAs(org.boss.viewer);
  const created = await createTaskAction({
    title: "Wymiana filtra",
    assigneeId: org.tech.id,
    dueAt: instantToWallClock(due, org.boss.timeZone),
    reminders: [{ type: "before", offsetMinutes: 60 }],
  });
  if (!created.ok) throw new Error(created.error);
  const [moment] = await pendingMoments(db, created.data.id, 1);
  await perform(db, null, (work, upTo: Date) => fireDueMoments(work, created.data.id, { upTo }), moment!.at, { now: moment!.at });
  const [reminder] = await db.select().from(notifications).where(eq(notifications.dedupeKey, moment!.key));
  return { org, taskId: created.data.id, reminder: reminder! };
}

const snoozesOf = (db: Db, taskId: string) => db.select().from(reminderSnoozes).where(eq(reminderSnoozes.taskId, taskId));

describe("scheduling after commit", () => {
  it("starts the task's timeline run once the create has committed", async () => {
    const db = await testDb();
    const { taskId } = await firedReminder(db);
    const event = await eventually(() => recordedEvents().find((e) => e.name === "baton/task.scheduled" && e.data.taskId === taskId));
    expect(event).toMatchObject({ id: `task-${taskId}-v1`, data: { taskId, version: 1 } });
  });
});

describe("snoozeReminderAction", () => {
  it("refuses another user and bad input, writing nothing", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    for (const viewer of [org.stranger.viewer, org.boss.viewer, org.lead.viewer]) {
      actAs(viewer);
      expect(await snoozeReminderAction({ notificationId: reminder.id, snooze: "10m" })).toMatchObject({ ok: false, code: "not_found" });
    }
    actAs(org.tech.viewer);
    expect(await snoozeReminderAction({ notificationId: reminder.id, snooze: "next week" as "10m" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await snoozeReminderAction({ notificationId: "not-an-id", snooze: "10m" })).toMatchObject({ ok: false, code: "invalid" });
    actAs(null);
    expect(await snoozeReminderAction({ notificationId: reminder.id, snooze: "10m" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await snoozesOf(db, taskId)).toEqual([]);
    const [after] = await db.select().from(notifications).where(eq(notifications.id, reminder.id));
    expect(after!.readAt).toBeNull();
  });

  it("brings the reminder back at 09:00 tomorrow in the recipient's zone, once", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(org.tech.viewer);
    const result = await snoozeReminderAction({ notificationId: reminder.id, snooze: "tomorrow" });
    expect(result.ok).toBe(true);
    const [snooze] = await snoozesOf(db, taskId);
    // The tech works in Berlin.
    expect(instantToWallClock(snooze!.fireAt, "Europe/Berlin").slice(11)).toBe("09:00");
    expect(snooze!.fireAt.getTime() - Date.now()).toBeLessThan(34 * HOUR);
    const [read] = await db.select().from(notifications).where(eq(notifications.id, reminder.id));
    expect(read!.readAt).not.toBeNull();

    await perform(db, null, (work, upTo: Date) => fireDueMoments(work, taskId, { upTo }), snooze!.fireAt, { now: snooze!.fireAt });
    await perform(db, null, (work, upTo: Date) => fireDueMoments(work, taskId, { upTo }), new Date(snooze!.fireAt.getTime() + 60_000), {
      now: new Date(snooze!.fireAt.getTime() + 60_000),
    });
    const again = await db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `${reminder.dedupeKey}`));
    expect(again).toHaveLength(1);
    const snoozed = (await db.select().from(notifications).where(eq(notifications.recipientId, org.tech.id))).filter((n) =>
      n.dedupeKey.endsWith(`snooze-${snooze!.id}`),
    );
    expect(snoozed).toHaveLength(1);
  });
});

describe("POST /api/notifications/snooze", () => {
  const appOrigin = new URL(env().APP_URL).origin;
  // What public/sw.js and the app send: the browser adds Origin to every POST.
  const post = (body: unknown, headers: Record<string, string> = { origin: appOrigin, "content-type": "application/json" }) =>
    snoozeRoute(new Request(`${appOrigin}/api/notifications/snooze`, { method: "POST", headers, body: JSON.stringify(body) }));

  it("lets the recipient snooze from a push notification and refuses anyone else", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(null);
    expect((await post({ notificationId: reminder.id, snooze: "10m" })).status).toBe(401);
    actAs(org.stranger.viewer);
    expect((await post({ notificationId: reminder.id, snooze: "10m" })).status).toBe(404);
    actAs(org.tech.viewer);
    expect((await post({ notificationId: reminder.id, snooze: "soon" })).status).toBe(400);
    expect(await snoozesOf(db, taskId)).toEqual([]);

    const before = Date.now();
    const response = await post({ notificationId: reminder.id, snooze: "1h" });
    expect(response.status).toBe(200);
    const [snooze] = await snoozesOf(db, taskId);
    expect(snooze!.fireAt.getTime() - before).toBeGreaterThanOrEqual(HOUR - 1000);
    expect(snooze!.recipientId).toBe(org.tech.id);
  });

  it("refuses a cross-site request, one with no Origin and a text/plain body, writing nothing", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(org.tech.viewer);
    const body = { notificationId: reminder.id, snooze: "10m" };
    const crossSite = await post(body, { origin: "https://evil.example", "content-type": "application/json" });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: "forbidden" });
    expect((await post(body, { "content-type": "application/json" })).status).toBe(403);
    expect((await post(body, { origin: appOrigin, "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    // The classic CSRF form: <form enctype="text/plain"> posting JSON-looking text, no preflight needed.
    expect((await post(body, { origin: appOrigin, "content-type": "text/plain" })).status).toBe(415);
    expect((await post(body, { origin: appOrigin, "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect(await snoozesOf(db, taskId)).toEqual([]);
    const [after] = await db.select().from(notifications).where(eq(notifications.id, reminder.id));
    expect(after!.readAt).toBeNull();
  });

  it("answers someone else's reminder exactly like an id that does not exist", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(org.stranger.viewer);
    const theirs = await post({ notificationId: reminder.id, snooze: "10m" });
    const missing = await post({ notificationId: randomUUID(), snooze: "10m" });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await theirs.text()).toBe(await missing.text());
    expect([...theirs.headers]).toEqual([...missing.headers]);
    expect(await snoozesOf(db, taskId)).toEqual([]);
  });

  it("keeps one pending snooze per person and task, however many presses arrive at once", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(org.tech.viewer);
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => post({ notificationId: reminder.id, snooze: i % 2 ? "10m" : "1h" })));
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rows = await snoozesOf(db, taskId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sentAt).toBeNull();

    // The database holds the line even for a writer that skips the command.
    const again = db.insert(reminderSnoozes).values({ taskId, recipientId: org.tech.id, fireAt: new Date(Date.now() + HOUR) });
    await expect(again).rejects.toMatchObject({ cause: { code: "23505" } });

    actAs(org.stranger.viewer);
    expect((await post({ notificationId: reminder.id, snooze: "10m" })).status).toBe(404);
    expect(await snoozesOf(db, taskId)).toHaveLength(1);
  });

  it("moves the pending snooze when pressed again, and allows a new one once it has been sent", async () => {
    const db = await testDb();
    const { org, taskId, reminder } = await firedReminder(db);
    actAs(org.tech.viewer);
    expect((await post({ notificationId: reminder.id, snooze: "tomorrow" })).status).toBe(200);
    const before = Date.now();
    expect((await post({ notificationId: reminder.id, snooze: "10m" })).status).toBe(200);
    const [moved, ...others] = await snoozesOf(db, taskId);
    expect(others).toEqual([]);
    expect(moved!.fireAt.getTime() - before).toBeLessThan(11 * 60_000);

    await perform(db, null, (work, upTo: Date) => fireDueMoments(work, taskId, { upTo }), moved!.fireAt, { now: moved!.fireAt });
    const [sent] = await snoozesOf(db, taskId);
    expect(sent!.sentAt).not.toBeNull();
    const snoozedAgain = (await db.select().from(notifications).where(eq(notifications.recipientId, org.tech.id))).filter((n) =>
      n.dedupeKey.endsWith(`snooze-${moved!.id}`),
    );
    expect(snoozedAgain).toHaveLength(1);

    expect((await post({ notificationId: snoozedAgain[0]!.id, snooze: "1h" })).status).toBe(200);
    const rows = await snoozesOf(db, taskId);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.sentAt === null)).toHaveLength(1);
  });

  it("refuses to snooze a notification that is not a reminder", async () => {
    const db = await testDb();
    const { org } = await firedReminder(db);
    const [assigned] = await db.select().from(notifications).where(eq(notifications.recipientId, org.tech.id));
    actAs(org.tech.viewer);
    const other =
      (await db.select().from(notifications).where(eq(notifications.recipientId, org.tech.id))).find((n) => n.kind === "task.assigned") ?? assigned!;
    expect((await post({ notificationId: other.id, snooze: "10m" })).status).toBe(409);
  });
});

describe("saveReminderDefaultsAction", () => {
  it("replaces the viewer's own defaults and nobody else's; bad input changes nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    await db.insert(reminderDefaults).values({ userId: org.tech.id, offsetMinutes: 30 });
    actAs(org.stranger.viewer);
    expect(await saveReminderDefaultsAction({ reminders: [{ offsetMinutes: 1440, channel: "sms" }] })).toMatchObject({ ok: true });
    actAs(org.tech.viewer);
    expect(await saveReminderDefaultsAction({ reminders: [{ offsetMinutes: 2 }] })).toMatchObject({ ok: false, code: "invalid" });
    const tech = await db.select().from(reminderDefaults).where(eq(reminderDefaults.userId, org.tech.id));
    expect(tech.map((r) => r.offsetMinutes)).toEqual([30]);
    const stranger = await db.select().from(reminderDefaults).where(eq(reminderDefaults.userId, org.stranger.id));
    expect(stranger.map((r) => [r.offsetMinutes, r.channel])).toEqual([[1440, "sms"]]);
  });
});
