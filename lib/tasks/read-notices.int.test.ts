import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { notifications } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform } from "@/lib/testing/perform";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { changeStatusAction, markTaskNoticesReadAction } from "./actions";
import { createTask } from "./commands";
import { hasUnreadNoticesAbout } from "./read-notices";

const base = { ...TASK_INPUT, title: "Naprawa pieca" };

async function unread(db: Db, recipientId: string) {
  const rows = await db
    .select({ link: notifications.link, kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
  return rows.map((r) => `${r.kind} ${r.link}`).sort();
}

describe("opening a task reads the viewer's notices about it", () => {
  it("marks only the viewer's unread notices about that task, once, and nobody else's", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const a = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    const b = await perform(db, org.lead.viewer, createTask, { ...base, title: "Drugie", assigneeId: org.tech.id });
    actAs(org.tech.viewer);
    expect(await changeStatusAction({ taskId: a.id, status: "done" })).toMatchObject({ ok: true });
    // The lead has an unread notice about task A too: it must stay unread when the tech opens A.
    expect(await unread(db, org.lead.id)).toEqual([`task.completed /tasks/${a.id}`]);
    expect(await unread(db, org.tech.id)).toEqual([`task.assigned /tasks/${a.id}`, `task.assigned /tasks/${b.id}`].sort());
    expect(await hasUnreadNoticesAbout(db, org.tech, a.id)).toBe(true);

    expect(await markTaskNoticesReadAction({ taskId: a.id })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await unread(db, org.tech.id)).toEqual([`task.assigned /tasks/${b.id}`]);
    expect(await unread(db, org.lead.id)).toEqual([`task.completed /tasks/${a.id}`]);
    expect(await hasUnreadNoticesAbout(db, org.tech, a.id)).toBe(false);
    const [read] = await db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.link, `/tasks/${a.id}`), eq(notifications.recipientId, org.tech.id)));
    expect(read!.readAt).toBeInstanceOf(Date);

    // A second open changes nothing: the first reading time stays.
    expect(await markTaskNoticesReadAction({ taskId: a.id })).toEqual({ ok: true, data: { marked: 0 } });
    const [again] = await db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.link, `/tasks/${a.id}`), eq(notifications.recipientId, org.tech.id)));
    expect(again!.readAt).toEqual(read!.readAt);

    // The lead opening it reads only the lead's own notice.
    actAs(org.lead.viewer);
    expect(await markTaskNoticesReadAction({ taskId: a.id })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await unread(db, org.lead.id)).toEqual([]);
    expect(await unread(db, org.tech.id)).toEqual([`task.assigned /tasks/${b.id}`]);
  });

  it("refuses someone who may not see the task, a bad id and a signed-out caller, touching nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const a = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    actAs(org.stranger.viewer);
    expect(await markTaskNoticesReadAction({ taskId: a.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await markTaskNoticesReadAction({ taskId: "not-a-task" })).toMatchObject({ ok: false, code: "invalid" });
    actAs(null);
    expect(await markTaskNoticesReadAction({ taskId: a.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await unread(db, org.tech.id)).toEqual([`task.assigned /tasks/${a.id}`]);
  });
});
