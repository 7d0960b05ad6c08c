import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { notificationDeliveries, notifications, taskWatchers, users } from "@/db/schema";
import { saveKindChannelsAction } from "@/lib/notify/actions";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { footprint, makeTaskOrg, noticesOf, TASK_INPUT } from "@/lib/testing/task-org";
import { changeStatusAction, commentOnTaskAction, unwatchTaskAction, watchTaskAction } from "./actions";
import { createTask } from "./commands";
import { mentionToken } from "./mention-text";
import { watchersOf } from "./watch";

/** lead delegates to tech; manager and boss (above both) and admin may see it, tech2 and stranger may not. */
async function delegated() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const { id } = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, title: "Wymiana uszczelki", assigneeId: org.tech.id });
  return { db, org, id };
}

async function watcherRows(db: Db, taskId: string) {
  return (await db.select({ userId: taskWatchers.userId }).from(taskWatchers).where(eq(taskWatchers.taskId, taskId))).map((r) => r.userId).sort();
}

/** [kind, recipient] of every notice about the task except the assignee's first "assigned". */
async function news(db: Db, taskId: string) {
  return (await noticesOf(db, taskId)).filter((n) => n.kind !== "task.assigned").map((n) => [n.kind, n.recipientId]);
}

describe("watching a task", () => {
  it("lets anyone who may see the task watch and stop, and lists the watchers by name", async () => {
    const { db, org, id } = await delegated();
    for (const who of [org.manager, org.boss, org.admin]) {
      actAs(who.viewer);
      expect(await watchTaskAction({ taskId: id })).toEqual({ ok: true, data: { taskId: id, watching: true } });
    }
    // Watching twice is one watch.
    expect(await watchTaskAction({ taskId: id })).toMatchObject({ ok: true });
    expect(await watcherRows(db, id)).toEqual([org.manager.id, org.boss.id, org.admin.id].sort());
    expect((await watchersOf(db, { id })).map((w) => w.name)).toEqual(["Admin", "Kierownik", "Szef"]);

    actAs(org.boss.viewer);
    expect(await unwatchTaskAction({ taskId: id })).toEqual({ ok: true, data: { taskId: id, watching: false } });
    expect(await watcherRows(db, id)).toEqual([org.manager.id, org.admin.id].sort());
  });

  it("refuses a stranger and a colleague who may not see the task, and changes nothing", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    await watchTaskAction({ taskId: id });
    for (const who of [org.stranger, org.tech2]) {
      actAs(who.viewer);
      expect(await watchTaskAction({ taskId: id })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await unwatchTaskAction({ taskId: id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await watcherRows(db, id)).toEqual([org.manager.id]);
    actAs(null);
    expect(await watchTaskAction({ taskId: id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await watcherRows(db, id)).toEqual([org.manager.id]);
  });

  it("answers an unknown or malformed task with a clear error", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    expect(await watchTaskAction({ taskId: "6f1d1c7e-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "not_found", error: "Task not found." });
    expect(await watchTaskAction({ taskId: "not-a-task" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await watcherRows(db, id)).toEqual([]);
  });
});

describe("what watchers hear", () => {
  it("tells watchers of status changes in their own language, once each, and nobody twice", async () => {
    const { db, org, id } = await delegated();
    await db.update(users).set({ locale: "en" }).where(eq(users.id, org.boss.id));
    // The delegator watching too gets what a delegator gets, never a second watcher's notice.
    for (const who of [org.manager, org.boss, org.lead, org.tech]) {
      actAs(who.viewer);
      await watchTaskAction({ taskId: id });
    }
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: true });
    expect(await changeStatusAction({ taskId: id, status: "done" })).toMatchObject({ ok: true });
    const all = await noticesOf(db, id);
    expect(await news(db, id)).toEqual(
      expect.arrayContaining([
        ["task.watchedStatus", org.manager.id],
        ["task.watchedStatus", org.boss.id],
        ["task.completed", org.lead.id],
      ]),
    );
    expect(all.filter((n) => n.kind === "task.watchedStatus")).toHaveLength(4);
    expect(all.filter((n) => n.recipientId === org.lead.id).map((n) => n.kind)).toEqual(["task.completed"]);
    expect(all.filter((n) => n.recipientId === org.tech.id).map((n) => n.kind)).toEqual(["task.assigned"]);
    const bossDone = all.find((n) => n.recipientId === org.boss.id && (n.payload as { to?: string }).to === "done")!;
    expect(bossDone.title).toMatch(/^Task #\d+: Done$/);
    expect(bossDone.body).toBe("Serwisant has changed the status of “Wymiana uszczelki”: In progress → Done.");
    const managerDone = all.find((n) => n.recipientId === org.manager.id && (n.payload as { to?: string }).to === "done")!;
    expect(managerDone.title).toMatch(/^Zadanie #\d+: /);
  });

  it("routes a watcher's notice in-app only by default, and by the channels they chose for that kind", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    await watchTaskAction({ taskId: id });
    actAs(org.tech.viewer);
    await changeStatusAction({ taskId: id, status: "in_progress" });
    const deliveriesOf = async (recipientId: string) =>
      (
        await db
          .select({ channel: notificationDeliveries.channel })
          .from(notificationDeliveries)
          .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
          .where(and(eq(notifications.recipientId, recipientId), eq(notifications.kind, "task.watchedStatus")))
      ).map((d) => d.channel);
    expect(await deliveriesOf(org.manager.id)).toEqual([]);

    actAs(org.manager.viewer);
    expect(await saveKindChannelsAction({ kinds: { "task.watchedStatus": ["email"] } })).toMatchObject({ ok: true });
    expect(await saveKindChannelsAction({ kinds: { "task.assigned": ["email"] } })).toMatchObject({ ok: false, code: "invalid" });
    actAs(org.tech.viewer);
    await changeStatusAction({ taskId: id, status: "open" });
    expect(await deliveriesOf(org.manager.id)).toEqual(["email"]);
  });

  it("tells watchers of a comment, and a mentioned watcher gets the mention only", async () => {
    const { db, org, id } = await delegated();
    for (const who of [org.manager, org.boss]) {
      actAs(who.viewer);
      await watchTaskAction({ taskId: id });
    }
    actAs(org.lead.viewer);
    const comment = `${mentionToken(org.boss.id)} proszę o decyzję w sprawie części <b>zamiennych</b>`;
    const done = await commentOnTaskAction({ taskId: id, comment });
    expect(done).toMatchObject({ ok: true });
    const all = await noticesOf(db, id);
    expect(await news(db, id)).toEqual([
      ["task.mentioned", org.boss.id],
      ["task.watchedComment", org.manager.id],
    ]);
    const mention = all.find((n) => n.kind === "task.mentioned")!;
    expect(mention.title).toMatch(/^Brygadzista wspomina o Tobie w zadaniu #\d+$/);
    expect(mention.body).toContain("@Szef proszę o decyzję w sprawie części <b>zamiennych</b>");
    // The assignee hears of comments as before (not at all), the author never of their own.
    expect(all.filter((n) => n.recipientId === org.tech.id || n.recipientId === org.lead.id).map((n) => n.kind)).toEqual(["task.assigned"]);
  });

  it("tells a mentioned assignee, and the watcher who comments hears nothing of their own comment", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    await watchTaskAction({ taskId: id });
    expect(await commentOnTaskAction({ taskId: id, comment: `Sprawdź to, ${mentionToken(org.tech.id)}` })).toMatchObject({ ok: true });
    expect(await news(db, id)).toEqual([["task.mentioned", org.tech.id]]);
  });

  it("stops telling a watcher who lost access to the task, though the watch row remains", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    await watchTaskAction({ taskId: id });
    // The lead moves to another manager's team: the manager is no longer above the lead nor the tech.
    const other = await makeUser(db, { role: "manager", name: "Inny kierownik" });
    await db.update(users).set({ supervisorId: other.id }).where(eq(users.id, org.lead.id));
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: id, status: "in_progress" })).toMatchObject({ ok: true });
    actAs(org.lead.viewer);
    expect(await commentOnTaskAction({ taskId: id, comment: "Zamówiłem części." })).toMatchObject({ ok: true });
    expect(await watcherRows(db, id)).toEqual([org.manager.id]);
    expect((await noticesOf(db, id)).filter((n) => n.recipientId === org.manager.id)).toEqual([]);
  });
});

describe("mentions", () => {
  it("refuses a mention of someone who may not see the task: nothing is written, they get nothing, the author is told who", async () => {
    const { db, org, id } = await delegated();
    actAs(org.manager.viewer);
    await watchTaskAction({ taskId: id });
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    for (const who of [org.tech2, org.stranger]) {
      expect(await commentOnTaskAction({ taskId: id, comment: `Pomożesz? ${mentionToken(who.id)}` })).toEqual({
        ok: false,
        code: "invalid",
        error: `${who.name} cannot see this task, so the comment was not added and nobody was notified. Remove the mention, or ask the delegator to involve them.`,
      });
    }
    expect(await footprint(db, id)).toEqual(before);
    const toThem = await db
      .select()
      .from(notifications)
      .where(inArray(notifications.recipientId, [org.tech2.id, org.stranger.id]));
    expect(toThem).toEqual([]);
  });

  it("refuses a mention of an unknown or deactivated account, and too many mentions", async () => {
    const { db, org, id } = await delegated();
    const gone = await makeUser(db, { name: "Były pracownik", active: false, supervisorId: org.lead.id });
    const before = await footprint(db, id);
    actAs(org.lead.viewer);
    for (const userId of ["6f1d1c7e-0000-4000-8000-000000000000", gone.id]) {
      expect(await commentOnTaskAction({ taskId: id, comment: `Hej ${mentionToken(userId)}` })).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { comment: ["A mentioned person is not an active Baton user. Remove the mention and pick them again."] },
      });
    }
    const many = Array.from({ length: 11 }, (_, i) => mentionToken(`6f1d1c7e-0000-4000-8000-0000000000${String(i).padStart(2, "0")}`)).join(" ");
    expect(await commentOnTaskAction({ taskId: id, comment: many })).toMatchObject({ ok: false, code: "invalid" });
    expect(await commentOnTaskAction({ taskId: "6f1d1c7e-0000-4000-8000-000000000000", comment: "Hej" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await footprint(db, id)).toEqual(before);
  });

  it("refuses a stranger's comment with a mention, and mentions nobody", async () => {
    const { db, org, id } = await delegated();
    const before = await footprint(db, id);
    actAs(org.stranger.viewer);
    expect(await commentOnTaskAction({ taskId: id, comment: `Hej ${mentionToken(org.tech.id)}` })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await footprint(db, id)).toEqual(before);
  });
});
