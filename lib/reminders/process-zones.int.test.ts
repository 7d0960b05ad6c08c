import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { createTask } from "@/lib/tasks/commands";
import { createTaskInput } from "@/lib/tasks/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { pendingMoments } from "./fire";

describe("reminder moments whatever the server's zone", () => {
  it("puts '1 day before' a due time on the night Warsaw repeats an hour at its first occurrence", async () => {
    const db = await testDb();
    const boss = await makeUser(db, { role: "manager", timeZone: "Europe/Warsaw" });
    const assignee = await makeUser(db, { timeZone: "Europe/Warsaw", supervisorId: boss.id });
    // Due Monday 1 November 2027 02:30: a day before is Sunday 02:30, which Warsaw lives twice.
    const task = await perform(
      db,
      boss.viewer,
      createTask,
      createTaskInput.parse({
        title: "Odczyt liczników",
        assigneeId: assignee.id,
        dueAt: "2027-11-01T02:30",
        reminders: [{ type: "before", offsetMinutes: 1440 }],
      }),
    );
    const reminders = (await pendingMoments(db, task.id, 1)).filter((m) => m.key.startsWith("reminder:"));
    expect(reminders.map((m) => m.at.toISOString())).toEqual(["2027-10-31T00:30:00.000Z"]);
  });
});
