import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient } from "@/lib/testing/factories";
import { createTask } from "./commands";
import { DEFAULT_LIST_PARAMS } from "./list-params";
import { delegatedTasksOf, myTasks, teamTasksOf } from "./lists";
import { relatedTasks, taskForViewer } from "./queries";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";

describe("who may see a task and what they may do", () => {
  it("shows a delegated task to creator, assignee, everyone above either, and admins; refuses the rest", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });

    for (const who of [org.lead, org.tech, org.manager, org.boss, org.admin]) {
      await expect(taskForViewer(db, who.viewer, id, new Date()), who.name).resolves.toMatchObject({ task: { id } });
    }
    for (const who of [org.stranger, org.tech2]) {
      await expect(taskForViewer(db, who.viewer, id, new Date()), who.name).rejects.toMatchObject({ code: "forbidden", message: "tasks.errors.notVisible" });
    }
  });

  it("shows a task delegated by someone outside the chain to the assignee's supervisors two levels up", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.stranger.viewer, createTask, { ...base, assigneeId: org.tech.id });
    await expect(taskForViewer(db, org.manager.viewer, id, new Date())).resolves.toMatchObject({
      permissions: { see: true, reassign: true, editDetails: false, work: false },
    });
    await expect(taskForViewer(db, org.tech2.viewer, id, new Date())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows a task someone gave themself to their supervisors", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.tech.viewer, createTask, base);
    await expect(taskForViewer(db, org.lead.viewer, id, new Date())).resolves.toBeTruthy();
    await expect(taskForViewer(db, org.manager.viewer, id, new Date())).resolves.toBeTruthy();
    await expect(taskForViewer(db, org.stranger.viewer, id, new Date())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives each party its own rights", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    const perms = async (who: typeof org.lead) => (await taskForViewer(db, who.viewer, id, new Date())).permissions;
    expect(await perms(org.lead)).toMatchObject({ editDetails: true, reassign: true, work: false, cancel: true, comment: true, editReminders: true });
    expect(await perms(org.tech)).toMatchObject({ editDetails: false, reassign: false, work: true, cancel: false, comment: true, editReminders: true });
    expect(await perms(org.manager)).toMatchObject({ editDetails: false, reassign: true, work: false, cancel: false, comment: true, editReminders: false });
    expect(await perms(org.admin)).toMatchObject({ editDetails: true, reassign: true, work: false, cancel: true, comment: true });
  });

  it("lists exactly the tasks the single read lets each person open, and refuses the stranger both", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const give = async (from: typeof org.lead, to: typeof org.lead) =>
      (await perform(db, from.viewer, createTask, { ...base, title: `${from.name} → ${to.name}`, assigneeId: to.id, clientId: client.id })).id;
    const ids = [
      await give(org.lead, org.tech),
      await give(org.stranger, org.tech),
      await give(org.tech, org.tech),
      await give(org.tech2, org.tech2),
      await give(org.manager, org.tech2),
      await give(org.lead, org.lead),
      await give(org.admin, org.stranger),
      await give(org.stranger, org.stranger),
    ];
    const strangers = new Set<string>();
    for (const who of [org.boss, org.manager, org.lead, org.tech, org.tech2, org.admin, org.stranger]) {
      const opened = new Set<string>();
      for (const id of ids) {
        const read = await taskForViewer(db, who.viewer, id, new Date()).then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
        expect(["ok", "forbidden"], `${who.name} ${id}`).toContain(read);
        if (read === "ok") opened.add(id);
      }
      const listed = new Set((await relatedTasks(db, who.viewer, { clientId: client.id }, new Date())).open.map((t) => t.id));
      expect([...listed].sort(), who.name).toEqual([...opened].sort());
      for (const list of [myTasks, delegatedTasksOf, teamTasksOf]) {
        for (const row of (await list(db, who.viewer, DEFAULT_LIST_PARAMS, new Date())).rows) expect(opened.has(row.id), `${who.name} ${row.id}`).toBe(true);
      }
      if (who === org.stranger) for (const id of opened) strangers.add(id);
    }
    // The stranger sees only what involves them: the task they delegated and those given to them.
    expect([...strangers].sort()).toEqual([ids[1], ids[6], ids[7]].sort());
  });

  it("answers not found for a task that does not exist", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.admin.viewer);
    await expect(taskForViewer(db, org.admin.viewer, "7b0b6c1e-1111-4c5e-9a3f-000000000000", new Date())).rejects.toMatchObject({ code: "not_found" });
  });
});

const base = { ...TASK_INPUT, title: "Przegląd" };
