import { and, eq, inArray } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { timelineFirings } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import { createTaskInput } from "@/lib/tasks/schema";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { testDb } from "@/lib/testing/db";
import { reconcileTimelines } from "./reconcile";

describe("reconcile", () => {
  it("reaches every candidate task although each pass takes a bounded batch", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    // Far in the future, so no other test's tasks fall into this reconcile window.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const task = await perform(
        db,
        org.boss.viewer,
        createTask,
        createTaskInput.parse({ title: `Zaległe ${i}`, assigneeId: org.tech.id, dueAt: "2099-01-05T10:00" }),
      );
      ids.push(task.id);
    }
    const now = new Date("2099-01-05T12:00:00Z");
    const overdueSent = async () =>
      new Set(
        (
          await db
            .select({ taskId: timelineFirings.taskId })
            .from(timelineFirings)
            .where(and(inArray(timelineFirings.taskId, ids), eq(timelineFirings.kind, "overdue")))
        ).map((r) => r.taskId),
      );
    const first = await reconcileTimelines(db, now, { limit: 2 });
    expect(first.checked).toBe(2);
    expect((await overdueSent()).size).toBe(2);
    // Other test files may reconcile at the same time and move the shared cursor: allow a few extra passes.
    for (let pass = 0; pass < 10 && (await overdueSent()).size < ids.length; pass++) await reconcileTimelines(db, now, { limit: 2 });
    expect(await overdueSent()).toEqual(new Set(ids));
  });
});
