import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { moments, notifications } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import { createTaskInput } from "@/lib/tasks/schema";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { testDb } from "@/lib/testing/db";
import { instantToWallClock } from "@/lib/time/zoned";
import { reconcileTimelines } from "./reconcile";

const MINUTE = 60_000;

describe("reconcile", () => {
  it("sends every due moment whose run never started in one pass, and nothing again on the next", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    // Ahead when set (so not skipped), due by the time of the pass.
    const due = new Date(Math.ceil((Date.now() + 3 * MINUTE) / MINUTE) * MINUTE);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const dueAt = instantToWallClock(due, org.boss.viewer.timeZone);
      const task = await perform(db, org.boss.viewer, createTask, createTaskInput.parse({ title: `Zaległe ${i}`, assigneeId: org.tech.id, dueAt }));
      ids.push(task.id);
    }
    const overdueSent = async () =>
      new Set(
        (
          await db
            .select({ taskId: moments.itemId })
            .from(moments)
            .where(and(inArray(moments.itemId, ids), eq(moments.kind, "overdue"), isNotNull(moments.sentAt)))
        ).map((r) => r.taskId),
      );
    const notices = () =>
      db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, "task.overdue"),
            inArray(
              notifications.link,
              ids.map((id) => `/tasks/${id}`),
            ),
          ),
        );
    expect((await overdueSent()).size).toBe(0);

    const now = new Date(due.getTime() + MINUTE);
    const first = await reconcileTimelines(db, now);
    expect(first.checked).toBeGreaterThanOrEqual(ids.length);
    expect(await overdueSent()).toEqual(new Set(ids));
    // The assignee and the delegator of each task, once.
    expect(await notices()).toHaveLength(2 * ids.length);
    await reconcileTimelines(db, now);
    expect(await notices()).toHaveLength(2 * ids.length);
  });
});
