import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { taskActivity, taskReminders, tasks } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient, makeUser } from "@/lib/testing/factories";
import { createTaskAction } from "./actions";
import { globalFootprint, makeTaskOrg, noticesOf } from "@/lib/testing/task-org";

describe("createTask", () => {
  it("creates a task for me by default, with no notice to myself", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    actAs(me.viewer);
    const r = await createTaskAction({ title: "  Zadzwonić do klienta  " });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await db.select().from(tasks).where(eq(tasks.id, r.data.id));
    expect(row).toMatchObject({
      title: "Zadzwonić do klienta",
      assigneeId: me.id,
      createdById: me.id,
      status: "open",
      progress: 0,
      priority: "normal",
      version: 1,
    });
    expect(await noticesOf(db, r.data.id)).toEqual([]);
    const history = await db.select().from(taskActivity).where(eq(taskActivity.taskId, r.data.id));
    expect(history).toMatchObject([{ kind: "created", actorId: me.id, newValue: me.id }]);
  });

  it("delegates: the due time is read in the creator's zone and the assignee's notice is in their language and zone", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    actAs(org.lead.viewer); // Europe/Warsaw
    const r = await createTaskAction({
      title: "Wymienić uszczelkę",
      priority: "high",
      dueAt: "2026-03-29T09:00",
      assigneeId: org.tech.id, // English, Europe/Berlin
      needsAcceptance: true,
      reminders: [
        { type: "before", offsetMinutes: 60 },
        { type: "at", fireAt: "2026-03-28T16:00", channel: "sms" },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await db.select().from(tasks).where(eq(tasks.id, r.data.id));
    expect(row!.dueAt?.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(row).toMatchObject({ createdById: org.lead.id, assigneeId: org.tech.id, needsAcceptance: true, priority: "high" });
    const reminders = await db.select().from(taskReminders).where(eq(taskReminders.taskId, r.data.id));
    expect(reminders.map((x) => [x.offsetMinutes, x.fireAt?.toISOString() ?? null, x.channel])).toEqual(
      expect.arrayContaining([
        [60, null, null],
        [null, "2026-03-28T15:00:00.000Z", "sms"],
      ]),
    );
    expect(reminders).toHaveLength(2);
    const notices = await noticesOf(db, r.data.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientId: org.tech.id,
      actorId: org.lead.id,
      kind: "task.assigned",
      priority: "high",
      channel: null,
      status: "pending",
      link: `/tasks/${r.data.id}`,
      title: `New task #${row!.number}: Wymienić uszczelkę`,
    });
    expect(notices[0]!.body).toContain("Brygadzista has assigned");
    expect(notices[0]!.body).toContain("09:00"); // 07:00Z is 09:00 in Berlin too (both CEST that day)
  });

  it("fills the client from the chosen case", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: me.id, clientId: client.id });
    actAs(me.viewer);
    const r = await createTaskAction({ title: "Oferta", caseId: kase.id });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await db.select().from(tasks).where(eq(tasks.id, r.data.id));
    expect(row).toMatchObject({ clientId: client.id, caseId: kase.id });
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const clientA = await makeClient(db);
    const clientB = await makeClient(db);
    const caseOfB = await makeCase(db, { ownerId: me.id, clientId: clientB.id });
    actAs(me.viewer);
    const before = await globalFootprint(db, me.id);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ title: "   " }, "title", "This field is required."],
      [{ title: "X", dueAt: "2026-02-30T10:00" }, "dueAt", "Enter a valid date."],
      [{ title: "X", dueAt: "2026-01-01T24:00" }, "dueAt", "Enter a valid date."],
      [{ title: "X", assigneeId: "7b0b6c1e-1111-4c5e-9a3f-000000000000" }, "assigneeId", "Choose an active user."],
      [{ title: "X", assigneeId: inactive.id }, "assigneeId", "Choose an active user."],
      [{ title: "X", assigneeId: "nobody" }, "assigneeId", "Choose an active user."],
      [{ title: "X", progress: 150 }, "progress", "Progress is a whole number from 0 to 100."],
      [{ title: "X", progress: -1 }, "progress", "Progress is a whole number from 0 to 100."],
      [{ title: "X", clientId: clientA.id, caseId: caseOfB.id }, "caseId", "This case belongs to another client."],
      [{ title: "X", reminders: [{ type: "before", offsetMinutes: 60 }] }, "reminders.0.offsetMinutes", "A reminder before the due time needs a due time."],
      [
        { title: "X", dueAt: "2026-05-01T10:00", reminders: [{ type: "before", offsetMinutes: 2 }] },
        "reminders.0.offsetMinutes",
        "A reminder can be from 5 minutes to 2 weeks before the due time.",
      ],
      [
        { title: "X", dueAt: "2026-05-01T10:00", reminders: [{ type: "before", offsetMinutes: 20161 }] },
        "reminders.0.offsetMinutes",
        "A reminder can be from 5 minutes to 2 weeks before the due time.",
      ],
    ];
    for (const [input, field, message] of cases) {
      const r = await createTaskAction(input as never);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid" });
      if (!r.ok) expect(r.fieldErrors?.[field], JSON.stringify(input)).toEqual([message]);
    }
    expect(await globalFootprint(db, me.id)).toEqual(before);
  });

  it("reports several problems at once", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    actAs(me.viewer);
    const r = await createTaskAction({ title: "X", assigneeId: "7b0b6c1e-1111-4c5e-9a3f-000000000000", caseId: "7b0b6c1e-2222-4c5e-9a3f-000000000000" });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["assigneeId", "caseId"]);
  });

  it("refuses a signed-out caller", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    actAs(null);
    const r = await createTaskAction({ title: "X", assigneeId: me.id });
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await db.select().from(tasks).where(eq(tasks.assigneeId, me.id))).toEqual([]);
  });
});
