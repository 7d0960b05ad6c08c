import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients, taskActivity, tasks } from "@/db/schema";
import { createClientAction } from "@/lib/crm/actions";
import { commentOnTaskAction, createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import { globalFootprint, makeTaskOrg } from "@/lib/testing/task-org";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";

// Postgres refuses a NUL byte in text; before the fields refused it, the person saw "internal".
describe("a NUL byte or another control character in a form", () => {
  it("is a field error on create, and nothing is written", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const before = await globalFootprint(db, org.lead.id);

    const r = await createTaskAction({ title: "Wymiana\u0000filtra", description: "Opis\u0000", assigneeId: org.tech.id });
    expect(r).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: [expect.stringContaining("control")], description: [expect.stringContaining("control")] },
    });
    expect(await globalFootprint(db, org.lead.id)).toEqual(before);

    const bidi = await createClientAction({ name: "Polmet \u202Egpj.exe" });
    expect(bidi).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: [expect.stringContaining("control")] } });
    const [named] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(eq(clients.name, "Polmet \u202Egpj.exe"));
    expect(named!.n).toBe(0);
  });

  it("is a field error on edit and comment, and the task stays as it was", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer);
    const created = await createTaskAction({ title: "Wymiana filtra", description: "Linia 1\r\nLinia 2", assigneeId: org.tech.id });
    if (!created.ok) throw new Error(created.error);
    const [task] = await db.select().from(tasks).where(eq(tasks.id, created.data.id));
    // A textarea's CRLF is kept as LF.
    expect(task!.description).toBe("Linia 1\nLinia 2");

    const history = await db.select().from(taskActivity).where(eq(taskActivity.taskId, task!.id));

    expect(await updateTaskAction({ taskId: task!.id, title: "Nowy\u0000tytuł" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: [expect.any(String)] },
    });
    expect(await commentOnTaskAction({ taskId: task!.id, comment: "Zrobione\u0000" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { comment: [expect.any(String)] },
    });
    const [after] = await db.select().from(tasks).where(eq(tasks.id, task!.id));
    expect(after).toEqual(task);
    expect(await db.select().from(taskActivity).where(eq(taskActivity.taskId, task!.id))).toEqual(history);
  });
});
